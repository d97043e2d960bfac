/**
 * The address the built templates will be served from (TEMPLATE_BASE_URL).
 * B2C's page lives on <tenant>.b2clogin.com and loads the template from the
 * customer's storage, so every URL in a template (CSS, scripts, the modules the
 * script imports, images) must be absolute: a relative one resolves against
 * b2clogin.com and fails. The base URL is written into every template, so it
 * must not carry anything that is not an address.
 */

const EXAMPLE = 'https://contosob2c.blob.core.windows.net/templates/';

/** Why a base URL cannot be used, or undefined when it can. */
export function baseUrlProblem(value: string | undefined): string | undefined {
  if (!value) return 'TEMPLATE_BASE_URL is not set.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'TEMPLATE_BASE_URL is not an absolute URL.';
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    return 'TEMPLATE_BASE_URL must use https: (B2C only loads templates over HTTPS; http: is allowed for localhost only).';
  }
  // Never echo the value in these: it may hold the very credentials being refused.
  if (url.username || url.password) {
    return 'TEMPLATE_BASE_URL holds a user name or password: it would be published in every template. B2C fetches templates anonymously: make the container public (read access for blobs) and give its plain address.';
  }
  if (url.search || value.includes('?')) {
    return 'TEMPLATE_BASE_URL has a query (such as an Azure SAS token ?sv=…&sig=…): it would be published in every template, and the asset URLs built on it would break. Give the plain address of a public container, without a query.';
  }
  if (url.hash || value.includes('#')) {
    return 'TEMPLATE_BASE_URL has a fragment (#…): the asset URLs built on it would break. Give the plain address of the folder.';
  }
  return undefined;
}

/** The base URL, ending in `/`; throws with what to do when it cannot be used. */
export function templateBaseUrl(value = process.env.TEMPLATE_BASE_URL): string {
  const problem = baseUrlProblem(value);
  if (problem) {
    throw new Error(
      `${problem}\nSet TEMPLATE_BASE_URL to the HTTPS address the templates will be served from, e.g.\n` +
        `  TEMPLATE_BASE_URL=${EXAMPLE} npm run build\n` +
        'B2C fetches templates from another origin, so their CSS, JS and image URLs must be absolute.',
    );
  }
  const href = new URL(value!).href;
  return href.endsWith('/') ? href : `${href}/`;
}
