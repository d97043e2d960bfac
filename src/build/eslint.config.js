// `npm run lint`: ESLint with typescript-eslint (type-aware in src/), eslint-plugin-lit and
// eslint-plugin-no-unsanitized, then lit-analyzer for the templates (see package.json).
// What they do not cover, kept here as core rules: no import of Lit's unsafe directives
// (unsafeHTML, unsafeSVG, unsafeMathML, unsafeStatic) and no unsafeCSS, which would turn
// data into markup or styles; no-new-func beside no-eval and no-implied-eval.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const root = new URL('../..', import.meta.url).pathname;

const noCodeFromData = {
  // The kit compares strictly throughout (conventions): no == type juggling on page data.
  eqeqeq: ['error', 'always'],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'lit/static-html.js', message: 'unsafeStatic turns data into template markup.' }],
      patterns: [{ group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'], message: 'Unsafe directives turn data into markup.' }],
    },
  ],
  'no-restricted-syntax': ['error', { selector: "Identifier[name='unsafeCSS']", message: 'unsafeCSS turns data into styles.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.scratch/**', '.bench/**'] },
  js.configs.recommended,
  // Code that reaches a page (and the preview's): never data into markup or code. The tests may
  // inject B2C's markup as B2C does.
  { files: ['src/**'], ...noUnsanitized.configs.recommended },
  { files: ['src/**'], rules: noCodeFromData },
  { files: ['src/**'], ignores: ['src/build/**', 'src/preview/server/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_` marks a parameter a signature requires and the code does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The kit's own code: type-aware rules, and Lit's.
    files: ['src/**/*.ts'],
    ignores: ['src/build/**', 'src/preview/server/**'],
    extends: [tseslint.configs.recommendedTypeChecked, lit.configs['flat/recommended']],
    languageOptions: { parserOptions: { project: 'tsconfig.json', tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-implied-eval': 'error',
      // Unbound methods are how Lit's event bindings read (@click=${this.copySecret} is bound by Lit).
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/build/**', 'src/preview/server/**', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Node suites and the bench: their page.evaluate() callbacks run in the browser.
    files: ['test/**/*.mjs', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
);
