/** The command line (dist/cli.js, built by npm test before mocha runs), spawned as a user would run it. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, RULES, type LintDiagnostic } from '../server/src/core';
import { sniffBinary } from '../server/src/cli/read';
import { jsonChunks, sarifChunks, toJson, type FileReport, type JsonReport } from '../server/src/cli/format';
import { processTask } from '../server/src/cli/process';
import { draft } from './helpers';
import { runCli, type Run } from './cli-run';

const SEED_002 = 'test/fixtures/seeds/002_7eb68c448bcdd812.txt';
const SEED_003 = 'test/fixtures/seeds/003_075fb8c0c28ee6ce.txt';
const SEED_004 = 'test/fixtures/seeds/004_94669dee5bbf1e6e.txt';

/** Every invocation is started once, all together in `before` (each node start costs ~0.2 s here). */
const runs = new Map<string, Promise<Run>>();
const key = (args: string[]): string => JSON.stringify(args);
function start(...args: string[]): void {
  if (!runs.has(key(args))) runs.set(key(args), runCli(args));
}
let results = new Map<string, Run>();
function cli(...args: string[]): Run {
  const r = results.get(key(args));
  assert.ok(r, `cli ${key(args)} was not started in before()`);
  return r;
}

function json(...args: string[]): { status: number | null; reports: JsonReport[]; stderr: string } {
  const r = cli('lint', '--format', 'json', ...args);
  return { status: r.status, reports: JSON.parse(r.stdout) as JsonReport[], stderr: r.stderr };
}
const strip = (rs: JsonReport[]): Omit<JsonReport, 'file'>[] => rs.map(({ file: _file, ...rest }) => rest);

/** GB18030 bytes of a text, from a table built by decoding every two-byte sequence (no encoder in Node). */
function encodeGb18030(text: string): Buffer | null {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else {
      const p = table.get(ch);
      if (!p) return null;
      bytes.push(p[0], p[1]);
    }
  }
  return Buffer.from(bytes);
}

const USAGE = [[], ['lint'], ['lint', '--format', 'xml', SEED_003], ['lint', '--bogus', SEED_003], ['frobnicate', SEED_003], ['lint', '--lang']];
const NOTES = '会议纪要\n\n一、预算\t1\t2\n二、人事\n今天讨论了三个问题。\n';

describe('cli', function () {
  this.timeout(30000);
  let dir = '';
  const p = (name: string): string => join(dir, name);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const seed2 = readFileSync(SEED_002, 'utf8');
    const gb = encodeGb18030(seed2);
    if (gb) writeFileSync(p('seed-002-gb18030.txt'), gb);
    const seed4 = readFileSync(SEED_004, 'utf8');
    writeFileSync(p('seed-004-bom.txt'), '\ufeff' + seed4);
    writeFileSync(p('seed-004-crlf.txt'), seed4.replace(/\r?\n/g, '\r\n'));
    writeFileSync(p('notes.txt'), NOTES);
    writeFileSync(p('clean.txt'), draft());
    writeFileSync(p('warn.txt'), draft({ apps: { r3_1: ['', '0', '0', '0', '0', '0', '0'] } }));
    start('lint', SEED_002);
    start('lint', '--format', 'json', SEED_002, SEED_003);
    start('lint', p('clean.txt'));
    start('lint', p('warn.txt'));
    for (const args of USAGE) start(...args);
    start('--help');
    start('lint', '--format', 'json', p('no-such-file.txt'), SEED_002);
    start('lint', SEED_002, p('no-such-file.txt'));
    start('lint', '--format', 'json', SEED_002);
    start('lint', '--format', 'json', p('seed-002-gb18030.txt'));
    start('lint', '--format', 'json', SEED_004, p('seed-004-bom.txt'), p('seed-004-crlf.txt'));
    start('lint', '--format', 'json', '--lang', 'en', SEED_002);
    start('lint', '--lang=en', SEED_003);
    start('lint', '--format', 'json', p('notes.txt'));
    start('lint', p('notes.txt'));
    start('rules');
    start('lint', '--format', 'json', '--quiet', SEED_003, SEED_002);
    start('lint', '--format', 'json', '-o', p('out.json'), SEED_002, SEED_003);
    start('lint', '-o', p('out.txt'), SEED_002, SEED_003);
    start('lint', SEED_002, SEED_003);
    start('lint', '--format', 'json', '-o', dir, SEED_003);
    const keys = [...runs.keys()];
    const done = await Promise.all(runs.values());
    results = new Map(keys.map((k, i) => [k, done[i]]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per finding: file:line:col  错误|警告|提示  message  [rule], then a summary; exit 1 on errors', () => {
    const r = cli('lint', SEED_002);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = lines.slice(0, -1);
    const core = lint(readFileSync(SEED_002, 'utf8')).diagnostics;
    assert.equal(findings.length, core.length);
    for (const l of findings) assert.match(l, /^test\/fixtures\/seeds\/002_7eb68c448bcdd812\.txt:\d+:\d+ {2}(错误|警告|提示) {2}\S.* {2}\[[a-z0-9-]+\]$/, l);
    assert.ok(findings.includes(`${SEED_002}:339:2  错误  勾稽关系不符：「第一项加第二项之和，等于第三项加第四项之和」（自然人列）。（七）总计·自然人填报 0，计算值 1，相差 -1。  [relation-mismatch]`));
    const count = (sev: string): number => core.filter((d) => d.severity === sev).length;
    assert.equal(lines[lines.length - 1], `共检查 1 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('info') + count('hint')} 个提示。`);
    assert.equal(r.stderr, '');
  });

  it('prints the JSON contract with 1-based positions equal to the core ranges', () => {
    const { status, reports } = json(SEED_002, SEED_003);
    assert.equal(status, 1);
    assert.equal(reports.length, 2);
    for (const [rep, file] of [
      [reports[0], SEED_002],
      [reports[1], SEED_003],
    ] as const) {
      assert.deepEqual(Object.keys(rep).sort(), ['diagnostics', 'file', 'template', 'year']);
      assert.equal(rep.file, file);
      assert.equal(rep.year, 2022);
      const core = lint(readFileSync(file, 'utf8')).diagnostics;
      assert.deepEqual(
        rep.diagnostics,
        core.map((d) => ({
          rule: d.rule,
          severity: d.severity,
          message: d.message.zh,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        })),
      );
      for (const d of rep.diagnostics) {
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
        assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line);
      }
    }
    assert.equal(reports[0].template, '2019');
    assert.equal(reports[1].template, '2021');
    assert.deepEqual(
      reports[0].diagnostics.filter((d) => d.rule === 'relation-mismatch').map((d) => [d.line, d.column, d.endLine, d.endColumn]),
      [
        [339, 2, 339, 3],
        [339, 2, 339, 3],
        [345, 2, 345, 3],
        [345, 2, 345, 3],
      ],
    );
  });

  it('writes the output file by file: the JSON is exactly JSON.stringify(…, null, 2); -o writes what stdout shows', () => {
    const out = cli('lint', '--format', 'json', SEED_002, SEED_003).stdout;
    assert.equal(out, JSON.stringify(JSON.parse(out), null, 2) + '\n');
    const toFile = cli('lint', '--format', 'json', '-o', p('out.json'), SEED_002, SEED_003);
    assert.equal(toFile.status, 1);
    assert.equal(toFile.stdout, '');
    assert.equal(readFileSync(p('out.json'), 'utf8'), out);
    const text = cli('lint', SEED_002, SEED_003);
    assert.equal(cli('lint', '-o', p('out.txt'), SEED_002, SEED_003).stdout, '');
    assert.equal(readFileSync(p('out.txt'), 'utf8'), text.stdout);
    // two files: a heading line per file, a blank line after each, one total line
    const lines = text.stdout.split('\n');
    assert.match(lines[0], /^test\/fixtures\/seeds\/002_[0-9a-f]+\.txt：\d+ 个错误，\d+ 个警告，\d+ 个提示$/);
    assert.match(lines[lines.length - 2], /^共检查 2 个文件：/);
    assert.equal(lines[lines.length - 1], '');
    assert.equal(lines.filter((l) => l === '').length, 3);
    const bad = cli('lint', '--format', 'json', '-o', dir, SEED_003);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /无法写入输出文件/);
  });

  it('exits 0 when there are only warnings, or nothing at all', () => {
    const w = cli('lint', p('warn.txt'));
    assert.equal(w.status, 0);
    assert.match(w.stdout, /warn\.txt:\d+:\d+ {2}警告 {2}「（一）予以公开」有1个单元格未填写数字/);
    const r = cli('lint', p('clean.txt'));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^共检查 1 个文件：0 个错误，0 个警告，\d+ 个提示。$/m);
    assert.doesNotMatch(r.stdout, / {2}(错误|警告) {2}/);
  });

  it('exits 2 on usage errors', () => {
    for (const args of USAGE) {
      const r = cli(...args);
      assert.equal(r.status, 2, JSON.stringify(args));
    }
    assert.equal(cli('--help').status, 0);
    assert.match(cli('--help').stdout, /退出码/);
  });

  it('reports a missing file next to a good one: exit 2, the good one still linted', () => {
    const missing = p('no-such-file.txt');
    const { status, reports, stderr } = json(missing, SEED_002);
    assert.equal(status, 2);
    assert.match(stderr, /no-such-file\.txt：无法读取文件：文件不存在/);
    assert.equal(reports.length, 2);
    assert.equal(reports[0].file, missing);
    assert.equal(reports[0].error, '无法读取文件：文件不存在');
    assert.deepEqual(reports[0].diagnostics, []);
    assert.equal(reports[1].diagnostics.filter((d) => d.rule === 'relation-mismatch').length, 4);
    assert.ok(!stderr.includes('002_7eb68c448bcdd812'), 'only the missing file is complained about');
    const text = cli('lint', SEED_002, missing);
    assert.equal(text.status, 2);
    assert.match(text.stdout, /002_7eb68c448bcdd812\.txt:339:2 {2}错误/);
    assert.match(text.stdout, /no-such-file\.txt {2}无法读取文件：文件不存在/);
  });

  it('reads a GB18030-encoded copy of a seed and gives the same findings', () => {
    const text = readFileSync(SEED_002, 'utf8');
    const gb = p('seed-002-gb18030.txt');
    const bytes = readFileSync(gb);
    assert.notDeepEqual(bytes, Buffer.from(text, 'utf8'));
    assert.equal(new TextDecoder('gb18030').decode(bytes), text, 'the encoding round-trips');
    const a = json(SEED_002);
    const b = json(gb);
    assert.equal(b.status, a.status);
    assert.deepEqual(strip(b.reports), strip(a.reports));
  });

  it('gives the same findings for a copy with a BOM and for a CRLF copy (same lines and columns)', () => {
    const bom = p('seed-004-bom.txt');
    const crlf = p('seed-004-crlf.txt');
    assert.ok(readFileSync(crlf, 'utf8').includes('\r\n'));
    const { reports } = json(SEED_004, bom, crlf);
    assert.ok(reports[0].diagnostics.length > 0);
    assert.deepEqual(strip([reports[1]]), strip([reports[0]]));
    assert.deepEqual(strip([reports[2]]), strip([reports[0]]));
  });

  it('speaks English with --lang en', () => {
    const en = json('--lang', 'en', SEED_002).reports[0].diagnostics;
    const zh = json(SEED_002).reports[0].diagnostics;
    assert.equal(en.length, zh.length);
    en.forEach((d, i) => {
      assert.equal(d.rule, zh[i].rule);
      assert.equal(d.line, zh[i].line);
      assert.notEqual(d.message, zh[i].message, d.rule);
      assert.match(d.message, /^[\x20-\x7e]/, `${d.rule}: an English sentence`);
    });
    for (const d of en.filter((x) => x.rule === 'relation-mismatch')) assert.match(d.message, /^Relation does not hold: /);
    const text = cli('lint', '--lang=en', SEED_003);
    assert.match(text.stdout, /:53:11 {2}warning {2}"（一）予以公开" has 6 cell\(s\) without a number/);
    assert.match(text.stdout, /1 file\(s\) checked: \d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)\.\n$/);
  });

  it('gives no finding for a text that is not a report', () => {
    const other = p('notes.txt');
    const { status, reports } = json(other);
    assert.equal(status, 0);
    assert.deepEqual(reports[0].diagnostics, []);
    assert.equal(reports[0].template, null);
    const text = cli('lint', other);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /notes\.txt {2}（未识别为政府信息公开工作年度报告，未检查）/);
  });

  it('lists every rule with `rules`, and keeps only errors with --quiet', () => {
    const r = cli('rules');
    assert.equal(r.status, 0);
    for (const rule of RULES) assert.match(r.stdout, new RegExp(`^${rule.meta.id} +${rule.meta.defaultSeverity} `, 'm'));
    const q = json('--quiet', SEED_003, SEED_002);
    assert.ok(q.reports[0].diagnostics.every((d) => d.severity === 'error'));
    assert.ok(!q.reports[0].diagnostics.some((d) => d.rule === 'cell-missing'));
    assert.ok(q.reports[1].diagnostics.every((d) => d.severity === 'error'));
    assert.equal(q.reports[1].diagnostics.filter((d) => d.rule === 'relation-mismatch').length, 4);
  });
});

describe('cli: telling binary files from text (sniffBinary)', () => {
  const refused = (buf: Buffer, file = 'x.txt'): string | null => sniffBinary(buf, file)?.zh ?? null;
  const text = Buffer.from('二〇二二年度政府信息公开工作年度报告\n一、总体情况\t1\t2\n'.repeat(50), 'utf8');

  it('passes text, with tabs, form feeds, ESC and a few stray control bytes', () => {
    assert.equal(refused(text), null);
    assert.equal(refused(Buffer.concat([text, Buffer.from([0x0c, 0x1b, 0x0d, 0x0a, 0x09])])), null);
    // 1 control byte in 100 (under the 5 % limit)
    const few = Buffer.from('a'.repeat(99) + '\x07' + 'b'.repeat(99) + '\x01', 'latin1');
    assert.equal(refused(few), null);
  });

  it('refuses a NUL or more than 5 % control bytes in the first 8 KB, and looks no further', () => {
    assert.match(refused(Buffer.concat([text, Buffer.from([0])])) ?? '', /二进制文件/);
    const many = Buffer.from('ab\x02'.repeat(100), 'latin1'); // a third are control bytes
    assert.match(refused(many) ?? '', /二进制文件/);
    const lateNul = Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0, 0, 0])]);
    assert.equal(refused(lateNul), null, 'a NUL after the first 8 KB is not looked at');
  });

  it('passes UTF-16 text with its BOM (NUL bytes and all) and names known binary formats', () => {
    assert.equal(refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('年度报告\n', 'utf16le')])), null);
    assert.equal(refused(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('年度报告\n', 'utf16le').swap16()])), null);
    assert.match(refused(Buffer.from('%PDF-1.7\n')) ?? '', /PDF/);
    assert.match(refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])) ?? '', /\.doc/);
    assert.match(refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])) ?? '', /图片/);
    assert.match(refused(Buffer.from('BM....'), 'a.bmp') ?? '', /图片/);
    assert.equal(refused(Buffer.from('BM 是一个缩写\n'), 'a.txt'), null, '"BM" starts a text file too');
    assert.match(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1])) ?? '', /压缩包/);
    assert.match(refused(Buffer.from('{\\rtf1\\ansi')) ?? '', /RTF/);
  });
});

describe('cli: output pieces and what a batch keeps of each file', () => {
  const report = (file: string, extra: Partial<FileReport> = {}): FileReport => ({ file, template: '2021', year: 2022, isReport: true, diagnostics: [], ...extra });
  const finding = (message: string, line: number): LintDiagnostic => ({
    rule: 'relation-mismatch',
    severity: 'error',
    message: { zh: message, en: 'en: ' + message },
    range: { start: { line, character: 1 }, end: { line, character: 3 } },
    related: [],
    fixes: [],
  });

  it('jsonChunks joined is the text of JSON.stringify(array, null, 2), for none, one and many files', () => {
    const tricky = ['换行\n与"引号"、\\反斜杠\t制表', '𠀀 emoji 😀 and \u2028', ''];
    const reports = [
      report('a.txt', { diagnostics: tricky.map((m, i) => finding(m, i)) }),
      report('b.txt', { error: '文件不存在', template: null, year: null, isReport: false }),
      report('c\n"d".txt', { fixed: 2, fixNote: '未写回' }),
      report('e.txt'),
      report('f.txt', { fixed: 0, diagnostics: [finding('一', 0)] }),
    ];
    for (const list of [[], reports.slice(0, 1), reports]) {
      for (const locale of ['zh', 'en'] as const) {
        const expected = list.map((r) => {
          const o: Record<string, unknown> = {
            file: r.file,
            template: r.template,
            year: r.year,
            diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message[locale], line: d.range.start.line + 1, column: 2, endLine: d.range.end.line + 1, endColumn: 4 })),
          };
          if (r.error) o.error = r.error;
          if (r.fixed !== undefined) o.fixed = r.fixed;
          if (r.fixNote) o.fixNote = r.fixNote;
          return o;
        });
        const chunks = [...jsonChunks(list, locale)];
        assert.equal(chunks.join(''), JSON.stringify(expected, null, 2) + '\n');
        assert.equal(toJson(list, locale), JSON.stringify(expected, null, 2) + '\n');
        assert.ok(chunks.length >= list.length, 'one piece per file at least');
      }
    }
  });

  it('sarifChunks joined is the text of JSON.stringify(log, null, 2), with every finding in results, also when there are none', () => {
    const ctx = { version: '0.0.0', rules: RULES.map((r) => r.meta), locale: 'zh' as const, cwd: '/tmp', docsRoot: null };
    const many = [report('a.txt', { diagnostics: [finding('换行\n"引号"', 0), finding('二', 1)] }), report('b.txt', { error: '文件为空' }), report('c.txt', { diagnostics: [finding('三', 2)] })];
    for (const [list, n] of [[[], 0], [[report('e.txt')], 0], [many.slice(1, 2), 0], [many, 3]] as const) {
      const out = [...sarifChunks([...list], ctx, (abs) => abs)].join('');
      const log = JSON.parse(out) as { runs: { results: { message: { text: string } }[]; invocations: { executionSuccessful: boolean }[] }[] };
      assert.equal(out, JSON.stringify(log, null, 2) + '\n');
      assert.equal(log.runs[0].results.length, n);
      assert.equal(log.runs[0].invocations[0].executionSuccessful, !list.some((r) => r.error));
    }
    const log = JSON.parse([...sarifChunks(many, ctx, (abs) => abs)].join('')) as { runs: { results: { message: { text: string } }[] }[] };
    assert.deepEqual(log.runs[0].results.map((x) => x.message.text), ['换行\n"引号"', '二', '三']);
  });

  it('keeps of each finding its rule, severity, message and range only (no fixes or related locations holding the model)', async () => {
    const file = SEED_002;
    const r = await processTask({ display: file, abs: join(process.cwd(), file), stdin: false, explicit: true, settings: { rules: {}, bodyKind: 'auto', reportYear: null }, fix: false, dryRun: false });
    const core = lint(readFileSync(file, 'utf8')).diagnostics;
    assert.ok(core.some((d) => d.related.length > 0) && core.some((d) => d.fixes.length > 0), 'the seed has findings with related locations and fixes');
    assert.deepEqual(
      r.diagnostics,
      core.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range, related: [], fixes: [] })),
    );
    assert.equal(r.facts?.bodyName, lint(readFileSync(file, 'utf8')).model.body?.name);
  });
});
