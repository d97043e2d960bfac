/** The preview's "back in the app" page: says how the journey ended. */

const texts: Record<string, Record<string, [title: string, text: string]>> = {
  en: {
    'signed-in': ["You're signed in", 'Your code from the authenticator app was accepted.'],
    enrolled: ["You're signed in", 'Your authenticator app is set up: next time, sign in with a code from it.'],
    enabled: ['Authenticator app turned on', 'From now on, sign in with a code from your authenticator app.'],
    disabled: ['Authenticator app turned off', 'Your authenticator app is no longer registered for this account.'],
    cancelled: ['Sign-in cancelled', 'You cancelled before signing in. Nothing was changed.'],
    'phone-enrolled': ["You're signed in", 'Your phone is registered: next time, sign in with a code we text to it.'],
  },
  ar: {
    'signed-in': ['تم تسجيل دخولك', 'تم قبول الرمز من تطبيق المصادقة.'],
    enrolled: ['تم تسجيل دخولك', 'تم إعداد تطبيق المصادقة: في المرة القادمة سجّل الدخول برمز منه.'],
    enabled: ['تم تشغيل تطبيق المصادقة', 'من الآن فصاعدًا، سجّل الدخول برمز من تطبيق المصادقة.'],
    disabled: ['تم إيقاف تطبيق المصادقة', 'لم يعد تطبيق المصادقة مسجلاً لهذا الحساب.'],
    cancelled: ['تم إلغاء تسجيل الدخول', 'ألغيت قبل تسجيل الدخول. لم يتغير شيء.'],
    'phone-enrolled': ['تم تسجيل دخولك', 'تم تسجيل هاتفك: في المرة القادمة سجّل الدخول برمز نرسله إليه في رسالة نصية.'],
  },
};

const params = new URLSearchParams(location.search);
const language = params.get('lang') === 'ar' ? 'ar' : 'en';
const outcome = params.get('outcome') ?? '';
const [title, text] = texts[language][Object.hasOwn(texts[language], outcome) ? outcome : 'signed-in'];
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
document.title = title;
document.getElementById('outcome-title')!.textContent = title;
document.getElementById('outcome-text')!.textContent = text;

export {}; // a module: its names stay its own
