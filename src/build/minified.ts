/** Every byte reaches a sign-in page: output fully minified, without comments. */
export const MINIFIED = { minify: true, comments: false } as const;
