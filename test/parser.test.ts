import * as assert from 'node:assert/strict';
import { lint, parseReport, type Cell, type LintDiagnostic, type ReportModel, type Table } from '../server/src/core';
import { matchLabel, normalizeLabel, numberingPrefix, stripSpaces } from '../server/src/core/labels';
import { bodyKindOf } from '../server/src/core/parser';
import { readFileSync } from 'node:fs';
import { isSpacedRowWithNumbers, readRows, spacedCells } from '../server/src/core/parser/fields';
import { splitByChars, splitLines } from '../server/src/core/parser/lines';
import { appDataRows, applyEdits, draft, formatFinding, lineOf, linesOf, TABLE_RULES, tableFindings, textAt } from './helpers';

const apps = (m: ReportModel): Table => {
  const t = m.tables.find((x) => x.kind === 'applications');
  assert.ok(t, 'the applications table is found');
  return t;
};
const cell = (m: ReportModel, row: string, col: string): Cell => {
  const c = apps(m).rows.get(row)?.cells.get(col);
  assert.ok(c, `cell ${row}.${col} exists`);
  return c;
};
/** All values of the applications table as `row.col=raw(state)`, to compare layouts. */
const snapshot = (m: ReportModel): string[] => {
  const out: string[] = [];
  for (const [key, r] of apps(m).rows) for (const [col, c] of r.cells) out.push(`${key}.${col}=${c.raw}(${c.state})`);
  return out;
};

describe('labels: matching and normalisation', () => {
  it('ignores whitespace inside labels (vertical text: 自然 人, 商 业 企 业)', () => {
    assert.equal(stripSpaces(' 自然 人\u3000'), '自然人');
    assert.equal(normalizeLabel('商 业 企 业'), '商业企业');
    const m = matchLabel('自然 人', 'applications').find((x) => x.entry.role === 'column');
    assert.ok(m);
    assert.equal(m.entry.key, 'natural');
    assert.equal(m.how, 'exact', 'spaces only: still an exact match');
    assert.equal(matchLabel('三、 本年 度办 理结 果', 'applications')[0]?.entry.key, 'r3');
  });

  it('matches half-width brackets with a space as a punctuation deviation of severity info', () => {
    const m = matchLabel('(一) 予以公开', 'applications').find((x) => x.entry.role === 'row');
    assert.ok(m);
    assert.equal(m.entry.key, 'r3_1');
    assert.equal(m.how, 'punctuation');
    assert.equal(m.severity, 'info');
  });

  it('matches 1、 for 1. as a warning and 1. with a space as exact', () => {
    const a = matchLabel('1、属于国家秘密', 'applications')[0];
    assert.equal(a.entry.key, 'r3_3_1');
    assert.equal(a.how, 'punctuation');
    assert.equal(a.severity, 'warning');
    const b = matchLabel('1. 属于国家秘密', 'applications')[0];
    assert.equal(b.entry.key, 'r3_3_1');
    assert.equal(b.how, 'exact');
    assert.equal(normalizeLabel('1．属于国家秘密'), normalizeLabel('1、属于国家秘密'));
  });

  it('knows the variants seen in real reports (社会组织, 其他法律法规禁止公开)', () => {
    const c = matchLabel('社会组织', 'applications').find((x) => x.entry.role === 'column');
    assert.ok(c);
    assert.equal(c.entry.key, 'charity');
    assert.equal(c.how, 'variant');
    assert.equal(c.severity, 'warning');
    const r = matchLabel('2.其他法律法规禁止公开', 'applications')[0];
    assert.equal(r.entry.key, 'r3_3_2');
    assert.equal(r.how, 'variant');
  });

  it('matches a numbered row with a small wording change fuzzily, and nothing for unrelated text', () => {
    const f = matchLabel('5.要求行政机关确认或重新出具已获取的信息', 'applications')[0];
    assert.ok(f);
    assert.equal(f.entry.key, 'r3_5_5');
    assert.equal(f.how, 'fuzzy');
    assert.deepEqual(matchLabel('今天天气很好', 'applications'), []);
    assert.deepEqual(matchLabel('', 'applications'), []);
    assert.equal(numberingPrefix('(三)不予公开'), '(三)');
    assert.equal(numberingPrefix('12.其他'), '12.');
    assert.equal(numberingPrefix('不予公开'), '');
  });

  it('restricts matches to the kind of table asked for', () => {
    assert.ok(matchLabel('行政许可', 'active').length > 0);
    assert.deepEqual(matchLabel('行政许可', 'applications'), []);
  });
});

describe('parser: lines', () => {
  it('splits on LF, CRLF and CR and reports the dominant terminator', () => {
    assert.deepEqual(
      splitLines('a\r\nb\r\nc').lines,
      ['a', 'b', 'c'],
    );
    assert.equal(splitLines('a\r\nb\r\nc\n').eol, '\r\n');
    assert.equal(splitLines('a\nb').eol, '\n');
    assert.equal(splitLines('a\rb\rc').eol, '\r');
    assert.deepEqual(
      (({ lines, starts }) => lines.map((l, i) => [l, starts[i]]))(splitLines('a\n\nb\n')),
      [
        ['a', 0],
        ['', 2],
        ['b', 3],
        ['', 5],
      ],
    );
  });

  it('gives the same lines and offsets for a huge paste (its offsets in a typed array) as the character-by-character reference', () => {
    // 70,000 lines: past the size where the offsets are kept in a typed array; CRLF, LF and empty lines mixed
    const pieces: string[] = [];
    for (let i = 0; i < 70_000; i++) pieces.push(i % 3 === 0 ? `第${i}行\r\n` : i % 3 === 1 ? '\n' : `共${i}件，其中予以公开${i % 7}件\n`);
    const text = pieces.join('') + '末行';
    const got = splitLines(text);
    const want = splitByChars(text);
    assert.ok(got.starts instanceof Uint32Array);
    assert.equal(got.lines.length, 70_001);
    assert.deepEqual(got.lines, want.lines);
    assert.deepEqual(Array.from(got.starts), Array.from(want.starts));
    assert.equal(got.eol, want.eol);
    // and the model keeps those offsets
    const m = parseReport(text);
    assert.equal(m.lineStarts[70_000], text.length - 2);
    assert.equal(text.slice(m.lineStarts[3], m.lineStarts[3] + m.lines[3].length), '第3行');
    // a usual draft keeps a plain array
    assert.ok(Array.isArray(splitLines('a\nb').starts));
  });
});

describe('parser: title, year and body', () => {
  it('reads a one-line title, the year and a 部门', () => {
    const m = parseReport(draft());
    assert.equal(m.title?.text, '东莞市测试局2022年政府信息公开工作年度报告');
    assert.deepEqual(m.title?.lines, [0]);
    assert.equal(m.year?.value, 2022);
    assert.equal(m.year?.source, 'title');
    assert.equal(textAt(m.text, m.year!.range), '2022');
    assert.deepEqual(m.body, { name: '东莞市测试局', kind: '部门' });
    assert.equal(m.isReport, true);
  });

  it('joins a title split over two lines (year first, then the name ends on the second line)', () => {
    const m = parseReport(draft({ title: '2022年樟木头镇政府信息公开\n工作年度报告' }));
    assert.equal(m.title?.text, '2022年樟木头镇政府信息公开工作年度报告');
    assert.deepEqual(m.title?.lines, [0, 1]);
    assert.equal(m.year?.value, 2022);
    assert.deepEqual(m.body, { name: '樟木头镇', kind: '人民政府' });
  });

  it('joins a title split in the middle of 政府信息公开 (seed 002) and reads the range over both lines', () => {
    const m = parseReport(draft({ title: '韶关市浈江区人民政府办公室2022年政府\n信息公开工作年度报告' }));
    assert.deepEqual(m.title?.lines, [0, 1]);
    assert.equal(m.title?.text, '韶关市浈江区人民政府办公室2022年政府信息公开工作年度报告');
    assert.deepEqual(m.title?.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 10 } });
    assert.deepEqual(m.body, { name: '韶关市浈江区人民政府办公室', kind: '部门' });
  });

  it('reads the year written with full-width digits and a space before 年度', () => {
    assert.equal(parseReport(draft({ title: '东莞市测试局２０２１年政府信息公开工作年度报告' })).year?.value, 2021);
    const m = parseReport(draft({ title: '2019 年度东莞市发展和改革局政府信息公开年度报告' }));
    assert.equal(m.year?.value, 2019);
    assert.deepEqual(m.body, { name: '东莞市发展和改革局', kind: '部门' });
  });

  it('falls back to the 统计期限 sentence when the title has no year, and a setting overrides both', () => {
    const text = draft({ title: '东莞市测试局政府信息公开工作年度报告' }).replace('本年度，', '本报告统计期限为2023年1月1日至12月31日。本年度，');
    const m = parseReport(text);
    assert.equal(m.year?.value, 2023);
    assert.equal(m.year?.source, 'period');
    assert.equal(parseReport(text, { reportYear: 2030 }).year?.value, 2030);
    assert.equal(parseReport(text, { reportYear: 2030 }).year?.source, 'setting');
  });

  it('tells 人民政府 from 部门 by the name of the body', () => {
    assert.equal(bodyKindOf('淮安市人民政府'), '人民政府');
    assert.equal(bodyKindOf('洪泽区'), '人民政府');
    assert.equal(bodyKindOf('樟木头镇'), '人民政府');
    assert.equal(bodyKindOf('东莞市发展和改革局'), '部门');
    assert.equal(bodyKindOf('东莞市人民政府地方志办公室'), '部门');
    assert.equal(bodyKindOf('老城区机关事务服务中心'), '部门');
    assert.equal(bodyKindOf('东城街道办事处'), null);
    assert.equal(bodyKindOf(''), null);
    assert.equal(parseReport(draft({ title: '淮安市人民政府2024年政府信息公开工作年度报告' })).body?.kind, '人民政府');
  });

  it('does not take a text without a title or sections for a report', () => {
    const m = parseReport('会议纪要\n\n今天讨论了三个问题。\n1. 预算\n2. 人事\n');
    assert.equal(m.isReport, false);
    assert.equal(m.title, null);
    assert.equal(m.tables.length, 0);
    assert.equal(lint('').diagnostics.length, 0);
  });
});

describe('parser: sections and headings', () => {
  it('finds the six official sections with their line spans', () => {
    const text = draft();
    const m = parseReport(text);
    assert.deepEqual(
      m.sections.map((s) => [s.number, s.official, s.variant]),
      [1, 2, 3, 4, 5, 6].map((n) => [n, n, false]),
    );
    const s3 = m.sections[2];
    assert.equal(s3.startLine, lineOf(text, '三、收到和处理'));
    assert.equal(s3.endLine, lineOf(text, '四、政府信息公开行政复议') - 1);
    assert.equal(m.sections[5].endLine, linesOf(text).length - 1);
  });

  it('accepts leading ideographic spaces before a heading and gives exact marker ranges', () => {
    const text = draft().replace('三、收到和处理', '\u3000\u3000三、收到和处理');
    const m = parseReport(text);
    const s3 = m.sections.find((s) => s.official === 3)!;
    assert.deepEqual(s3.heading.markerRange, { start: { line: s3.startLine, character: 2 }, end: { line: s3.startLine, character: 4 } });
    assert.equal(s3.heading.title, '收到和处理政府信息公开申请情况');
  });

  it('recognises a variant heading and leaves an unknown extra section unmatched (seed 001)', () => {
    const text = draft()
      .replace('五、存在的主要问题及改进情况', '五、信息处理费统计情况\n本年度未收费。\n六、政府信息公开工作存在的主要问题及改进情况')
      .replace('六、其他需要报告的事项', '七、其他需要报告的事项');
    const m = parseReport(text);
    assert.deepEqual(
      m.sections.map((s) => [s.number, s.official, s.variant]),
      [
        [1, 1, false],
        [2, 2, false],
        [3, 3, false],
        [4, 4, false],
        [5, null, false],
        [6, 5, true],
        [7, 6, false],
      ],
    );
  });

  it('reads lower-level headings （一） 1. （1） outside tables, and no heading inside a table', () => {
    const text = draft().replace('本年度，本局认真贯彻落实', '（一）加强组织领导。本局成立领导小组。\n1.严格审查程序。\n（1）明确责任分工。\n本年度，本局认真贯彻落实');
    const m = parseReport(text);
    const lower = m.headings.filter((h) => h.level > 1).map((h) => [h.level, h.marker, h.ordinal, h.title]);
    assert.deepEqual(lower, [
      [2, '（一）', 1, '加强组织领导'],
      [3, '1.', 1, '严格审查程序'],
      [4, '（1）', 1, '明确责任分工'],
    ]);
  });
});

describe('parser: the three table layouts', () => {
  const values = {
    r1: ['3', '1', '0', '0', '0', '0', '4'],
    r2: ['1', '0', '0', '0', '0', '0', '1'],
    r3_1: ['2', '0', '0', '0', '0', '0', '2'],
    r3_3_7: ['0', '1', '0', '0', '0', '0', '1'],
    r3_3_8: ['1', '0', '0', '0', '0', '0', '1'],
    r3_7: ['3', '1', '0', '0', '0', '0', '4'],
    r4: ['1', '0', '0', '0', '0', '0', '1'],
  };

  for (const layout of ['tabs', 'cells', 'markdown', 'spaces'] as const) {
    it(`reads every cell of a 2021 draft in the ${layout} layout`, () => {
      const text = draft({ layout, apps: values });
      const m = parseReport(text);
      const t = apps(m);
      assert.equal(t.layout, layout);
      assert.equal(t.template, '2021');
      assert.equal(t.readable, true);
      assert.deepEqual(t.problems, []);
      const rows = appDataRows('2021');
      assert.equal(rows.length, 25);
      for (const r of rows) {
        assert.equal(t.rows.get(r)?.cells.size, 7, r);
        for (const c of t.rows.get(r)!.cells.values()) {
          assert.equal(c.state, 'number', `${r}.${c.col}`);
          assert.equal(textAt(m.text, c.range), c.raw, `the range of ${r}.${c.col} covers its text`);
        }
      }
      assert.equal(cell(m, 'r1', 'natural').raw, '3');
      assert.equal(cell(m, 'r3_3_7', 'business').raw, '1');
      assert.equal(m.tables.filter((x) => x.kind === 'active').length, 4);
      assert.equal(m.tables.find((x) => x.kind === 'review')?.rows.get('data')?.cells.size, 15);
      assert.deepEqual(tableFindings(text), [], 'a consistent draft has no finding');
    });
  }

  it('reads the same values whatever the layout', () => {
    const tabs = snapshot(parseReport(draft({ layout: 'tabs', apps: values })));
    assert.deepEqual(snapshot(parseReport(draft({ layout: 'cells', apps: values }))), tabs);
    assert.deepEqual(snapshot(parseReport(draft({ layout: 'markdown', apps: values }))), tabs);
    assert.deepEqual(snapshot(parseReport(draft({ layout: 'spaces', apps: values }))), tabs);
  });

  it('detects the layout of a region from its lines', () => {
    const lines = (s: string) => splitLines(s).lines;
    assert.equal(readRows(lines('a\tb\tc\nd\te'), 0, 1).layout, 'tabs');
    assert.equal(readRows(lines('\ta\n\tb\n\n\tc'), 0, 3).layout, 'cells');
    assert.equal(readRows(lines('| a | b |\n|---|---|\n| 1 | 2 |'), 0, 2).layout, 'markdown');
    assert.equal(readRows(lines('a\nb\n1'), 0, 2).layout, 'stream');
    assert.equal(readRows(lines('\n\n'), 0, 2).layout, 'none');
    const md = readRows(lines('| a | b |\n|---|---|\n| 1 |  |'), 0, 2).rows;
    assert.deepEqual(
      md.map((r) => r.fields.map((f) => f.text)),
      [
        ['a', 'b'],
        ['1', ''],
      ],
    );
  });

  it('gives the same findings at the same lines and columns with CRLF line ends', () => {
    const bad = { r3_1: ['1', '0', '0', '0', '0', '0', '1'], r1: ['1', '0', '0', '0', '0', '0', '1'], r3_3_1: ['', '0', '0', '0', '0', '0', '0'] };
    for (const layout of ['tabs', 'cells', 'markdown'] as const) {
      const lf = lint(draft({ layout, apps: bad }));
      const crlf = lint(draft({ layout, apps: bad, eol: '\r\n' }));
      assert.equal(crlf.model.eol, '\r\n');
      assert.ok(crlf.model.lines.every((l) => !l.includes('\r')));
      assert.ok(lf.diagnostics.length >= 3, layout);
      assert.deepEqual(crlf.diagnostics.map(formatFinding), lf.diagnostics.map(formatFinding), layout);
      // what a client is given of each fix (some are computed on first use)
      const fixes = (ds: LintDiagnostic[]): unknown[] => ds.map((d) => d.fixes.map((f) => ({ title: f.title, edits: f.edits, preferred: f.preferred })));
      assert.deepEqual(fixes(crlf.diagnostics), fixes(lf.diagnostics));
    }
  });

  it('ignores a byte order mark at the start', () => {
    const text = draft({ apps: { r3_1: ['', '0', '0', '0', '0', '0', '0'] } });
    const plain = lint(text);
    const bom = lint('\ufeff' + text);
    assert.equal(bom.model.title?.text, plain.model.title?.text);
    assert.deepEqual(bom.diagnostics.map(formatFinding), plain.diagnostics.map(formatFinding));
  });

  it('ignores trailing tabs and an extra empty cell before the data (seed 003 line 76, seed 004)', () => {
    const text = draft({ apps: { r1: ['1', '0', '0', '0', '0', '0', '1'], r3_1: ['1', '0', '0', '0', '0', '0', '1'], r3_7: ['1', '0', '0', '0', '0', '0', '1'] } })
      .replace(/^(一、本年新收政府信息公开申请数量\t.*)$/m, '$1\t')
      .replace(/^四、结转下年度继续办理\t/m, '四、结转下年度继续办理\t\t');
    assert.match(text, /一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t\n/);
    const m = parseReport(text);
    assert.deepEqual(
      [...apps(m).rows.get('r1')!.cells.values()].map((c) => c.raw),
      ['1', '0', '0', '0', '0', '0', '1'],
    );
    assert.deepEqual(
      [...apps(m).rows.get('r4')!.cells.values()].map((c) => c.state),
      new Array(7).fill('number'),
    );
    assert.deepEqual(tableFindings(text), []);
  });

  it('joins a row label broken across lines in the cells layout', () => {
    const text = draft({ layout: 'cells', apps: { r3_2: ['0', '1', '0', '0', '0', '0', '1'], r3_7: ['0', '1', '0', '0', '0', '0', '1'], r1: ['0', '1', '0', '0', '0', '0', '1'] } }).replace(
      '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '\t（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）',
    );
    const m = parseReport(text);
    const r = apps(m).rows.get('r3_2');
    assert.ok(r, 'the broken label is recognised');
    assert.equal(r.label.text, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(r.label.range.start.line + 1, r.label.range.end.line);
    assert.equal(cell(m, 'r3_2', 'business').raw, '1');
    assert.deepEqual(tableFindings(text), []);
  });

  it('right-aligns a short row whose last cell is filled and which has blanks (seed 003 line 53)', () => {
    const text = draft().replace(/^（一）予以公开\t.*$/m, '三、本年度办理结果\t(一) 予以公开\t\t\t\t\t\t0').replace(/^三、本年度办理结果\n/m, '');
    const m = parseReport(text);
    const r = apps(m).rows.get('r3_1')!;
    assert.deepEqual(
      [...r.cells.values()].map((c) => c.state),
      ['absent', 'blank', 'blank', 'blank', 'blank', 'blank', 'number'],
    );
    assert.equal(r.cells.get('total')?.raw, '0');
    // the absent cell points at the row label; blank cells are zero-width at their position
    assert.deepEqual(r.cells.get('natural')?.range, r.label.range);
    const blank = r.cells.get('business')!.range;
    assert.deepEqual(blank.start, blank.end);
  });

  it('left-aligns a short row without blanks (the writer is still typing)', () => {
    const text = draft().replace(/^（一）予以公开\t.*$/m, '（一）予以公开\t1\t2');
    const r = apps(parseReport(text)).rows.get('r3_1')!;
    assert.deepEqual(
      [...r.cells.values()].map((c) => `${c.raw}:${c.state}`),
      ['1:number', '2:number', ':absent', ':absent', ':absent', ':absent', ':absent'],
    );
  });

  it('keeps the stray 开 of a vertical cell out of the rows (seed 004 line 76)', () => {
    const text = draft().replace(/^2\.其他法律行政法规禁止公开\t/m, '开\t2. 其他法律行政法规禁止公开\t');
    const m = parseReport(text);
    const t = apps(m);
    assert.deepEqual(
      t.strays.map((s) => [s.text, textAt(m.text, s.range)]),
      [['开', '开']],
    );
    assert.equal(t.rows.get('r3_3_2')?.cells.get('total')?.raw, '0');
    assert.deepEqual(tableFindings(text), []);
  });

  it('reads numbers written on a group row and blanks on its first item (seed 004 （三）)', () => {
    const text = draft({ groups: { r3_3: ['0', '0', '0', '0', '0', '0', '0'] }, apps: { r3_3_1: ['', '', '', '', '', '', ''] } });
    const m = parseReport(text);
    const g = apps(m).rows.get('r3_3')!;
    assert.equal(g.hasValues, true);
    assert.equal(g.cells.size, 7);
    const item = apps(m).rows.get('r3_3_1')!;
    assert.equal(item.hasValues, false);
    assert.ok([...item.cells.values()].every((c) => c.state === 'blank'));
    const rules = lint(text).diagnostics.filter((d) => TABLE_RULES.includes(d.rule)).map((d) => d.rule);
    assert.deepEqual(rules, ['cell-missing'], 'only the blank item row is reported: the subtotal stands in for it');
  });

  it('reads a group row without numbers as a group, not as a row with missing cells', () => {
    const m = parseReport(draft());
    const g = apps(m).rows.get('r3_4')!;
    assert.equal(g.hasValues, false);
    assert.equal(g.cells.size, 0);
    assert.equal(apps(m).rows.get('r3')?.cells.size, 0);
  });
});

describe('parser: template detection', () => {
  it('takes （六）其他处理 with three items for the 2021 format', () => {
    const m = parseReport(draft({ template: '2021' }));
    assert.equal(m.template, '2021');
    assert.equal(apps(m).template, '2021');
    assert.equal(apps(m).templateSource, 'rows');
    assert.equal(apps(m).rows.size, 30);
    assert.ok(m.tables.filter((t) => t.kind === 'active').every((t) => t.template === '2021' && t.templateSource === 'header'));
  });

  it('takes a single （六）其他处理 row and the 2019 headers of section 二 for the 2019 format', () => {
    const m = parseReport(draft({ template: '2019' }));
    assert.equal(m.template, '2019');
    assert.equal(apps(m).template, '2019');
    assert.equal(apps(m).rows.size, 27);
    assert.deepEqual(
      m.tables.filter((t) => t.kind === 'active').map((t) => t.id),
      ['a1', 'a5', 'a6', 'a8', 'a9'],
    );
  });

  it('reads section 三 by its own rows when section 二 follows the other format (seeds 000/002 vs 001)', () => {
    // 2021 section 二, 2019 section 三 (seed 001): the arithmetic follows what is written
    const t2021 = draft({ template: '2021' });
    const mixed = t2021.slice(0, t2021.indexOf('三、收到和处理')) + draft({ template: '2019' }).slice(draft({ template: '2019' }).indexOf('三、收到和处理'));
    const m = parseReport(mixed);
    assert.equal(m.template, '2021');
    assert.equal(apps(m).template, '2019');
    assert.equal(apps(m).rows.size, 27);
  });
});

describe('tables whose cells are separated by spaces (copied from a PDF viewer, aligned by hand)', () => {
  const cells = (s: string): string[] | null => spacedCells(s)?.map(([a, b]) => s.slice(a, b)) ?? null;
  const SEED_003 = 'test/fixtures/seeds/003_075fb8c0c28ee6ce.txt';
  const SEED_004 = 'test/fixtures/seeds/004_94669dee5bbf1e6e.txt';
  /** a seed whose tab-separated rows are re-typed with runs of spaces */
  const spaced = (file: string): string => readFileSync(file, 'utf8').replace(/\t+/g, '   ');

  it('splits a line into cells at runs of two or more spaces, keeping single spaces inside labels', () => {
    assert.deepEqual(cells('（一）予以公开   5   0   0'), ['（一）予以公开', '5', '0', '0']);
    assert.deepEqual(cells('自然 人   法人或其他组织   总计'), ['自然 人', '法人或其他组织', '总计']);
    assert.deepEqual(cells('\u3000\u3000（一）予以公开\u3000\u30001\u3000\u30002  '), ['（一）予以公开', '1', '2']);
    // the numbers at the end of a cell, apart by single spaces, are cells of their own (two or more of them)
    assert.deepEqual(cells('（一）予以公开 5 0 0 0 0 0 5'), ['（一）予以公开', '5', '0', '0', '0', '0', '0', '5']);
    assert.deepEqual(cells('1.属于国家秘密 - 0 /'), ['1.属于国家秘密', '-', '0', '/']);
    assert.deepEqual(cells('5 0 0'), ['5', '0', '0']);
    // one number after a single space is part of the text; so is a line without a run of spaces
    assert.equal(cells('本年度共收到申请 5'), null);
    assert.equal(cells('本年度共收到申请5件，办结5件。'), null);
    assert.equal(cells('2022年 1月 1日'), null);
  });

  it('is a table row for the headings only when a number follows the label', () => {
    assert.equal(isSpacedRowWithNumbers('三、本年度办理结果   （一）予以公开   0'), true);
    assert.equal(isSpacedRowWithNumbers('自然人   法人或其他组织'), false);
    assert.equal(isSpacedRowWithNumbers('（二）部分公开   -   -'), false);
    assert.equal(isSpacedRowWithNumbers('三、收到和处理政府信息公开申请情况'), false);
  });

  it('detects the layout: rows of cells apart by spaces, unless numbers on lines of their own (PDF text) are as many', () => {
    const lines = (s: string) => splitLines(s).lines;
    assert.equal(readRows(lines('规章   0   0   0\n行政规范性文件   1   0   1'), 0, 1).layout, 'spaces');
    assert.equal(readRows(lines('规章\n0\n0\n0\n行政规范性文件   1   0   1'), 0, 4).layout, 'stream');
    assert.equal(readRows(lines('规章\t0\t0\t0\n行政规范性文件   1   0   1'), 0, 1).layout, 'tabs');
    const row = readRows(lines('行政规范性文件   12   0   3'), 0, 0).rows[0];
    assert.deepEqual(
      row.fields.map((f) => [f.text, f.range.start.character, f.range.end.character]),
      [
        ['行政规范性文件', 0, 7],
        ['12', 10, 12],
        ['0', 15, 16],
        ['3', 19, 20],
      ],
    );
  });

  it('a row splits only into table cells: values, labels of the official tables, or one or two stray characters', () => {
    const lines = (s: string) => splitLines(s).lines;
    const fields = (s: string): string[][] => readRows(lines(s), 0, lines(s).length - 1).rows.map((r) => r.fields.map((f) => f.text));
    // a sentence, a date, a note: one piece of text each, as before this layout was read
    assert.deepEqual(fields('本年度共收到申请  5件，办结  5件。\n2022年  1月  1日\n说明：  1  2'), [['本年度共收到申请  5件，办结  5件。'], ['2022年  1月  1日'], ['说明：  1  2']]);
    // a vertical cell split by the conversion (开) does not keep the row from being read
    assert.deepEqual(fields('开  2. 其他法律行政法规禁止公开  0  0'), [['开', '2. 其他法律行政法规禁止公开', '0', '0']]);
    // in section 四 of a seed, such lines add no number to the table and no stray
    const text = readFileSync(SEED_003, 'utf8');
    const at = text.indexOf('\n', text.indexOf('四、政府信息公开行政复议、行政诉讼情况')) + 1;
    const inject = (gap: string): string => text.slice(0, at) + ['本年度共收到申请', '5件，办结', '5件。\n2022年', '1月', '1日\n说明：', '1', '2\n'].join(gap) + text.slice(at);
    const key = (d: LintDiagnostic): string => `${d.range.start.line} ${d.rule} ${d.message.zh}`;
    assert.deepEqual(lint(inject('  ')).diagnostics.map(key), lint(inject(' ')).diagnostics.map(key));
  });

  it('a table row that starts like a heading (三、本年度办理结果  （一）予以公开  5 …) is no section heading', () => {
    const m = parseReport(spaced(SEED_003));
    assert.deepEqual(
      m.sections.map((s) => s.official),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(lint(m.text).diagnostics.filter((d) => d.rule === 'section-structure'), []);
    const t = apps(m);
    assert.equal(t.layout, 'spaces');
    assert.equal(t.template, '2021');
    assert.deepEqual(t.rowOrder, apps(parseReport(readFileSync(SEED_003, 'utf8'))).rowOrder, 'the rows of the seed itself');
    assert.equal(t.rows.size, 30, 'every row of the 2021 table, heading and group rows included');
    for (const row of t.rows.values()) for (const c of row.cells.values()) if (c.state !== 'absent') assert.equal(textAt(m.text, c.range), c.raw);
  });

  it('seed 004 re-typed with spaces gives the findings of the seed (rule, line, message)', () => {
    const key = (d: LintDiagnostic): string => `${d.range.start.line} ${d.rule} ${d.message.zh}`;
    assert.deepEqual(lint(spaced(SEED_004)).diagnostics.map(key), lint(readFileSync(SEED_004, 'utf8')).diagnostics.map(key));
  });

  it('a wrong total is underlined exactly and its suggested fix edits only that number', () => {
    const text = draft({ layout: 'spaces', apps: { r1: ['2', '0', '0', '0', '0', '0', '3'] } });
    const ds = lint(text).diagnostics.filter((d) => d.rule === 'relation-mismatch');
    const row = ds.find((d) => d.range.start.line === lineOf(text, '一、本年新收政府信息公开申请数量'));
    assert.ok(row, ds.map(formatFinding).join('\n'));
    assert.equal(textAt(text, row.range), '3');
    const fixed = applyEdits(text, row.fixes[0].edits);
    assert.equal(linesOf(fixed).length, linesOf(text).length);
    assert.ok(fixed.includes('一、本年新收政府信息公开申请数量   2   0   0   0   0   0   2'));
  });
});
