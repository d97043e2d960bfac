import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBanned, ALLOWED } from '../tools/source-check.mjs';

const root = new URL('../..', import.meta.url).pathname;

test('src/ uses no unsafe directive, HTML sink or eval outside the reviewed allow-list', () => {
  assert.deepEqual(findBanned(root), []);
});

test('every allow-list entry is still needed', () => {
  for (const [path, names] of Object.entries(ALLOWED)) {
    for (const name of Object.keys(names)) {
      assert.ok(findBanned(root, 'src', {}).includes(`${path}: ${name}`), `${path} no longer uses ${name}: drop it from ALLOWED`);
    }
  }
});

test('the check finds each banned use and ignores comments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-check-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/bad.ts'), [
    "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
    'el.innerHTML = x; el.insertAdjacentHTML("beforeend", x); eval("1"); new Function("a");',
    "setTimeout('alert(1)', 0); document.write(x);",
  ].join('\n'));
  writeFileSync(join(dir, 'src/fine.ts'), '// never innerHTML or eval(x)\n/* unsafeHTML */ const url = "https://example.com";\n');
  assert.deepEqual(findBanned(dir).sort(), [
    'src/bad.ts: document.write',
    'src/bad.ts: eval',
    'src/bad.ts: innerHTML',
    'src/bad.ts: insertAdjacentHTML',
    'src/bad.ts: new Function',
    'src/bad.ts: setTimeout with a string',
    'src/bad.ts: unsafeHTML',
  ]);
});
