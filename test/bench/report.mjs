// The benchmark's table, as Markdown: printed by `npm run bench`, written to
// dist/bench/results.md, and quoted in README.md's "Benchmark" section.

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : 'n/a');
const bytes = (size) => [kb(size.raw), kb(size.gzip)];

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((header, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The smallest of the peers' sets for a QR code and a code input. */
function peersSet(sizes) {
  const sets = ['wa-qr-code + wa-otp-input', '@bitjson/qr-code + wa-otp-input'].map((name) => ({ name, ...sizes.peers[name] }));
  return sets.reduce((smallest, set) => (set.gzip < smallest.gzip ? set : smallest));
}

/** Issue 9's targets, each with what was measured and whether it is met. */
export function targets({ sizes, enrollmentPage, qrRender }) {
  const peers = peersSet(sizes);
  const pages = Object.entries(enrollmentPage);
  const budget = 16 * KB;
  return [
    {
      target: `whole kit ≤ 16 KB gzip, Lit and qrcode-generator inside`,
      measured: `${kb(sizes.kit.gzip)} (${sizes.kit.gzip - budget > 0 ? `${kb(sizes.kit.gzip - budget)} over` : `${kb(budget - sizes.kit.gzip)} to spare`})`,
      met: sizes.kit.gzip <= budget,
    },
    {
      target: `our QR code + code input smaller than the peers' smallest set (${peers.name})`,
      measured: `${kb(sizes.oursQrAndCodeInput.gzip)} vs ${kb(peers.gzip)}`,
      met: sizes.oursQrAndCodeInput.gzip < peers.gzip,
    },
    {
      target: `whole kit smaller than the peers' smallest set`,
      measured: `${kb(sizes.kit.gzip)} vs ${kb(peers.gzip)}`,
      met: sizes.kit.gzip < peers.gzip,
    },
    {
      target: 'QR painted within one frame of the value arriving (median)',
      measured: [
        ...pages.map(([viewport, page]) => `enrollment page, ${viewport}: ${page.framesFromValueToPaint}`),
        ...Object.entries(qrRender.ours).map(([length, run]) => `${length} chars: ${run.framesMedian}`),
      ].join('; '),
      met: pages.every(([, page]) => page.framesFromValueToPaint <= 1) && Object.values(qrRender.ours).every((run) => run.framesMedian <= 1),
    },
    {
      target: 'CLS 0 on the enrollment page (every load)',
      measured: pages.map(([viewport, page]) => `${viewport}: ${page.clsMax.toFixed(4)}`).join('; '),
      met: pages.every(([, page]) => page.clsMax === 0),
    },
  ];
}

function sizesSection(sizes) {
  const rows = [
    ['Kit, whole: dist/cdn (4 elements, Lit, trimmed qrcode-generator)', ...bytes(sizes.kit)],
    ["Template's script alone (the B2C bridge)", ...bytes(sizes.template.script)],
    ...Object.entries(sizes.template)
      .filter(([name]) => name.endsWith('Page'))
      .map(([name, size]) => [`Template, ${name.replace(/Page$/, '')} page: script + what it import()s (${size.files} files)`, ...bytes(size)]),
    ['Lit alone', ...bytes(sizes.lit)],
    ['qrcode-generator, trimmed as the kit ships it', ...bytes(sizes.qrcodeGenerator.trimmed)],
    ['qrcode-generator, untrimmed', ...bytes(sizes.qrcodeGenerator.untrimmed)],
  ];
  const elements = Object.entries(sizes.elements).map(([tag, size]) => [`\`<${tag}>\``, kb(size.alone.gzip), kb(size.withoutLit.gzip), kb(size.ownCode.gzip)]);
  const peers = peersSet(sizes);
  const job = [
    ['Ours: `<totp-qr-code>` + `<totp-code-input>`', sizes.oursQrAndCodeInput],
    ['Ours: the whole kit', sizes.kit],
    ...Object.entries(sizes.peers).map(([name, size]) => [name.includes('CSS') ? `${name} (the components' design tokens)` : name, size]),
  ].map(([name, size]) => [name, ...bytes(size), name.includes('CSS') ? '' : `${((size.gzip / peers.gzip) * 100).toFixed(0)} %`]);
  return [
    '### Bytes (minified; gzip -9; KB = 1,024 bytes)',
    table(['bundle', 'min', 'min+gzip'], rows),
    'Each element alone, min+gzip: its own entry bundled with what it needs',
    table(['element', 'alone, with Lit', 'without Lit', 'own code only'], elements),
    `The same job: a QR code and a code input (peers bundled the same way; % of the peers' smallest set, ${peers.name})`,
    table(['set', 'min', 'min+gzip', 'vs peers'], job),
  ].join('\n\n');
}

function pageSection(enrollmentPage) {
  const rows = Object.values(enrollmentPage).map((page) => [
    page.viewport,
    ms(page.firstContentfulPaintMs),
    ms(page.chunksFetchedMs),
    ms(page.qrInsertedMs),
    ms(page.qrPaintedMs),
    ms(page.valueToPaintMs),
    String(page.framesFromValueToPaint),
    `${page.cls.toFixed(4)} (max ${page.clsMax.toFixed(4)})`,
  ]);
  // A rect of zero size: the node moved out of the viewport.
  const where = ({ y, width, height }) => (width || height ? `y ${Math.round(y)} (height ${Math.round(height)})` : 'out of view');
  const sources = Object.entries(enrollmentPage).flatMap(([viewport, page]) =>
    page.shifts.flatMap((shift) => shift.sources.map((source) => `- ${viewport}: \`${source.node}\` from ${where(source.from)} to ${where(source.to)}`)),
  );
  const loads = Object.values(enrollmentPage)[0].loads;
  return [
    `### The TOTP enrollment page (built template, B2C's markup in #api; median of ${loads} loads per viewport; times from the kit's script starting)`,
    table(['viewport', 'first contentful paint', "enrollment chunks fetched", 'QR element mounted (value arrives)', 'QR painted', 'value → painted', 'frames', 'CLS median'], rows),
    "A negative first paint came before the kit's script started. Frames: 1 = painted in the first frame after the value arrived.",
    ...(sources.length ? ['Layout shifts, in the worst load:', sources.join('\n')] : []),
  ].join('\n\n');
}

function qrSection(qrRender) {
  const rows = Object.entries(qrRender).flatMap(([library, byLength]) =>
    Object.entries(byLength).map(([length, run]) => [library, length, ms(run.renderMedianMs), ms(run.renderP95Ms), String(run.framesMedian), ms(run.toPaintMedianMs)]),
  );
  const runs = Object.values(Object.values(qrRender)[0])[0].runs;
  return [
    `### QR encode and render (value set → output rendered and laid out; median of ${runs} runs)`,
    table(['library', 'URI chars', 'median', 'p95', 'frames to paint', 'value → painted'], rows),
    'The value is set just after a paint, so "value → painted" includes waiting for the next frame (16.7 ms at 60 Hz). ' +
      'Ours draws an SVG path, wa-qr-code a canvas (at twice its size), @bitjson/qr-code an SVG with an element per module, ' +
      'always at error correction H (larger symbols than M, which the others use), rendered by Stencil in the next animation frame.',
  ].join('\n\n');
}

function codeInputSection(codeInput) {
  const rows = Object.entries(codeInput).flatMap(([name, result]) =>
    ['keystroke', 'paste'].map((kind) => {
      const run = result[kind];
      return [name, `${kind} (${run.count})`, ms(run.handledMedianMs), ms(run.handledP95Ms), ms(run.paintedMedianMs), ms(run.paintedP95Ms)];
    }),
  );
  return [
    '### Code input (from keydown: to the input handled, to the next frame painted)',
    table(['element', 'input', 'handled, median', 'p95', 'painted, median', 'p95'], rows),
    'Real key presses and Ctrl+V from the clipboard ("123 456"). "Painted" waits for the next frame, so below 16.7 ms it is mostly where the input fell in the frame.',
  ].join('\n\n');
}

export function formatReport(results) {
  const { date, machine } = results;
  const header = `Benchmark of ${date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ${machine.chromium} headless`;
  const goals = table(['target', 'measured', 'met'], results.targets.map(({ target, measured, met }) => [target, measured, met ? 'yes' : '**no**']));
  return [header, '### Targets', goals, sizesSection(results.sizes), pageSection(results.enrollmentPage), qrSection(results.qrRender), codeInputSection(results.codeInput)].join('\n\n') + '\n';
}
