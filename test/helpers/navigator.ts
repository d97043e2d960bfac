/** Replaces parts of `navigator` while a test's `body` runs, and puts them back. */

/** Gives `navigator[name]` the value `value` while `body` runs (an own property shadows the prototype's). */
export async function withNavigator<T>(name: 'userAgent' | 'clipboard', value: unknown, body: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, name, { value, configurable: true });
  try {
    return await body();
  } finally {
    delete (navigator as unknown as Record<string, unknown>)[name];
  }
}

/** Makes the browser look like another device while `body` runs. */
export const withUserAgent = <T>(userAgent: string, body: () => Promise<T>) => withNavigator('userAgent', userAgent, body);

/** Replaces `navigator.clipboard` while `body` runs (undefined: an insecure context). */
export const withClipboard = <T>(clipboard: unknown, body: () => Promise<T>) => withNavigator('clipboard', clipboard, body);
