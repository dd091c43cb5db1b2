import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

// Checks the extension manifest (package.json + package.nls*.json), the language contribution, and the packaged
// .vsix: it is built by the real `npm run package` in a scratch copy of the project, so dist/ here is left alone.

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface Manifest {
  name: string;
  displayName: string;
  main: string;
  icon: string;
  license: string;
  engines: { vscode: string };
  categories: string[];
  keywords: string[];
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; aliases: string[]; filenamePatterns: string[]; extensions?: string[]; firstLine: string; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: Command[];
    menus: { commandPalette: { command: string; when: string }[] };
    configuration: {
      title: string;
      properties: Record<
        string,
        {
          type: string | string[];
          scope: string;
          default: unknown;
          enum?: string[];
          enumDescriptions?: string[];
          description?: string;
          markdownDescription?: string;
          additionalProperties?: boolean;
        }
      >;
    };
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const pkg = readJson<Manifest>('package.json');
const nlsEn = readJson<Record<string, string>>('package.nls.json');
const nlsZh = readJson<Record<string, string>>('package.nls.zh-cn.json');
const CJK = /[\u4e00-\u9fff]/;
// The real reports: ../shared/seeds beside the clone (CI), or the workplace copy.
const SEEDS = [join(process.cwd(), '..', 'shared', 'seeds'), '/work/shared/seeds'].find((d) => existsSync(d)) ?? '../shared/seeds';

function seedLine(prefix: string, lineNumber: number): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return readFileSync(join(SEEDS, file), 'utf8').split(/\r?\n/)[lineNumber - 1];
}

/** Every `%key%` placeholder anywhere in a JSON value. */
function placeholders(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.push(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholders(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholders(v, out);
  }
  return out;
}

/** File names in a zip (the .vsix), read from its central directory. */
function zipEntries(zip: Buffer): { name: string; size: number; data: () => Buffer }[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: { name: string; size: number; data: () => Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, 'bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({
      name,
      size,
      data: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        return method === 0 ? raw : inflateRawSync(raw);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('extension manifest (package.json)', () => {
  it('has the expected identity, engine and packaging fields', () => {
    assert.equal(pkg.name, 'nianbao');
    assert.equal(pkg.displayName, '政府信息公开年报校验');
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.engines.vscode, '^1.91.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.91.0', '@types/vscode is pinned to the engine minimum');
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync('LICENSE', 'utf8'), /MIT License[\s\S]*nianbao contributors/);
    assert.deepEqual(pkg.categories, ['Linters']);
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30 && pkg.keywords.some((k) => CJK.test(k)));
    assert.equal(pkg.icon, 'images/icon.png');
    const png = readFileSync(pkg.icon);
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'icon is 128×128');
    assert.match(pkg.scripts.package, /scripts\/build\.mjs --production && vsce package --no-dependencies/);
    assert.match(readFileSync('.gitignore', 'utf8'), /^\*\.vsix$/m, '*.vsix stays git-ignored');
  });

  it('activates on plaintext and markdown (nianbao implicitly), never on *; supports untrusted and virtual workspaces', () => {
    assert.deepEqual([...pkg.activationEvents].sort(), ['onLanguage:markdown', 'onLanguage:plaintext']);
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('localises every %key% in both package.nls.json (English) and package.nls.zh-cn.json (Chinese)', () => {
    const keys = [...new Set(placeholders(pkg))];
    assert.ok(keys.length >= 8, `expected placeholders, found ${keys.join(', ')}`);
    for (const key of keys) {
      assert.ok(nlsEn[key]?.trim(), `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key]?.trim(), `package.nls.zh-cn.json lacks ${key}`);
    }
    for (const [key, value] of Object.entries(nlsZh)) assert.match(value, CJK, `zh-cn entry ${key} is not Chinese`);
    assert.deepEqual(Object.keys(nlsEn).sort(), Object.keys(nlsZh).sort(), 'both nls files have the same keys');
    for (const key of Object.keys(nlsEn)) assert.ok(keys.includes(key), `unused nls key ${key}`);
    // Every user-visible contributed string is a placeholder.
    for (const c of pkg.contributes.commands) {
      assert.match(c.title, /^%.+%$/, c.command);
      assert.match(c.category ?? '', /^%.+%$/, c.command);
    }
    assert.match(pkg.contributes.configuration.title, /^%.+%$/);
    assert.equal(nlsZh['nianbao.category'], '年报');
    assert.equal(nlsEn['nianbao.category'], 'nianbao');
    assert.equal(nlsZh['nianbao.command.setLanguage'], '将当前文件设为年报');
  });

  it('contributes the settings the server reads, each described in both languages, with the right scope', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'nianbao.bodyKind',
      'nianbao.checkPlaintext',
      'nianbao.enable',
      'nianbao.maxTypingSize',
      'nianbao.reportYear',
      'nianbao.rules',
      'nianbao.run',
      'nianbao.trace.server',
      'nianbao.workspace.maxFiles',
    ]);
    for (const [name, p] of Object.entries(props)) {
      const description = p.markdownDescription ?? p.description;
      assert.match(description ?? '', /^%.+%$/, `${name} has a localised description`);
      const key = description!.slice(1, -1);
      assert.match(nlsZh[key] ?? '', CJK, `${name}: Chinese description`);
      assert.ok((nlsEn[key] ?? '').length > 10, `${name}: English description`);
      assert.match(nlsEn[key], /\b[A-Za-z]{4,}\b/, `${name}: English text`);
      const expectedScope = name === 'nianbao.trace.server' || name === 'nianbao.workspace.maxFiles' ? 'window' : 'resource';
      assert.equal(p.scope, expectedScope, `${name} scope`);
      for (const e of p.enumDescriptions ?? []) assert.match(e, /^%.+%$/, `${name} enum description`);
      if (p.enum) assert.equal(p.enumDescriptions?.length, p.enum.length, `${name}: one description per value`);
    }
    assert.equal(props['nianbao.enable'].type, 'boolean');
    assert.equal(props['nianbao.enable'].default, true);
    assert.deepEqual(props['nianbao.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(props['nianbao.run'].enum, ['onType', 'onSave']);
    assert.equal(props['nianbao.run'].default, 'onType');
    assert.equal(props['nianbao.checkPlaintext'].type, 'boolean');
    assert.equal(props['nianbao.checkPlaintext'].default, true);
    assert.deepEqual(props['nianbao.bodyKind'].enum, ['auto', '部门', '人民政府']);
    assert.equal(props['nianbao.bodyKind'].default, 'auto');
    assert.deepEqual(props['nianbao.reportYear'].type, ['string', 'integer']);
    assert.equal(props['nianbao.reportYear'].default, 'auto');
    assert.equal(props['nianbao.maxTypingSize'].default, 2_000_000);
    assert.equal(props['nianbao.workspace.maxFiles'].default, 200);
    assert.equal(props['nianbao.rules'].type, 'object');
    assert.equal(props['nianbao.rules'].additionalProperties, false, 'unknown rule ids are flagged in settings.json');
    // the defaults are the server's defaults
    const settings = readFileSync('server/src/lsp/settings.ts', 'utf8');
    assert.match(settings, /run: 'onType', checkPlaintext: true, maxTypingSize: 2_000_000, workspaceMaxFiles: 200/);
    const client = readFileSync('client/src/extension.ts', 'utf8');
    assert.match(client, /get<boolean>\('enable'/, 'the client reads nianbao.enable');
    assert.match(client, /affectsConfiguration\('nianbao\.enable'\)/, 'the client reacts to changes of nianbao.enable');
    assert.match(client, /new LanguageClient\('nianbao'/, "client id 'nianbao' makes vscode-languageclient read nianbao.trace.server");
    assert.match(client, /configurationSection: 'nianbao'/, 'the client forwards changes of the section nianbao');
    assert.match(client, /initializationOptions: \{ locale: env\.language \}/, 'the server is told the display language');
    assert.match(client, /pattern: CONFIG_GLOB/, 'the config file is handed to the server');
    assert.match(client, /fileEvents: watcher/, 'changes of .nianbao.json on disk are forwarded');
  });

  it('gives every contributed command a title in English and in Chinese, in the category 年报', () => {
    const titles: Record<string, string> = {
      'nianbao.newReport': '新建年报（2021 年版模板）',
      'nianbao.recalculateTotals': '重新计算全部合计',
      'nianbao.exportResults': '导出检查结果',
      'nianbao.setLanguage': '将当前文件设为年报',
    };
    for (const c of pkg.contributes.commands) {
      const key = c.title.slice(1, -1);
      assert.match(nlsZh[key] ?? '', CJK, `${c.command}: Chinese title`);
      assert.ok(/^[A-Z]/.test(nlsEn[key] ?? ''), `${c.command}: English title "${nlsEn[key]}"`);
      assert.equal(c.category, '%nianbao.category%');
      if (titles[c.command]) assert.equal(nlsZh[key], titles[c.command]);
    }
    for (const command of Object.keys(titles)) assert.ok(pkg.contributes.commands.some((c) => c.command === command), command);
    // the code lens command is not for the palette
    assert.ok(pkg.contributes.menus.commandPalette.some((m) => m.command === 'nianbao.revealPosition' && m.when === 'false'));
    // the status bar item opens the Problems panel
    assert.match(readFileSync('client/src/status.ts', 'utf8'), /PROBLEMS_COMMAND = 'workbench\.actions\.view\.problems'/);
  });

  it('validates .nianbao.json with the generated schema (jsonValidation)', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.nianbao.json', url: './schemas/nianbao.schema.json' }]);
    const schema = readJson<{ properties: { rules: { properties: Record<string, unknown> } } }>('schemas/nianbao.schema.json');
    assert.ok(Object.keys(schema.properties.rules.properties).includes('relation-mismatch'));
  });

  it('registers every contributed command in the client, and contributes every command the client registers', () => {
    const client = readFileSync('client/src/extension.ts', 'utf8');
    const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    assert.ok(contributed.includes('nianbao.setLanguage') && contributed.includes('nianbao.showOutput') && contributed.includes('nianbao.restartServer'));
    for (const m of pkg.contributes.menus.commandPalette) assert.ok(contributed.includes(m.command));
  });

  it('contributes the language nianbao with file patterns, a configuration and a grammar', () => {
    assert.equal(pkg.contributes.languages.length, 1);
    const lang = pkg.contributes.languages[0];
    assert.equal(lang.id, 'nianbao');
    assert.deepEqual(lang.aliases, ['政府信息公开年报', 'nianbao']);
    assert.deepEqual(lang.filenamePatterns, ['*.nianbao.txt', '*.nianbao.md']);
    assert.equal(lang.extensions, undefined, 'files are claimed by filenamePatterns only, never by .txt/.md');
    const conf = readJson<{ brackets: unknown[] }>(lang.configuration);
    assert.ok(Array.isArray(conf.brackets));
    assert.ok(existsSync(pkg.contributes.grammars[0].path));
  });

  describe('firstLine (only classifies untitled files and unknown extensions)', () => {
    // VS Code builds the RegExp from the string without flags and tests it against the document's first line.
    const firstLine = new RegExp(pkg.contributes.languages[0].firstLine);
    it('matches the titles of the seeds', () => {
      for (const title of [seedLine('000', 1), seedLine('004', 3), seedLine('003', 3), seedLine('002', 1) + '信息公开工作年度报告']) {
        assert.match(title, /政府信息公开/);
        assert.match(title, firstLine, title);
      }
    });
    it('matches other common title forms', () => {
      for (const title of [
        '2022年政府信息公开工作年度报告',
        'XX市XX局2023年政府信息公开工作年度报告',
        '  2019 年度某某县人民政府政府信息公开年度报告',
        '\u3000\u3000某某街道办事处2024年度政府信息公开工作年度报告',
        '# 某某市人民政府办公室2022年政府信息公开工作年度报告',
        '\ufeff某某局2021年政府信息公开工作年度报告（草稿）',
      ]) {
        assert.match(title, firstLine, title);
      }
    });
    it('does not match other text', () => {
      for (const text of [
        '',
        'hello world',
        '一、总体情况',
        '# README',
        '2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
        '本报告内容涵盖2022年1月1日至12月31日期间的政府信息公开工作情况。',
        '请于2023年1月31日前报送政府信息公开工作年度报告，逾期将通报。',
        '政府信息公开工作年度报告',
        'function main() { return 2022; }',
      ]) {
        assert.doesNotMatch(text, firstLine, JSON.stringify(text));
      }
    });
  });
});

describe('packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let scratch: string;
  let entries: { name: string; size: number; data: () => Buffer }[] = [];
  let vsixSize = 0;

  before(function () {
    // A scratch copy of the project (without node_modules, dist, out, .git) with node_modules linked in.
    scratch = mkdtempSync(join(tmpdir(), 'nianbao-vsix-'));
    const skip = new Set(['node_modules', 'dist', 'out', '.git', '.e2e', 'bench']);
    for (const name of readdirSync('.')) {
      if (skip.has(name) || name.endsWith('.vsix')) continue;
      cpSync(name, join(scratch, name), { recursive: true });
    }
    symlinkSync(join(process.cwd(), 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'package'], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 110_000 });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    const vsix = join(scratch, 'nianbao.vsix');
    vsixSize = statSync(vsix).size;
    entries = zipEntries(readFileSync(vsix));
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('is smaller than 500 KB', () => {
    assert.ok(vsixSize > 10_000, `suspiciously small: ${vsixSize} bytes`);
    assert.ok(vsixSize < 500 * 1024, `vsix is ${vsixSize} bytes`);
  });

  it('ships the bundles, manifest, nls files, grammar, language configuration, rule docs, icon and licence', () => {
    const names = entries.map((e) => e.name);
    for (const required of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/language-configuration.json',
      'extension/syntaxes/nianbao.tmLanguage.json',
      'extension/schemas/nianbao.schema.json',
      'extension/docs/rules/README.md',
      'extension/images/icon.png',
      'extension/LICENSE.txt',
    ]) {
      assert.ok(names.includes(required), `${required} missing from the vsix: ${names.join(', ')}`);
    }
    assert.ok(names.some((n) => /^extension\/readme\.md$/i.test(n)), 'README missing');
    assert.ok(!names.includes('extension/dist/cli.js'), 'the CLI is not part of the extension');
    assert.ok(names.filter((n) => n.startsWith('extension/docs/rules/')).length >= 2, 'rule docs missing');
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8')) as Manifest;
    assert.equal(manifest.contributes.languages[0].id, 'nianbao');
  });

  it('ships no sources, tests, fixtures, node_modules, source maps or stray files', () => {
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/dist\/[^/]+\.js$/,
      /^extension\/(package\.json|package\.nls(\.[a-z-]+)?\.json|language-configuration\.json)$/,
      /^extension\/syntaxes\/[^/]+\.json$/,
      /^extension\/schemas\/[^/]+\.schema\.json$/,
      /^extension\/docs\/rules\/[^/]+\.md$/,
      /^extension\/(readme\.md|changelog\.md|LICENSE\.txt)$/i,
      /^extension\/images\/icon\.png$/,
    ];
    for (const { name } of entries) {
      assert.ok(!/\.ts$|\.map$|node_modules|(^|\/)test\/|fixtures|\.vscodeignore|tsconfig|\/scripts\//.test(name), `unexpected ${name}`);
      assert.ok(allowed.some((re) => re.test(name)), `not on the allowlist: ${name}`);
    }
  });

  it('ships production bundles (minified, no source map reference)', () => {
    const client = entries.find((e) => e.name === 'extension/dist/client.js')!.data().toString('utf8');
    assert.doesNotMatch(client, /sourceMappingURL/);
    assert.match(client, /nianbao\.setLanguage/);
    assert.match(client, /nianbao\.revealPosition/);
  });

  it('ships the manifest with the generated settings and the schema of .nianbao.json', () => {
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8')) as Manifest;
    assert.deepEqual(manifest.contributes.configuration.properties, pkg.contributes.configuration.properties);
    const schema = entries.find((e) => e.name === 'extension/schemas/nianbao.schema.json')!.data().toString('utf8');
    assert.equal(schema, readFileSync('schemas/nianbao.schema.json', 'utf8'));
  });
});
