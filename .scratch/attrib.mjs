import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
const out = '/tmp/cdn-map';
await build({ mode: 'cdn', logLevel: 'silent', build: { outDir: out, sourcemap: true } });
const code = readFileSync(`${out}/b2c-totp-kit.js`, 'utf8');
const map = new TraceMap(readFileSync(`${out}/b2c-totp-kit.js.map`, 'utf8'));
const lines = code.split('\n');
const bytes = new Map();
let prev = null;
const segs = [];
eachMapping(map, (m) => segs.push(m));
for (let i = 0; i < segs.length; i++) {
  const m = segs[i], n = segs[i + 1];
  const end = n && n.generatedLine === m.generatedLine ? n.generatedColumn : lines[m.generatedLine - 1].length;
  const key = (m.source ?? '?').replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/');
  bytes.set(key, (bytes.get(key) ?? 0) + (end - m.generatedColumn));
}
for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(7), k);
