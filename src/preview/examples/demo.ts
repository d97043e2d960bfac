/**
 * What the embedding examples share: a demo enrollment (a real otpauth URI, as
 * a server would issue it; its secret is a well-known demo value) and the
 * preview's light/dark switch, which passes `?theme=` to the page in its frame.
 */
export const DEMO_URI = 'otpauth://totp/Northwind:emily@fabrikam.com?secret=JBSWY3DPEHPK3PXP&issuer=Northwind';

export function applyPreviewTheme(): void {
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
}
