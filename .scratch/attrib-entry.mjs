import { build } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
const out = '/tmp/ts-map';
await build({ mode: 'template-script', logLevel: 'silent', build: { outDir: out, sourcemap: true, emptyOutDir: true } });
for (const name of readdirSync(`${out}/assets`).filter((f) => f.endsWith('.js') && /^(b2c-totp-kit|shared|verification)/.test(f))) {
  const code = readFileSync(`${out}/assets/${name}`, 'utf8');
  const map = new TraceMap(readFileSync(`${out}/assets/${name}.map`, 'utf8'));
  const lines = code.split('\n');
  const bytes = new Map();
  const segs = [];
  eachMapping(map, (m) => segs.push(m));
  for (let i = 0; i < segs.length; i++) {
    const m = segs[i], n = segs[i + 1];
    const end = n && n.generatedLine === m.generatedLine ? n.generatedColumn : lines[m.generatedLine - 1].length;
    const key = (m.source ?? '?').replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/');
    bytes.set(key, (bytes.get(key) ?? 0) + (end - m.generatedColumn));
  }
  console.log('==', name, code.length);
  for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(7), k);
}
