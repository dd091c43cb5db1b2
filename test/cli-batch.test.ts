/**
 * The CLI on real inputs (issue 6): encodings, .docx, folders with --include/--exclude, stdin, unsupported
 * files, SARIF (validated against the 2.1.0 schema), the summary CSV, --fix (round trip keeping encoding and
 * line endings) and --dry-run, cross-year checks, config files, --max-warnings, worker threads.
 * Every fixture is made by the test in a temporary folder; dist/cli.js is spawned as a user would run it.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import * as iconv from 'iconv-lite';
import { CROSS_YEAR_RULES, lint, RULES } from '../server/src/core';
import { main } from '../server/src/cli';
import { htmlToText } from '../server/src/cli/docx';
import type { JsonReport } from '../server/src/cli/format';
import { runCli, type Run } from './cli-run';

const SEED_DIR = 'test/fixtures/seeds';
const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
  .sort();
const seedText = (name: string): string => readFileSync(join(SEED_DIR, name), 'utf8');
const SEED_002 = SEEDS.find((s) => s.startsWith('002_'))!;
const SEED_003 = SEEDS.find((s) => s.startsWith('003_'))!;
const SEED_001 = SEEDS.find((s) => s.startsWith('001_'))!;
const SEED_004 = SEEDS.find((s) => s.startsWith('004_'))!;

/** The same CLI in this process (much faster than a node start per run); `spawned` runs cover the real binary. */
async function runInProcess(args: string[], opts: { cwd?: string; input?: Buffer } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: () => Promise.resolve(opts.input ?? Buffer.alloc(0)),
    cwd: opts.cwd ?? process.cwd(),
  });
  return { status, stdout, stderr, raw: Buffer.from(stdout, 'utf8') };
}

const parseJson = (r: Run): JsonReport[] => JSON.parse(r.stdout) as JsonReport[];
const strip = (r: JsonReport): Omit<JsonReport, 'file'> => {
  const { file: _file, ...rest } = r;
  return rest;
};
const byFile = (reports: JsonReport[], suffix: string): JsonReport => {
  const r = reports.find((x) => x.file.endsWith(suffix));
  assert.ok(r, `no report for ${suffix} in ${reports.map((x) => x.file).join(', ')}`);
  return r;
};

// ---------------------------------------------------------------------------------------------------------------
// fixtures

/** The seed as Word content: paragraphs, and tables whose rows/cells come from the tab layout or the one-cell-per-line layout. */
type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };
function seedBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const blocks: Block[] = [];
  let table: { kind: 'table'; rows: string[][] } | null = null;
  let cellRow: string[] | null = null;
  let prevWasCell = false;
  const endRow = (): void => {
    if (cellRow && table) table.rows.push(cellRow);
    cellRow = null;
  };
  const endTable = (): void => {
    endRow();
    if (table) blocks.push(table);
    table = null;
  };
  for (const line of lines) {
    const inner = line.startsWith('\t') ? line.slice(1) : line;
    if (line.includes('\t') && inner.includes('\t')) {
      // one row per line, cells separated by tabs
      endRow();
      table ??= { kind: 'table', rows: [] };
      table.rows.push(line.split('\t'));
      prevWasCell = false;
    } else if (line.startsWith('\t')) {
      // one cell per line, rows separated by blank lines
      table ??= { kind: 'table', rows: [] };
      cellRow ??= [];
      cellRow.push(inner);
      prevWasCell = true;
    } else if (line.trim() === '') {
      if (table) endRow();
      else blocks.push({ kind: 'p', text: '' });
      prevWasCell = false;
    } else if (prevWasCell && cellRow) {
      // a cell label wrapped onto the next line ("本年新" / "制作数量")
      cellRow[cellRow.length - 1] += line;
    } else {
      endTable();
      blocks.push({ kind: 'p', text: line });
    }
  }
  endTable();
  return blocks;
}

function seedDocx(text: string): Promise<Buffer> {
  const children = seedBlocks(text).map((b) =>
    b.kind === 'p'
      ? new Paragraph({ children: [new TextRun(b.text)] })
      : new Table({ rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })) })) }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The seed as the report of another year (title year changed), with edits to whole lines given by their start. */
function otherYear(text: string, from: number, to: number, lineEdits: [RegExp, string][] = []): string {
  const lines = text.split('\n');
  const t = lines.findIndex((l) => l.includes(`${from}年`)); // the title comes first
  assert.ok(t >= 0, 'title line');
  lines[t] = lines[t].replace(`${from}年`, `${to}年`);
  for (const [re, replacement] of lineEdits) {
    const i = lines.findIndex((l) => re.test(l));
    assert.ok(i >= 0, `line ${re}`);
    lines[i] = replacement;
  }
  return lines.join('\n');
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const HEADER = ['文件', '机关', '年度', '格式版本', '本年新收', '上年结转', '办理结果总计', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度', '行政复议总计', '行政诉讼总计', '错误', '警告'];

// ---------------------------------------------------------------------------------------------------------------

describe('cli batch (issue 6)', function () {
  this.timeout(60000);
  let dir = '';
  const p = (...parts: string[]): string => join(dir, ...parts);
  const runs = new Map<string, Promise<Run>>();
  const inProcess: [string, string[], { cwd?: string; input?: Buffer }][] = [];
  const results = new Map<string, Run>();
  const start = (name: string, args: string[], opts: { cwd?: string; input?: Buffer } = {}): void => {
    inProcess.push([name, args, opts]);
  };
  const spawned = (name: string, args: string[], opts: { cwd?: string; input?: Buffer } = {}): void => {
    runs.set(name, runCli(args, opts));
  };
  const run = (name: string): Run => {
    const r = results.get(name);
    assert.ok(r, `run ${name} was not started`);
    return r;
  };
  // files of the --fix tests, before the run
  const before_: Record<string, Buffer> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    // 1. encodings: a GB18030, a BOM and a CRLF copy of every seed
    mkdirSync(p('enc'));
    for (const s of SEEDS) {
      const text = seedText(s);
      writeFileSync(p('enc', s), text);
      writeFileSync(p('enc', s.replace('.txt', '.gb18030.txt')), iconv.encode(text, 'gb18030'));
      writeFileSync(p('enc', s.replace('.txt', '.bom.txt')), '\ufeff' + text);
      writeFileSync(p('enc', s.replace('.txt', '.crlf.txt')), text.replace(/\r?\n/g, '\r\n'));
    }
    start('enc', ['lint', '--format', 'json', '--verbose', p('enc')]);
    spawned('enc-workers', ['lint', '--format', 'json', '--jobs', '2', p('enc')]);

    // 2. .docx made from seed data
    mkdirSync(p('docx'));
    for (const s of [SEED_002, SEED_003]) {
      writeFileSync(p('docx', s), seedText(s));
      writeFileSync(p('docx', s.replace('.txt', '.docx')), await seedDocx(seedText(s)));
    }
    start('docx', ['lint', '--format', 'json', p('docx')]);
    start('docx-text', ['text', p('docx', SEED_003.replace('.txt', '.docx'))]);

    // 3. what is not a report, or not text at all
    mkdirSync(p('bad'));
    writeFileSync(p('bad', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(p('bad', 'report.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n');
    writeFileSync(p('bad', 'blob.txt'), Buffer.from([1, 2, 3, 0, 0, 0, 255, 254, 0, 7, 8]));
    writeFileSync(p('bad', 'empty.txt'), '');
    writeFileSync(p('bad', 'fake.docx'), 'not a word document');
    writeFileSync(p('bad', 'notes.txt'), '会议纪要\n\n一、预算\t1\t2\n二、人事\n今天讨论了三个问题。\n');
    writeFileSync(p('bad', SEED_002), seedText(SEED_002));
    start('bad', ['lint', '--format', 'json', p('bad', 'image.png'), p('bad', 'report.pdf'), p('bad', 'blob.txt'), p('bad', 'empty.txt'), p('bad', 'fake.docx'), p('bad', 'notes.txt'), p('bad', SEED_002)]);
    start('bad-text', ['lint', p('bad')]);
    start('notes-only', ['lint', p('bad', 'notes.txt')]);

    // 4. SARIF
    start('sarif', ['lint', '--format', 'sarif', p('docx'), p('bad', 'empty.txt')], { cwd: dir });

    // 5. --fix: GB18030 + CRLF, UTF-8 BOM + CRLF, dry run, uncertain encoding, docx
    mkdirSync(p('fix'));
    const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
    before_.gb = iconv.encode(crlf(seedText(SEED_004)), 'gb18030');
    before_.bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(seedText(SEED_001)), 'utf8')]);
    before_.dry = Buffer.from(seedText(SEED_004), 'utf8');
    const broken = Buffer.from(seedText(SEED_004), 'utf8');
    broken[broken.indexOf(Buffer.from('一、总体情况', 'utf8')) + 1] = 0xff; // one invalid byte
    before_.broken = broken;
    writeFileSync(p('fix', 'gb.txt'), before_.gb);
    writeFileSync(p('fix', 'bom.txt'), before_.bom);
    writeFileSync(p('fix', 'dry.txt'), before_.dry);
    writeFileSync(p('fix', 'broken.txt'), before_.broken);
    spawned('fix', ['lint', '--fix', '--format', 'json', p('fix', 'gb.txt'), p('fix', 'bom.txt'), p('fix', 'broken.txt')]);
    start('dry', ['lint', '--fix', '--dry-run', p('fix', 'dry.txt')]);

    // 6. two years of one body, with a carry-over that does not match
    mkdirSync(p('years'));
    const y2022 = seedText(SEED_003);
    const y2021 = otherYear(y2022, 2022, 2021, [
      [/^四、结转下年度继续办理/, '四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3\t'],
      [/^行政规范性文件\t/, '行政规范性文件\t0\t0\t5'],
    ]);
    writeFileSync(p('years', '2022.txt'), y2022);
    writeFileSync(p('years', '2021.txt'), y2021);
    writeFileSync(p('years', '2020-other-body.txt'), otherYear(seedText(SEED_002), 2022, 2021));
    start('years', ['lint', '--format', 'json', p('years')]);
    start('years-off', ['lint', '--format', 'json', '--rule', 'cross-year-carryover=off', p('years')]);
    start('rules', ['rules']);
    start('rules-en', ['rules', '--lang', 'en']);

    // 7. summary CSV (a file name with a comma and a quote, to be quoted)
    mkdirSync(p('sum'));
    for (const s of SEEDS) writeFileSync(p('sum', s), seedText(s));
    writeFileSync(p('sum', 'copy, "b".txt'), seedText(SEED_002));
    writeFileSync(p('sum', 'z-notes.txt'), '会议纪要\n今天讨论了三个问题。\n');
    spawned('summary', ['lint', '--format', 'summary', 'sum'], { cwd: dir });
    spawned('summary-o', ['lint', '--format', 'summary', '-o', p('summary.csv'), 'sum'], { cwd: dir });

    // 8. folders with --include / --exclude
    mkdirSync(p('tree', 'sub', 'deep'), { recursive: true });
    mkdirSync(p('tree', '.hidden'));
    writeFileSync(p('tree', 'a.txt'), seedText(SEED_003));
    writeFileSync(p('tree', 'b.md'), seedText(SEED_003));
    writeFileSync(p('tree', 'c.pdf'), '%PDF-1.4\n');
    writeFileSync(p('tree', 'sub', 'd.txt'), seedText(SEED_003));
    writeFileSync(p('tree', 'sub', 'deep', 'e.txt'), seedText(SEED_003));
    writeFileSync(p('tree', '.hidden', 'f.txt'), seedText(SEED_003));
    writeFileSync(p('tree', 'sub', '~$g.docx'), 'lock');
    start('tree', ['lint', '--format', 'json', 'tree'], { cwd: dir });
    start('tree-include', ['lint', '--format', 'json', '--include', '*.md', 'tree'], { cwd: dir });
    start('tree-exclude', ['lint', '--format', 'json', '--exclude', 'sub/**', 'tree'], { cwd: dir });
    start('tree-exclude-deep', ['lint', '--format', 'json', '--exclude', 'deep', 'tree'], { cwd: dir });
    start('tree-glob', ['lint', '--format', 'json', 'tree/**/*.txt'], { cwd: dir });

    // 9. stdin
    spawned('stdin', ['lint', '--format', 'json', '-'], { input: iconv.encode(seedText(SEED_002), 'gb18030') });
    start('stdin-file', ['lint', '--format', 'json', join(SEED_DIR, SEED_002)]);

    // 10. config files
    mkdirSync(p('cfg', 'inner', 'deeper'), { recursive: true });
    writeFileSync(p('cfg', '.nianbao.json'), '{ "rules": { "cell-missing": "off" } }');
    writeFileSync(p('cfg', 'inner', 'deeper', 'r.txt'), seedText(SEED_003));
    mkdirSync(p('cfg-bad'));
    writeFileSync(p('cfg-bad', '.nianbao.json'), '{ "rules": { "cell-missing": "off", "no-such-rule": "error", "official-label": "loud" } }');
    writeFileSync(p('cfg-bad', 'r.txt'), seedText(SEED_003));
    writeFileSync(p('explicit.json'), '// comment\n{ "rules": { "official-label": "error" } }');
    start('cfg', ['lint', '--format', 'json', p('cfg')]);
    start('cfg-bad', ['lint', '--format', 'json', p('cfg-bad')]);
    start('cfg-explicit', ['lint', '--format', 'json', '--config', p('explicit.json'), p('cfg')]);
    start('cfg-rule', ['lint', '--format', 'json', '--rule', 'cell-missing=error', p('cfg')]);
    start('cfg-rule-bad', ['lint', '--rule', 'nope=off', p('cfg')]);

    // 11. --max-warnings, --quiet, help
    spawned('maxw-3', ['lint', '--max-warnings', '3', join(SEED_DIR, SEED_003)]);
    start('maxw-99', ['lint', '--max-warnings', '99', join(SEED_DIR, SEED_003)]);
    spawned('help', ['--help']);
    start('help-en', ['--help', '--lang', 'en']);

    // the spawned runs go on in the background while the others run here, one after the other
    for (const [name, args, opts] of inProcess) results.set(name, await runInProcess(args, opts));
    const names = [...runs.keys()];
    const done = await Promise.all(runs.values());
    names.forEach((n, i) => results.set(n, done[i]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings for GB18030, BOM and CRLF copies of every seed as for UTF-8, and says which encoding it read', () => {
    const r = run('enc');
    assert.equal(r.status, 1);
    const reports = parseJson(r);
    assert.equal(reports.length, SEEDS.length * 4);
    for (const s of SEEDS) {
      const base = byFile(reports, `/${s}`);
      assert.ok(base.diagnostics.length > 0, s);
      for (const variant of ['.gb18030.txt', '.bom.txt', '.crlf.txt']) assert.deepEqual(strip(byFile(reports, s.replace('.txt', variant))), strip(base), `${s} ${variant}`);
      assert.match(r.stderr, new RegExp(`${s.replace('.txt', '.gb18030.txt').replace(/\./g, '\\.')}：编码 GB18030/GBK`));
      assert.match(r.stderr, new RegExp(`${s.replace('.txt', '.bom.txt').replace(/\./g, '\\.')}：编码 UTF-8（带 BOM）`));
    }
  });

  it('gives the same results on worker threads as in one thread', () => {
    const a = run('enc');
    const b = run('enc-workers');
    assert.equal(b.status, a.status);
    assert.equal(b.stdout, a.stdout);
  });

  it('reads .docx tables as rows and cells and gives the same table findings as the text form (seeds 002 and 003)', () => {
    const r = run('docx');
    const reports = parseJson(r);
    assert.equal(reports.length, 4);
    const tableRules = new Set([...RULES.filter((x) => x.meta.category === 'table' || x.meta.category === 'template').map((x) => x.meta.id)]);
    for (const s of [SEED_002, SEED_003]) {
      const txt = byFile(reports, s);
      const doc = byFile(reports, s.replace('.txt', '.docx'));
      assert.equal(doc.template, txt.template, s);
      assert.equal(doc.year, txt.year, s);
      const pick = (rep: JsonReport): string[] =>
        rep.diagnostics
          .filter((d) => tableRules.has(d.rule))
          .map((d) => `${d.rule} ${d.severity} ${d.message}`)
          .sort();
      assert.ok(pick(txt).length > 0, s);
      assert.deepEqual(pick(doc), pick(txt), s);
    }
    assert.ok(byFile(reports, SEED_002.replace('.txt', '.docx')).diagnostics.some((d) => d.rule === 'relation-mismatch'));
    // the line numbers of a .docx refer to the text that `nianbao text` prints
    const text = run('docx-text').stdout.split('\n');
    const doc3 = byFile(reports, SEED_003.replace('.txt', '.docx'));
    const label = doc3.diagnostics.find((d) => d.rule === 'official-label' && d.message.includes('社会组织'));
    assert.ok(label);
    assert.ok(text[label.line - 1].includes('社会组织'), text[label.line - 1]);
    assert.ok(text[label.line - 1].includes('\t'), 'a table row is one tab-separated line');
  });

  it('expands merged Word cells on the grid (colspan → empty cells after, rowspan → empty cells below)', () => {
    const html =
      '<p>标题</p><table><tr><td rowspan="2"><p>三、本年度</p><p>办理结果</p></td><td><p>（一）予以公开</p></td><td>1</td></tr>' +
      '<tr><td colspan="2"><p>（二）部分&amp;公开</p></td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table><p>后记</p><p></p>';
    assert.equal(htmlToText(html), '标题\n三、本年度办理结果\t（一）予以公开\t1\n\t（二）部分&公开\t\na\tb\tc\n后记\n\n');
  });

  it('refuses binary, image, PDF, empty and fake .docx files with clear messages and checks the rest (exit 2)', () => {
    const r = run('bad');
    assert.equal(r.status, 2);
    const reports = parseJson(r);
    assert.equal(reports.length, 7);
    assert.match(byFile(reports, 'image.png').error ?? '', /^不支持的文件类型：图片（可检查 \.txt、\.md、\.docx）/);
    assert.match(byFile(reports, 'report.pdf').error ?? '', /^不支持的文件类型：PDF 文件/);
    assert.match(byFile(reports, 'blob.txt').error ?? '', /^不支持的文件类型：二进制文件/);
    assert.equal(byFile(reports, 'empty.txt').error, '文件为空');
    assert.match(byFile(reports, 'fake.docx').error ?? '', /Word/);
    assert.equal(byFile(reports, 'notes.txt').error, undefined);
    assert.deepEqual(byFile(reports, 'notes.txt').diagnostics, []);
    assert.equal(byFile(reports, SEED_002).diagnostics.filter((d) => d.rule === 'relation-mismatch').length, 4);
    assert.match(r.stderr, /image\.png：不支持的文件类型/);
    assert.match(r.stderr, /empty\.txt：文件为空/);
    // a folder: only .txt/.md/.docx are picked up; the text output names every problem and ends with one total line
    const t = run('bad-text');
    assert.equal(t.status, 2);
    assert.doesNotMatch(t.stdout, /image\.png|report\.pdf/);
    assert.match(t.stdout, /empty\.txt {2}文件为空/);
    assert.match(t.stdout, /notes\.txt {2}（未识别为政府信息公开工作年度报告，未检查）/);
    const last = t.stdout.trimEnd().split('\n').pop() ?? '';
    assert.match(last, /^共检查 5 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示。3 个文件无法检查。1 个文件不是年报。$/);
    assert.match(t.stdout, new RegExp(`${SEED_002.replace('.', '\\.')}：\\d+ 个错误，\\d+ 个警告，\\d+ 个提示\\n`), 'a heading line per file');
    // a text that is not a report is not a problem
    assert.equal(run('notes-only').status, 0);
  });

  it('writes SARIF 2.1.0 that validates against the schema, with rule metadata, help and regions', () => {
    const r = run('sarif');
    assert.equal(r.status, 2, 'the empty file is an input problem');
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
      }[];
    };
    assert.equal(r.stdout, JSON.stringify(log, null, 2) + '\n', 'written piece by piece, it is the text of one JSON.stringify');
    const schema = JSON.parse(readFileSync('test/fixtures/sarif-2.1.0.schema.json', 'utf8')) as object;
    // unicodeRegExp: false — the published schema has a pattern (for `language`) that is invalid with the u flag
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'nianbao');
    const ids = driver.rules.map((x) => x.id);
    for (const rule of [...RULES, ...CROSS_YEAR_RULES]) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
    const rm = driver.rules.find((x) => x.id === 'relation-mismatch');
    assert.ok(rm && /[\u4e00-\u9fff]/.test(rm.shortDescription.text) && rm.fullDescription.text.length > 0 && rm.defaultConfiguration.level === 'error');
    assert.ok(rm.helpUri?.endsWith('docs/rules/relation-mismatch.md'), rm.helpUri);
    const results = log.runs[0].results;
    const rel = results.filter((x) => x.ruleId === 'relation-mismatch' && x.locations[0].physicalLocation.artifactLocation.uri === `docx/${SEED_002}`);
    assert.equal(rel.length, 4);
    assert.deepEqual(rel[0].locations[0].physicalLocation.region, { startLine: 339, startColumn: 2, endLine: 339, endColumn: 3 });
    assert.ok(results.some((x) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.docx')));
    assert.ok(results.some((x) => x.level === 'note'));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /empty\.txt: 文件为空/);
  });

  it('--fix writes back atomically, keeping GB18030 / UTF-8 BOM and CRLF; never writes a file of uncertain encoding', () => {
    const r = run('fix');
    const reports = parseJson(r);
    assert.equal(r.status, 1);
    // GB18030 + CRLF
    const gb = readFileSync(p('fix', 'gb.txt'));
    assert.notDeepEqual(gb, before_.gb, 'written');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gb), 'still GB18030, not UTF-8');
    const gbText = new TextDecoder('gb18030', { fatal: true }).decode(gb);
    assert.ok(!/[^\r]\n/.test(gbText) && gbText.includes('\r\n'), 'CRLF kept');
    assert.ok((byFile(reports, 'gb.txt').fixed ?? 0) >= 1);
    assert.ok(!byFile(reports, 'gb.txt').diagnostics.some((d) => d.rule === 'cell-missing'), 'the fixed finding is gone');
    const before = iconv.decode(before_.gb, 'gb18030').split('\r\n');
    const after = gbText.split('\r\n');
    assert.equal(after.length, before.length);
    const changed = after.filter((l, i) => l !== before[i]);
    assert.ok(changed.includes('\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0'), 'the blank cells were filled');
    assert.ok(changed.length <= (byFile(reports, 'gb.txt').fixed ?? 0) + 3, 'only fixed lines changed');
    // UTF-8 with BOM + CRLF
    const bom = readFileSync(p('fix', 'bom.txt'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const bomText = bom.subarray(3).toString('utf8');
    assert.ok(!/[^\r]\n/.test(bomText), 'CRLF kept');
    assert.ok(!bomText.includes('[bookmark: _GoBack]'), 'the artefact was removed');
    assert.equal(bomText.split('\r\n').length, before_.bom.subarray(3).toString('utf8').split('\r\n').length);
    assert.ok((byFile(reports, 'bom.txt').fixed ?? 0) >= 1);
    // uncertain encoding: not written
    assert.deepEqual(readFileSync(p('fix', 'broken.txt')), before_.broken);
    assert.match(byFile(reports, 'broken.txt').fixNote ?? '', /编码无法确定/);
    assert.match(r.stderr, /broken\.txt：无法确定文件编码/);
    // no temporary file left behind
    assert.deepEqual(readdirSync(p('fix')).sort(), ['bom.txt', 'broken.txt', 'dry.txt', 'gb.txt']);
  });

  it('--fix --dry-run prints a unified diff and writes nothing', () => {
    const r = run('dry');
    assert.deepEqual(readFileSync(p('fix', 'dry.txt')), before_.dry);
    assert.match(r.stdout, /^--- \S*dry\.txt\n\+\+\+ \S*dry\.txt\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    assert.match(r.stdout, /^-\t1\. 属于国家秘密\t+$/m);
    assert.match(r.stdout, /^\+\t1\. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0$/m);
    assert.match(r.stdout, /dry\.txt：已修复 \d+ 处/);
  });

  it('checks the carry-over between consecutive years of one body (cross-year-carryover, cross-year-valid-count)', () => {
    const r = run('years');
    const reports = parseJson(r);
    const y22 = byFile(reports, '2022.txt');
    const y21 = byFile(reports, '2021.txt');
    assert.equal(y22.year, 2022);
    assert.equal(y21.year, 2021);
    const carry = y22.diagnostics.filter((d) => d.rule === 'cross-year-carryover');
    assert.equal(carry.length, 2, JSON.stringify(carry));
    assert.ok(carry.every((d) => d.severity === 'warning' && d.line === 52));
    assert.match(carry[0].message, /“二、上年结转政府信息公开申请数量”（自然人列）填报 0，但 2021 年度报告的“四、结转下年度继续办理”为 3/);
    const valid = y22.diagnostics.filter((d) => d.rule === 'cross-year-valid-count');
    assert.equal(valid.length, 1);
    assert.equal(valid[0].severity, 'info');
    assert.match(valid[0].message, /行政规范性文件“现行有效件数”填报 0；按 2021 年度报告的现行有效件数 5 ＋ 本年制发 0 － 本年废止 0 计算应为 5/);
    assert.ok(!y21.diagnostics.some((d) => d.rule.startsWith('cross-year')), 'only the later year gets the finding');
    assert.ok(!byFile(reports, '2020-other-body.txt').diagnostics.some((d) => d.rule.startsWith('cross-year')), 'another body is not compared');
    const off = parseJson(run('years-off'));
    assert.ok(!byFile(off, '2022.txt').diagnostics.some((d) => d.rule === 'cross-year-carryover'));
    assert.ok(byFile(off, '2022.txt').diagnostics.some((d) => d.rule === 'cross-year-valid-count'));
    // listed with the other rules
    assert.match(run('rules').stdout, /^cross-year-carryover +warning +本年“二、上年结转”应等于上一年度报告“四、结转下年度继续办理”$/m);
    assert.match(run('rules').stdout, /^cross-year-valid-count +info /m);
    assert.match(run('rules-en').stdout, /^cross-year-carryover +warning +"carried over from last year" must equal/m);
  });

  it('writes the summary table: CSV with BOM and CRLF, the header row, one row per report, read back correctly', () => {
    const r = run('summary');
    assert.equal(r.status, 1);
    assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = r.raw.subarray(3).toString('utf8');
    assert.ok(csv.endsWith('\r\n') && !/[^\r]\n/.test(csv), 'CRLF line ends');
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], HEADER);
    assert.equal(rows.length, 1 + SEEDS.length + 1, 'one row per report, not for the non-report');
    assert.match(r.stderr, /z-notes\.txt：未识别为年报/);
    const row = (file: string): Record<string, string> => {
      const found = rows.find((x) => x[0] === file);
      assert.ok(found, `${file} in ${rows.map((x) => x[0]).join(' | ')}`);
      return Object.fromEntries(HEADER.map((h, i) => [h, found[i]]));
    };
    const s2 = row(`sum/${SEED_002}`);
    assert.equal(s2['机关'], '韶关市浈江区人民政府办公室');
    assert.equal(s2['年度'], '2022');
    assert.equal(s2['格式版本'], '2019');
    assert.equal(s2['本年新收'], '1');
    assert.equal(s2['上年结转'], '0');
    assert.equal(s2['办理结果总计'], '0');
    assert.equal(s2['无法提供'], '1', 'group (四) = sum of its items');
    assert.equal(s2['结转下年度'], '0');
    assert.equal(s2['行政复议总计'], '1');
    assert.equal(s2['行政诉讼总计'], '0');
    const core = lint(seedText(SEED_002)).diagnostics;
    assert.equal(s2['错误'], String(core.filter((d) => d.severity === 'error').length));
    assert.equal(s2['警告'], String(core.filter((d) => d.severity === 'warning').length));
    assert.equal(row('sum/copy, "b".txt')['本年新收'], '1', 'a quoted file name reads back');
    const s1 = row(`sum/${SEED_001}`);
    assert.equal(s1['机关'], '樟木头镇');
    assert.equal(s1['格式版本'], '2021');
    assert.equal(Number(s1['本年新收']) + Number(s1['上年结转']), Number(s1['办理结果总计']) + Number(s1['结转下年度']));
    // -o writes the same bytes to a file
    assert.equal(run('summary-o').stdout, '');
    assert.deepEqual(readFileSync(p('summary.csv')), r.raw);
  });

  it('walks folders with the default include, --include, --exclude and glob arguments', () => {
    const files = (name: string): string[] =>
      parseJson(run(name))
        .map((x) => x.file)
        .sort();
    assert.deepEqual(files('tree'), ['tree/a.txt', 'tree/b.md', 'tree/sub/d.txt', 'tree/sub/deep/e.txt']);
    assert.deepEqual(files('tree-include'), ['tree/b.md']);
    assert.deepEqual(files('tree-exclude'), ['tree/a.txt', 'tree/b.md']);
    assert.deepEqual(files('tree-exclude-deep'), ['tree/a.txt', 'tree/b.md', 'tree/sub/d.txt']);
    assert.deepEqual(files('tree-glob'), ['tree/a.txt', 'tree/sub/d.txt', 'tree/sub/deep/e.txt']);
  });

  it('reads standard input with -, in any encoding', () => {
    const r = run('stdin');
    const [rep] = parseJson(r);
    assert.equal(rep.file, '<stdin>');
    assert.deepEqual(strip(rep), strip(parseJson(run('stdin-file'))[0]));
  });

  it('uses the nearest .nianbao.json, --config and --rule; a bad config is a warning, the rest still applies', () => {
    const cfg = parseJson(run('cfg'))[0];
    assert.ok(!cfg.diagnostics.some((d) => d.rule === 'cell-missing'), 'turned off by the config two folders up');
    assert.ok(cfg.diagnostics.some((d) => d.rule === 'official-label'));
    const bad = run('cfg-bad');
    assert.equal(bad.status, 0);
    assert.match(bad.stderr, /警告：.*\.nianbao\.json:1:\d+：未知的规则编号“no-such-rule”/);
    assert.match(bad.stderr, /规则“official-label”的取值应为 off、info、warning 或 error/);
    assert.ok(!parseJson(bad)[0].diagnostics.some((d) => d.rule === 'cell-missing'), 'the valid part of the config applies');
    const explicit = parseJson(run('cfg-explicit'))[0];
    assert.ok(explicit.diagnostics.some((d) => d.rule === 'cell-missing'), '--config replaces the nearest config');
    assert.ok(explicit.diagnostics.filter((d) => d.rule === 'official-label').every((d) => d.severity === 'error'));
    const rule = run('cfg-rule');
    assert.equal(rule.status, 1);
    assert.ok(parseJson(rule)[0].diagnostics.filter((d) => d.rule === 'cell-missing').every((d) => d.severity === 'error'));
    const ruleBad = run('cfg-rule-bad');
    assert.equal(ruleBad.status, 2);
    assert.match(ruleBad.stderr, /未知的规则编号“nope”/);
  });

  it('stops writing quietly when the reader goes away (a closed pipe), with the exit code of the findings', async () => {
    for (const seed of [SEED_002, SEED_003]) {
      const args = ['lint', '--format', 'json', join(SEED_DIR, seed)];
      const normal = await runCli(args);
      const gone = await runCli(args, { readerGone: true });
      assert.equal(gone.stderr, '', `${seed}: nothing on stderr (no EPIPE stack trace)`);
      assert.equal(gone.status, normal.status, `${seed}: the same exit code as with a reader`);
    }
  });

  it('exits 1 when warnings exceed --max-warnings, and documents the exit codes', () => {
    assert.equal(run('maxw-3').status, 1);
    assert.match(run('maxw-3').stderr, /超过 --max-warnings 3/);
    assert.equal(run('maxw-99').status, 0);
    const help = run('help').stdout;
    for (const opt of ['--format', 'sarif', 'summary', '--include', '--exclude', '--fix', '--dry-run', '--config', '--rule', '--max-warnings', '--quiet', '--verbose', '退出码', '.docx', 'GB18030']) assert.ok(help.includes(opt), opt);
    assert.match(run('help-en').stdout, /Exit codes:/);
  });
});
