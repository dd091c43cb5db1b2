// The HTML report in a real browser: renders the batch page of the five seeds (core/render-html.ts, bundled on
// the fly with esbuild), opens it in headless Chromium and saves
//   - the whole page to <tmp>/nianbao-html-report/full.png (to look at), and
//   - docs/html-report.png for the README: the summary table and seed 002 (its （七）总计 cells marked), < 200 KB.
// Not part of npm test. Needs Debian's `chromium` and a CJK font (fonts-noto-cjk or fonts-wqy-microhei).
//   node scripts/screenshot-html.mjs [--seeds DIR] [--out docs/html-report.png]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const seedsDir = resolve(arg('--seeds', ['../shared/seeds', '/work/shared/seeds', 'test/fixtures/seeds'].find((d) => existsSync(d))));
const out = resolve(arg('--out', 'docs/html-report.png'));
const work = join(tmpdir(), 'nianbao-html-report');
mkdirSync(work, { recursive: true });

// the renderer, bundled from the TypeScript sources
const bundle = join(work, 'render.cjs');
await esbuild.build({
  stdin: { contents: "export { lint, renderBatchHtml } from './server/src/core';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const { lint, renderBatchHtml } = createRequire(import.meta.url)(bundle);

const files = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort();
if (files.length === 0) throw new Error(`no seeds in ${seedsDir}`);
const reports = files.map((file) => ({ file, result: lint(readFileSync(join(seedsDir, file), 'utf8')) }));
const page = renderBatchHtml(reports);
const fullHtml = join(work, 'report.html');
writeFileSync(fullHtml, page);

// the README picture: the same page, showing only the summary and the report of seed 002 (without section 二)
const featured = Math.max(0, files.findIndex((f) => f.startsWith('002')));
const id = `#nb-r${featured + 1}`;
const focus = `<style>.nb-batch > .nb-report:not(${id}) { display: none; }
${id} h2:first-of-type, ${id} .nb-scroll:has(table[data-table^="a"]:not([data-table="apps"])) { display: none; }
${id} .nb-findings .nb-f-info, ${id} .nb-findings li:not(:has(.nb-rule)) { display: none; }
.nb-footer { display: none; }</style></head>`;
const focusHtml = join(work, 'readme.html');
writeFileSync(focusHtml, page.replace('</head>', focus));

function chromium(url, png, size, scale = 1) {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  try {
    const r = spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        `--window-size=${size}`,
        `--force-device-scale-factor=${scale}`,
        url,
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (r.status !== 0 || !existsSync(png)) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

chromium('file://' + fullHtml, join(work, 'full.png'), '1280,9000');
mkdirSync(resolve(out, '..'), { recursive: true });
chromium('file://' + focusHtml, out, arg('--size', '1060,1292'), Number(arg('--scale', '0.9')));
const size = statSync(out).size;
console.log(`page: ${fullHtml}\nwhole page: ${join(work, 'full.png')}\nREADME picture: ${out} (${Math.round(size / 1024)} KB)`);
if (size >= 200 * 1024) {
  console.error('the README picture is 200 KB or more; try a smaller --size');
  process.exitCode = 1;
}
