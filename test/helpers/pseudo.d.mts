/** `text` accented outside its placeholders, and 40 % longer. */
export declare function pseudo(text: string): string;
/** Every text of `strings` in the pseudo-locale, key by key. */
export declare function stretch<T extends object>(strings: T): T;
