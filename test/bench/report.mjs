// The benchmark's tables, as Markdown: printed by `npm run bench`, written to
// dist/bench/results.md, and quoted in README.md's "Benchmark" section.
import { LOADINGS, PAGES } from './page-load.mjs';

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const num = (value) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const ms = (value) => (Number.isFinite(value) ? `${num(value)} ms` : 'n/a');
/** A spread of runs: "median ms (min–max)". */
const msRange = (s) => (s && Number.isFinite(s.median) ? `${num(s.median)} ms (${num(s.min)}–${num(s.max)})` : 'n/a');
const count = (s) => (s && Number.isFinite(s.median) ? (s.min === s.max ? String(s.median) : `${s.median} (${s.min}–${s.max})`) : 'n/a');
const cls = (value) => (Number.isFinite(value) ? value.toFixed(5) : 'n/a');

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const cellOf = (pages, build, profile, page, loading) => pages.find((c) => c.build === build && c.profile === profile && c.page === page && c.loading === loading);
const cellsOf = (pages, build, profile) => pages.filter((c) => c.build === build && c.profile === profile);

const VERIFICATION_MS = 150;
const KIT_GZIP = 15 * KB;
const VERIFICATION_GZIP = 9.5 * KB;

/** The issues' targets (12 and 17), each with what was measured and whether it is met. */
export function targets({ sizes, pages, qrRender }) {
  const verify = (loading) => cellOf(pages, 'after', 'slow-phone', 'verify', loading);
  const merged = verify('merged');
  const list = [];
  list.push({
    target: `slow phone: the verification page's code input ready ≤ ${VERIFICATION_MS} ms after DOMContentLoaded where the template is merged, and after the template's script started in every loading mode (median of ${merged.runs})`,
    measured: [`merged: ${ms(merged.dclToReady.median)} after DOMContentLoaded`, ...LOADINGS.map((loading) => `${loading}: ${ms(verify(loading).kitToReady.median)} after the script started`)].join('; '),
    met: merged.dclToReady.median <= VERIFICATION_MS && LOADINGS.every((loading) => verify(loading).kitToReady.median <= VERIFICATION_MS),
  });
  const before = pages.some((c) => c.build === 'before');
  const enroll = (build, loading) => cellOf(pages, build, 'slow-phone', 'enroll', loading);
  list.push({
    target: 'slow phone: the enrollment page no slower than before (navigation start → QR code painted, median, each loading mode)',
    measured: before
      ? LOADINGS.map((loading) => `${loading}: ${ms(enroll('after', loading).navToReady.median)} vs ${ms(enroll('before', loading).navToReady.median)} before`).join('; ')
      : 'not measured: run `npm run bench -- --before`',
    met: before ? LOADINGS.every((loading) => enroll('after', loading).navToReady.median <= enroll('before', loading).navToReady.median) : null,
  });
  const ours = pages.filter((c) => c.build === 'after');
  const byPage = (page) => ours.filter((c) => c.page === page);
  list.push({
    target: "CLS 0 on both pages while the kit upgrades B2C's page (every load, every loading mode and profile)",
    measured: Object.entries(PAGES).map(([page, { label }]) => `${label}: worst ${cls(Math.max(...byPage(page).map((c) => c.clsKit.max)))}`).join('; '),
    met: ours.every((c) => c.clsKit.max === 0),
  });
  list.push({
    target: 'whole kit (dist/cdn bundle) ≤ 15 KB gzip',
    measured: `${kb(sizes.kit.gzip)} (${sizes.kit.gzip > KIT_GZIP ? `${kb(sizes.kit.gzip - KIT_GZIP)} over` : `${kb(KIT_GZIP - sizes.kit.gzip)} to spare`})`,
    met: sizes.kit.gzip <= KIT_GZIP,
  });
  const verification = sizes.pages.after.verify;
  list.push({
    target: 'the verification page ≤ 9.5 KB gzip (everything it loads of ours: the template script and its modules)',
    measured: `${kb(verification.gzip)} in ${verification.files} files (${verification.gzip > VERIFICATION_GZIP ? `${kb(verification.gzip - VERIFICATION_GZIP)} over` : `${kb(VERIFICATION_GZIP - verification.gzip)} to spare`})`,
    met: verification.gzip <= VERIFICATION_GZIP,
  });
  const peers = sizes.peers.sets;
  const enrollmentPeers = [peers.enrollment, peers.enrollmentBitjson].filter(Boolean).reduce((a, b) => (b.size.gzip < a.size.gzip ? b : a));
  list.push({
    target: "each page smaller than the peers' equivalent (gzip; the smaller peer set)",
    measured: `verification ${kb(verification.gzip)} vs ${kb(peers.verification.size.gzip)} (${peers.verification.names.join(' + ')}); enrollment ${kb(sizes.pages.after.enroll.gzip)} vs ${kb(enrollmentPeers.size.gzip)} (${enrollmentPeers.names.join(' + ')}); whole kit ${kb(sizes.kit.gzip)} vs ${kb(peers.whole.size.gzip)} (${peers.whole.names.join(' + ')})`,
    met: verification.gzip < peers.verification.size.gzip && sizes.pages.after.enroll.gzip < enrollmentPeers.size.gzip && sizes.kit.gzip < peers.whole.size.gzip,
  });
  const enrollFrames = byPage('enroll');
  list.push({
    target: 'QR code painted in the frame its value arrives in (median frames: 1), on the enrollment page and in a fresh tab',
    measured: [
      ...enrollFrames.filter((c) => c.loading === 'merged').map((c) => `page, ${c.profile}: ${c.qrFrames.median}`),
      ...Object.entries(qrRender).map(([profile, byLibrary]) => `fresh tab, ${profile}: ${byLibrary.ours.cold.frames.median}`),
    ].join('; '),
    met: enrollFrames.every((c) => c.qrFrames.median <= 1) && Object.values(qrRender).every((byLibrary) => byLibrary.ours.cold.frames.median <= 1),
  });
  return list;
}

function pagesSection(results) {
  const { pages, profiles } = results;
  const sections = [];
  for (const [profile, label] of Object.entries(profiles)) {
    const cells = cellsOf(pages, 'after', profile);
    if (!cells.length) continue;
    const rows = cells.map((c) => [
      PAGES[c.page].label,
      c.loading,
      msRange(c.navToReady),
      c.loading === 'merged' ? msRange(c.dclToReady) : `*${msRange(c.dclToReady)}*`,
      msRange(c.kitToReady),
      `${ms(c.dcl.median)} / ${ms(c.formInApi.median)} / ${ms(c.kitStart.median)} / ${ms(c.modulesIn.median)}`,
      msRange(c.lastInToReady),
      count(c.roundTrips),
      kb(c.kitBytes.median),
      `${cls(c.clsKit.max)} (${cls(c.cls.max)})`,
    ]);
    sections.push(
      `#### ${label}; median of ${cells[0].runs} loads (min–max)`,
      table(
        ['page', 'B2C loads the template', 'navigation start → ready', 'DOMContentLoaded → ready', "template's script starts → ready", "DOMContentLoaded / B2C's form in #api / script starts / its modules in", 'the last of those → ready', 'round trips after the script starts', 'ours on the wire', "CLS during the kit's upgrade (whole load), worst"],
        rows,
      ),
    );
  }
  const before = pages.some((c) => c.build === 'before');
  if (before) {
    const rows = [];
    for (const page of Object.keys(PAGES)) {
      for (const loading of LOADINGS) {
        const [b, a] = ['before', 'after'].map((build) => cellOf(pages, build, 'slow-phone', page, loading));
        rows.push([
          PAGES[page].label,
          loading,
          msRange(b.dclToReady),
          msRange(a.dclToReady),
          msRange(b.kitToReady),
          msRange(a.kitToReady),
          msRange(b.navToReady),
          msRange(a.navToReady),
          `${count(b.roundTrips)} → ${count(a.roundTrips)}`,
          `${kb(b.kitBytes.median)} → ${kb(a.kitBytes.median)}`,
        ]);
      }
    }
    sections.push(
      `#### Before and after, slow phone: ${results.builds.before.label} → this build (median of ${cellOf(pages, 'before', 'slow-phone', 'verify', 'merged').runs} loads each, interleaved)`,
      table(['page', 'B2C loads the template', 'DOMContentLoaded → ready, before', 'after', 'script starts → ready, before', 'after', 'navigation start → ready, before', 'after', 'round trips after the script starts', 'ours on the wire'], rows),
    );
  }
  // Layout shifts of the worst load of each page (the slow phone's first, then the desktop's), deduplicated.
  const seen = new Map();
  for (const c of pages.filter((cell) => cell.build === 'after')) {
    for (const shift of c.worstShifts) {
      const where = ({ y, width, height }) => (width || height ? `y ${Math.round(y)}` : 'out of view');
      const text = `${PAGES[c.page].label}: ${shift.sources.map((s) => `\`${s.node}\` ${where(s.from)} → ${where(s.to)}`).join(', ')}; ${shift.byKit ? "the kit's upgrade" : shift.movableByKit ? 'before the kit changed the page' : "not the kit's: the page's body, as the template's stylesheet applies"}`;
      const entry = seen.get(text) ?? { text, values: [], where: new Set() };
      entry.values.push(shift.value);
      entry.where.add(`${c.profile === 'slow-phone' ? 'slow phone' : c.profile} ${c.loading}`);
      seen.set(text, entry);
    }
  }
  const shifts = [...seen.values()].map((e) => `- ${e.text}: ${cls(Math.min(...e.values))}–${cls(Math.max(...e.values))} (${[...e.where].join(', ')})`);
  return [
    "### The TOTP pages, hosted as on B2C (built templates on a storage origin, B2C's page on another, each load in a fresh browser context)",
    ...sections,
    'Ready: on the verification page, `<totp-code-input>` defined and attached to B2C\'s `#otpCode` (autocomplete=one-time-code); on the enrollment page, the QR code painted (the end of the first frame after which its SVG path exists). ' +
      'DOMContentLoaded says something only where the template is merged into the page (its `<script defer>` runs just before it); where B2C\'s loader brings the template, it comes after DOMContentLoaded (in italics). ' +
      'The milestones are medians from navigation start; "the last of those → ready" is the kit\'s own work once its script had started, B2C\'s form was in #api and the modules had arrived. ' +
      'Round trips: sequential rounds of requests for the kit\'s modules made after its script started (0: all were requested with the template). ' +
      'On the wire: the kit\'s script and modules, response headers included, uncompressed as the storage serves them. ' +
      'CLS: every layout shift from navigation start (in brackets), and those of the kit\'s upgrade: from the kit\'s first element in the page on, and moving a node in #api or after it (never the page\'s body, which moves where B2C\'s loader puts the template\'s body in the page before its stylesheet has arrived).',
    ...(shifts.length ? ['Layout shifts in the worst load of each page and mode (value range over the pages and modes listed):', shifts.join('\n')] : []),
  ].join('\n\n');
}

const bytesRow = (name, size, extra = []) => [name, kb(size.raw), kb(size.gzip), kb(size.brotli), ...extra];

function sizesSection(sizes, builds) {
  const { pages, peers } = sizes;
  const pageRow = (build, page, label) => {
    const size = pages[build]?.[page];
    return size ? [bytesRow(`${label}: ${size.names.join(', ')}`, size, [String(size.files)])] : [];
  };
  const rows = [
    bytesRow('Kit, whole: dist/cdn (4 elements, Lit, trimmed qrcode-generator)', sizes.kit, ['1']),
    ...pageRow('after', 'verify', 'Verification page, ours'),
    ...pageRow('after', 'enroll', 'Enrollment page, ours'),
    ...pageRow('before', 'verify', `Verification page, ours, before (${builds.before?.label})`),
    ...pageRow('before', 'enroll', `Enrollment page, ours, before (${builds.before?.label})`),
    bytesRow('Lit alone', sizes.lit, ['1']),
    bytesRow('qrcode-generator, trimmed as the kit ships it', sizes.qrcodeGenerator.trimmed, ['1']),
    bytesRow('qrcode-generator, untrimmed', sizes.qrcodeGenerator.untrimmed, ['1']),
  ];
  const vs = (ours, theirs) => `${((ours.gzip / theirs.gzip) * 100).toFixed(0)} %`;
  const set = (name) => peers.sets[name];
  const compare = [
    bytesRow('Verification page, ours', pages.after.verify, ['100 %']),
    bytesRow(set('verification').names.join(' + '), set('verification').size, [vs(set('verification').size, pages.after.verify)]),
    bytesRow('Enrollment page, ours', pages.after.enroll, ['100 %']),
    bytesRow(set('enrollment').names.join(' + '), set('enrollment').size, [vs(set('enrollment').size, pages.after.enroll)]),
    ...(set('enrollmentBitjson') ? [bytesRow(set('enrollmentBitjson').names.join(' + '), set('enrollmentBitjson').size, [vs(set('enrollmentBitjson').size, pages.after.enroll)])] : []),
    bytesRow('Whole kit, ours (dist/cdn)', sizes.kit, ['100 %']),
    bytesRow(set('whole').names.join(' + '), set('whole').size, [vs(set('whole').size, sizes.kit)]),
    bytesRow("Web Awesome's theme CSS (every wa- set needs it)", peers.theme, ['']),
  ];
  const elements = Object.entries(sizes.elements).map(([tag, size]) => [`\`<${tag}>\``, kb(size.alone.gzip), kb(size.withoutLit.gzip), kb(size.ownCode.gzip)]);
  return [
    '### Bytes (as stored, as Azure Blob Storage serves them by default; gzip -9; brotli quality 11; each file on its own, summed; KB = 1,024 bytes)',
    table(['bundle', 'as stored', 'gzip', 'brotli', 'files'], rows),
    "Page for page: what each page loads of ours, against the peers' equivalent, each set one bundle (the peers' size as a % of ours, gzip)",
    table(['set', 'as stored', 'gzip', 'brotli', 'vs ours'], compare),
    'Each element alone, gzip: its own entry bundled with what it needs',
    table(['element', 'alone, with Lit', 'without Lit', 'own code only'], elements),
  ].join('\n\n');
}

function qrSection(qrRender, profiles, runs) {
  const rows = Object.entries(qrRender).flatMap(([profile, byLibrary]) =>
    Object.entries(byLibrary).map(([library, { cold, warm }]) => [profiles[profile], library, msRange(cold.toPaintMs), count(cold.frames), msRange(warm.toPaintMs), count(warm.frames)]),
  );
  return [
    `### QR render (a ${runs.qrLength}-character otpauth URI; from the start of a frame to the end of the frame that paints it; cold: the first render in a fresh tab, median of ${runs.qrRenders}; warm: ${runs.qrWarm} more renders in each tab)`,
    table(['profile', 'library', 'cold: value → painted', 'frames', 'warm: value → painted', 'frames'], rows),
    "The clock starts in a requestAnimationFrame callback, where the element is created with its value and inserted (warm: its value changed), and stops once the first frame after which the output is there has been painted: each library's drawing, style, layout and paint are inside it. " +
      'Ours draws an SVG path; wa-qr-code a canvas (at twice its size); @bitjson/qr-code an SVG with an element per module, always at error correction H (larger symbols than M, which the others use), rendered by Stencil in a later frame.',
  ].join('\n\n');
}

function codeInputSection(codeInput, profiles, runs) {
  const rows = Object.entries(codeInput).flatMap(([profile, byElement]) =>
    Object.entries(byElement).map(([name, r]) => [
      profiles[profile],
      name,
      msRange(r.firstKeystroke.handledMs),
      msRange(r.firstKeystroke.paintedMs),
      msRange(r.laterKeystrokes.handledMs),
      msRange(r.laterKeystrokes.paintedMs),
      msRange(r.paste.handledMs),
      msRange(r.paste.paintedMs),
    ]),
  );
  return [
    `### Code input (from keydown: to the input handled, to the end of the next frame painted; a fresh tab per run, ${runs.codeRuns} runs)`,
    table(['profile', 'element', 'first key: handled', 'painted', 'keys 2–6: handled', 'painted', 'paste: handled', 'painted'], rows),
    'Real key presses and Ctrl+V from the clipboard ("123 456"). "Painted" waits for the next frame, so below 16.7 ms it is mostly where the input fell in the frame.',
  ].join('\n\n');
}

export function formatReport(results) {
  const { date, machine } = results;
  const load = `load average ${machine.loadAverage.start.map((v) => v.toFixed(2)).join(', ')} at the start, ${machine.loadAverage.end.map((v) => v.toFixed(2)).join(', ')} at the end`;
  const header = `Benchmark of ${date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores; ${load}), Node ${machine.node}, ${machine.chromium} headless; ${results.seconds} s`;
  const goals = table(['target', 'measured', 'met'], results.targets.map(({ target, measured, met }) => [target, measured, met === null ? 'n/a' : met ? 'yes' : '**no**']));
  return (
    [
      header,
      '### Targets',
      goals,
      pagesSection(results),
      sizesSection(results.sizes, results.builds),
      qrSection(results.qrRender, results.localProfiles, results.runs),
      codeInputSection(results.codeInput, results.localProfiles, results.runs),
    ].join('\n\n') + '\n'
  );
}
