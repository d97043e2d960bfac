/**
 * Minifies the CSS inside the elements' css`` literals with Lightning CSS
 * (Vite's own CSS minifier): the minifier of JavaScript keeps template
 * literals exactly as written, indentation and all, and every byte reaches a
 * sign-in page. An interpolation (another css`` result, such as the
 * visually-hidden rules) becomes a custom property while the CSS is minified,
 * and is put back after. A literal that is a list of declarations (no rule of
 * its own) is minified inside a rule and unwrapped. Invalid CSS fails the build.
 */
import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

const PLACEHOLDER = (index: number) => `--kit-css-${index}`;

/** The end of the template literal whose text starts at `start` (just after its opening backtick). */
function literalEnd(code: string, start: number): { end: number; parts: string[]; expressions: string[] } {
  const parts: string[] = [];
  const expressions: string[] = [];
  let text = '';
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char === '\\') {
      text += char + code[++i];
    } else if (char === '`') {
      parts.push(text);
      return { end: i, parts, expressions };
    } else if (char === '$' && code[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < code.length && depth > 0; j++) depth += code[j] === '{' ? 1 : code[j] === '}' ? -1 : 0;
      parts.push(text);
      expressions.push(code.slice(i + 2, j - 1));
      text = '';
      i = j - 1;
    } else {
      text += char;
    }
  }
  throw new Error('an unterminated css`` literal');
}

/** `css` minified: interpolations held as custom properties, a declarations-only literal minified inside a rule. */
export function minifyCss(parts: readonly string[], expressions: readonly string[], filename: string): string {
  const source = parts.reduce((text, part, i) => `${text}${PLACEHOLDER(i - 1)}:0;${part}`);
  const declarationsOnly = !source.includes('{');
  const { code } = transform({ filename, code: Buffer.from(declarationsOnly ? `x{${source}}` : source), minify: true });
  let css = code.toString();
  if (declarationsOnly) css = css.replace(/^x\{([\s\S]*)\}$/, '$1');
  return expressions.reduce((text, expression, i) => text.replace(new RegExp(`${PLACEHOLDER(i)}:0(;?)`), (_, semicolon: string) => `\${${expression}}${semicolon}`), css);
}

/** `code` with the text of every css`` literal minified. */
export function minifyCssLiterals(code: string, filename: string): string {
  let out = '';
  let at = 0;
  for (let start = code.indexOf('css`', at); start >= 0; start = code.indexOf('css`', at)) {
    // A css`` tag, not the end of another name (`unsafeCss`).
    if (/[\w$]/.test(code[start - 1] ?? '')) {
      out += code.slice(at, start + 4);
      at = start + 4;
      continue;
    }
    const { end, parts, expressions } = literalEnd(code, start + 4);
    out += `${code.slice(at, start)}css\`${minifyCss(parts, expressions, filename)}\``;
    at = end + 1;
  }
  return out + code.slice(at);
}

export function minifyCssLiteralsPlugin(): Plugin {
  return {
    name: 'b2c-totp-kit:minify-css-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/]elements[\\/].+\.styles\.ts$/.test(id)) return null;
      return { code: minifyCssLiterals(code, id), map: null };
    },
  };
}
