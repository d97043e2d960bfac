/**
 * Which device the page runs on, for choosing app-store links and for showing
 * an otpauth:// link only where a tap can open an authenticator app.
 * Pure functions over hints; `readPlatformHints()` gathers them from the browser.
 */

export type Platform = 'ios' | 'android' | 'desktop';

export interface PlatformHints {
  readonly userAgent: string;
  /** `navigator.platform`; iPadOS reports "MacIntel" with a desktop user agent. */
  readonly platform?: string;
  readonly maxTouchPoints?: number;
  /** `navigator.userAgentData.mobile` where the browser has it. */
  readonly mobile?: boolean;
  /** Whether the primary pointer is coarse (a finger). */
  readonly coarsePointer?: boolean;
}

export function detectPlatform(hints: PlatformHints): Platform {
  const ua = hints.userAgent;
  if (/android/i.test(ua)) return 'android';
  if (/iphone|ipad|ipod/i.test(ua)) return 'ios';
  if (hints.platform === 'MacIntel' && (hints.maxTouchPoints ?? 0) > 1) return 'ios';
  return 'desktop';
}

/**
 * A phone or tablet, where an otpauth:// link can open an installed
 * authenticator app. On a desktop it usually has no handler and does nothing
 * (azure-ad-b2c/samples #649), or worse, is sent to a search engine.
 */
export function canOpenAppLinks(hints: PlatformHints): boolean {
  return detectPlatform(hints) !== 'desktop' || hints.mobile === true || hints.coarsePointer === true;
}

interface NavigatorWithUaData {
  readonly userAgentData?: { readonly mobile?: boolean };
}

export function readPlatformHints(): PlatformHints {
  if (typeof navigator === 'undefined') return { userAgent: '' };
  return {
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    maxTouchPoints: navigator.maxTouchPoints,
    mobile: (navigator as Navigator & NavigatorWithUaData).userAgentData?.mobile,
    coarsePointer: typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches,
  };
}
