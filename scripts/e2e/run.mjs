#!/usr/bin/env node
/**
 * npm run test:e2e — the packaged extension (nianbao.vsix) in a real VS Code: code-server driven by playwright-core
 * through Debian's Chromium. Installs what it needs (scripts/e2e/setup.mjs, cached outside the repository),
 * packages the .vsix, starts code-server on 127.0.0.1 with a fresh user-data-dir and extensions-dir, opens a temp
 * workspace with copies of the seeds and runs the scenarios of scripts/e2e/scenarios.mjs.
 * Screenshots and a JSON of what it saw go to .e2e/ (git-ignored). Last line: "N passed, N failed".
 *
 * Options: --docs   also write docs/problems.png and docs/hover.png (the README's screenshots)
 *          --keep   keep the temp directory (code-server logs, user data)
 *          --no-package  reuse nianbao.vsix as it is
 *          --only=TEXT   only the scenarios whose name contains TEXT (for debugging)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, Results, seedFile } from './reference.mjs';
import { setupE2e } from './setup.mjs';
import { Workbench } from './workbench.mjs';
import { runScenarios } from './scenarios.mjs';
import { markdownDraft, NOT_A_REPORT } from './fixtures.mjs';

const args = new Set(process.argv.slice(2));
/** --only=TEXT: run only the scenarios whose name contains TEXT (and the first one, which opens seed 002). */
const onlyArg = () => process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const OUT = path.join(ROOT, '.e2e');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const cleanups = [];
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error('[cleanup]', e instanceof Error ? e.message : e);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A display-language pack for zh-cn with no translations: VS Code's own UI stays English (stable selectors),
 *  but `vscode.env.language` is "zh-cn", so the extension and its server speak Chinese as for a Chinese user. */
function buildLocalePack(dir) {
  const src = path.join(dir, 'locale-pack');
  fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
  fs.writeFileSync(
    path.join(src, 'package.json'),
    JSON.stringify(
      {
        name: 'e2e-display-language-zh-cn',
        displayName: 'nianbao e2e: zh-cn display language (no translations)',
        description: 'Test fixture: makes vscode.env.language zh-cn.',
        publisher: 'nianbao-e2e',
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '^1.91.0' },
        categories: ['Language Packs'],
        contributes: {
          localizations: [
            {
              languageId: 'zh-cn',
              languageName: 'Chinese (Simplified)',
              localizedLanguageName: '中文(简体)',
              translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
            },
          ],
        },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(src, 'translations', 'main.i18n.json'), '{ "version": "1.0.0", "contents": {} }\n');
  fs.writeFileSync(path.join(src, 'README.md'), 'Test fixture of nianbao’s end-to-end tests.\n');
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'locale-zh-cn.vsix');
  run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { cwd: src });
  return vsix;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'files.autoSave': 'off',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.parameterHints.enabled': false,
  'editor.inlineSuggest.enabled': false,
  'editor.minimap.enabled': false,
  'editor.unicodeHighlight.ambiguousCharacters': false,
  'editor.unicodeHighlight.invisibleCharacters': false,
  'editor.hover.delay': 10000,
  'problems.defaultViewMode': 'table',
  'workbench.tree.enableStickyScroll': false,
  'outline.collapseItems': 'alwaysCollapse',
};

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  console.log('== nianbao e2e: setup');
  const env = setupE2e();
  console.log(`   ready (${elapsed()})`);

  if (!args.has('--no-package') || !fs.existsSync(path.join(ROOT, 'nianbao.vsix'))) {
    console.log('== npm run package');
    const out = run('npm', ['run', 'package'], { cwd: ROOT });
    fs.writeFileSync(path.join(OUT, 'package.log'), out);
  }
  const vsix = path.join(ROOT, 'nianbao.vsix');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  if (!args.has('--keep')) cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  else console.log(`   temp dir kept: ${tmp}`);
  const dirs = { ud: path.join(tmp, 'user-data'), ext: path.join(tmp, 'extensions'), ws: path.join(tmp, 'workspace') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const config = path.join(tmp, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  const cs = (extra) => [env.codeServerEntry, '--config', config, '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext, ...extra];

  // extensions: the packaged .vsix and the display-language fixture
  const localeVsix = buildLocalePack(tmp);
  run(env.node24, cs(['--install-extension', vsix, '--install-extension', localeVsix]), { env: { ...process.env, XDG_CONFIG_HOME: tmp } });
  const installed = fs.readdirSync(dirs.ext);
  const nianbaoDir = installed.find((d) => d.startsWith('nianbao.nianbao-'));
  const localeDir = installed.find((d) => d.startsWith('nianbao-e2e.'));
  if (!nianbaoDir || !localeDir) throw new Error(`extensions not installed: ${installed.join(', ')}`);
  fs.writeFileSync(
    path.join(dirs.ud, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'nianbao-e2e-1',
        extensions: [{ extensionIdentifier: { id: 'nianbao-e2e.e2e-display-language-zh-cn' }, version: '0.0.1' }],
        translations: { vscode: path.join(dirs.ext, localeDir, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
  const settingsFile = path.join(dirs.ud, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify(USER_SETTINGS, null, 2));

  // the workspace
  const files = {
    seed002: 'seed-002.txt',
    seed003: 'seed-003.txt',
    markdown: 'draft-2023.md',
    notes: 'notes.txt',
  };
  fs.copyFileSync(seedFile('002_'), path.join(dirs.ws, files.seed002));
  fs.copyFileSync(seedFile('003_'), path.join(dirs.ws, files.seed003));
  fs.writeFileSync(path.join(dirs.ws, files.markdown), markdownDraft());
  fs.writeFileSync(path.join(dirs.ws, files.notes), NOT_A_REPORT);

  // code-server, in its own process group
  const port = await freePort();
  const logFile = path.join(OUT, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  const server = spawn(
    env.node24,
    cs([
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--locale',
      'zh-cn',
      dirs.ws,
    ]),
    { detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, XDG_CONFIG_HOME: tmp } },
  );
  cleanups.push(async () => {
    if (server.exitCode !== null) return;
    const gone = new Promise((r) => server.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    await gone;
    clearTimeout(timer);
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
  console.log(`== code-server on 127.0.0.1:${port} (${elapsed()})`);

  const browser = await env.playwright.chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // no --user-data-dir: playwright's launch() gives every run a fresh temporary profile of its own
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const wb = new Workbench(page);
  const results = new Results('e2e');
  const saw = { startedAt: new Date().toISOString(), codeServer: env.codeServerEntry, scenarios: {} };

  await wb.open(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`);
  console.log(`== workbench loaded (${elapsed()})`);
  await runScenarios({ wb, page, results, saw, files, dirs, settingsFile, userSettings: USER_SETTINGS, out: OUT, docs: args.has('--docs'), only: onlyArg() });

  saw.finishedAt = new Date().toISOString();
  saw.results = results.list;
  saw.seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(saw, null, 2));
  console.log(`== done in ${elapsed()}; screenshots and report.json in .e2e/`);
  return results;
}

async function waitForHttp(url, timeout, proc) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode} (see .e2e/code-server.log)`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}`);
    await new Promise((r) => setTimeout(r, 200)); // polling the HTTP port, not a UI wait
  }
}

let code = 1;
try {
  const results = await main();
  await cleanup();
  console.log(results.summary());
  code = results.failed ? 1 : 0;
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  await cleanup();
  console.log('0 passed, 1 failed');
  code = 1;
}
process.exit(code);
