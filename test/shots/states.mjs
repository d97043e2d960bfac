// The preview gallery's states and the widths the picture book and the layout checks load them at.

/** Every state of the preview's gallery: its page template and query. */
export const STATES = {
  enroll: 'totp.html?state=enroll',
  verify: 'totp.html?state=verify',
  'wrong-code': 'totp.html?state=wrong-code',
  'too-many': 'totp.html?state=too-many',
  'server-error': 'totp.html?state=server-error',
  signin: 'unified.html?state=signin',
  profile: 'selfasserted.html?state=profile',
  error: 'error.html?state=error',
  'rest-enroll': 'totp-rest.html?state=rest-enroll',
  'rest-enroll-uri': 'totp-rest.html?state=rest-enroll-uri',
  'rest-used': 'selfasserted.html?state=rest-used',
  'phone-sent': 'selfasserted.html?state=phone-sent',
  'phone-wrong-code': 'selfasserted.html?state=phone-wrong-code',
  choice: 'choice.html?state=choice',
};

/** Each width, and the device the preview emulates at it. */
export const WIDTHS = { 320: 'android', 375: 'iphone', 768: 'ipad', 1280: 'desktop' };
