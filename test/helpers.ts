/**
 * Shared helpers of the test suite (no mocha, no assert here: scripts/update-fixtures.mjs bundles this file too).
 * - applyEdits: apply LSP-style TextEdits (0-based line, UTF-16 character) to a string;
 * - formatFinding: the one-line form of a finding used by the fixture files;
 * - draft builders: tiny but complete reports in the three table layouts, to write unit tests inline.
 */
import { lint, shouldCheck, TEMPLATES, type LintDiagnostic, type Range, type TemplateId, type TextEdit } from '../server/src/core';

export { lint, shouldCheck };

// ---------------------------------------------------------------------------------------------------------------
// positions and edits

/** Offsets of the first character of every line; a line ends at \r\n, \n or \r (as in LSP). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      i++;
      starts.push(i + 1);
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The lines of a text without their terminators. */
export function linesOf(text: string): string[] {
  const starts = lineStarts(text);
  return starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    return text.slice(s, end).replace(/\r?\n$|\r$/, '');
  });
}

/** Offset of a position; throws when the position is not inside the text (a test must notice, not clamp). */
export function offsetAt(text: string, pos: { line: number; character: number }, starts = lineStarts(text)): number {
  if (pos.line < 0 || pos.line >= starts.length) throw new RangeError(`line ${pos.line} outside 0..${starts.length - 1}`);
  const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  const len = text.slice(starts[pos.line], lineEnd).replace(/\r?\n$|\r$/, '').length;
  if (pos.character < 0 || pos.character > len) throw new RangeError(`character ${pos.character} outside 0..${len} on line ${pos.line}`);
  return starts[pos.line] + pos.character;
}

/** Apply edits that refer to the original text (LSP semantics: non-overlapping, applied simultaneously). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits.map((e, i) => ({ a: offsetAt(text, e.range.start, starts), b: offsetAt(text, e.range.end, starts), t: e.newText, i }));
  for (const s of spans) if (s.b < s.a) throw new RangeError(`edit ${s.i} ends before it starts`);
  spans.sort((x, y) => x.a - y.a || x.b - y.b || x.i - y.i);
  for (let k = 1; k < spans.length; k++) if (spans[k].a < spans[k - 1].b) throw new RangeError('overlapping edits');
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.a) + s.t;
    at = s.b;
  }
  return out + text.slice(at);
}

/** True when a range lies inside a document with these lines (start ≤ end, character ≤ line length). */
export function rangeInside(r: Range, lines: readonly string[]): boolean {
  const ok = (p: { line: number; character: number }): boolean =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  if (!ok(r.start) || !ok(r.end)) return false;
  return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
}

/** The text a range covers. */
export function textAt(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

// ---------------------------------------------------------------------------------------------------------------
// the fixture line format

/** `L:C-L2:C2 severity rule message`, 1-based, message in Chinese. */
export function formatFinding(d: LintDiagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.rule} ${d.message.zh}`;
}

/** The finding lines of a fixture, as the CLI would check it (a text that is not a report gives no finding). */
export function fixtureFindings(text: string, languageId = 'plaintext'): string[] {
  const result = lint(text);
  if (!shouldCheck(result.model, languageId)) return [];
  return result.diagnostics.map(formatFinding);
}

/** The finding lines of an expected file: comments (`#…`) and blank lines are ignored. */
export function expectedFindings(expected: string): string[] {
  return expected.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** The table rules of the core (issue 2); unit tests on tiny drafts look at these only. */
export const TABLE_RULES = ['relation-mismatch', 'cell-missing', 'cell-not-number', 'cell-negative', 'row-missing', 'row-unreadable', 'table-unrecognized'];

/** The findings of the table rules only, formatted. */
export function tableFindings(text: string): string[] {
  return lint(text)
    .diagnostics.filter((d) => TABLE_RULES.includes(d.rule))
    .map(formatFinding);
}

// ---------------------------------------------------------------------------------------------------------------
// tiny drafts

export type DraftLayout = 'tabs' | 'cells' | 'markdown' | 'spaces';

export interface DraftOptions {
  template?: TemplateId;
  layout?: DraftLayout;
  /** first line(s) of the report; default `东莞市测试局2022年政府信息公开工作年度报告` (2020 for the 2019 format) */
  title?: string;
  /**
   * Section 三 values by row key (r1, r2, r3_1 … r3_7, r4): 7 strings (use '' for a blank cell),
   * or `null` to leave the row out entirely. Rows not given are all '0' (or computed, see `consistent`).
   */
  apps?: Record<string, string[] | null>;
  /** values of group rows (r3_3, r3_4, r3_5 and in 2021 r3_6): written on the group row when given */
  groups?: Record<string, string[]>;
  /** the 15 numbers of section 四 (default all 0) */
  review?: string[];
  /** replace a row label (by key) with another text, e.g. a variant */
  labels?: Record<string, string>;
  /** line terminator (default \n) */
  eol?: string;
}

const SIGNATURE_BODY = '东莞市测试局';

const APP_ROWS = (tpl: TemplateId) => TEMPLATES[tpl].tables.find((t) => t.kind === 'applications')!.rows;

export const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Keys of the rows of section 三 that carry numbers, in order. */
export function appDataRows(tpl: TemplateId): string[] {
  return APP_ROWS(tpl)
    .filter((r) => !r.items && !r.heading)
    .map((r) => r.key);
}

function tableRows(layout: DraftLayout, rows: string[][]): string[] {
  if (layout === 'tabs') return rows.map((r) => r.join('\t'));
  // cells apart by runs of spaces, as a PDF viewer copies a table: an empty cell leaves no trace
  if (layout === 'spaces') return rows.map((r) => r.filter((c) => c !== '').join('   '));
  if (layout === 'markdown') {
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]): string[] => [...r, ...new Array<string>(width - r.length).fill('')];
    const md = (r: string[]): string => `| ${pad(r).join(' | ')} |`;
    return [md(rows[0]), `|${new Array(width).fill(' --- ').join('|')}|`, ...rows.slice(1).map(md)];
  }
  // one cell per line, each with a leading tab; a blank line between rows
  const out: string[] = [];
  rows.forEach((r, i) => {
    if (i > 0) out.push('');
    for (const c of r) out.push('\t' + c);
  });
  return out;
}

/** Build a complete small report: six sections, the section 二 tables, section 三 and section 四. */
export function draft(o: DraftOptions = {}): string {
  const tpl = o.template ?? '2021';
  const layout = o.layout ?? 'tabs';
  const lines: string[] = [];
  // a report year the format is right for: 2022 for the 2021 format, 2020 for the 2019 one
  const year = tpl === '2021' ? 2022 : 2020;
  lines.push(o.title ?? `东莞市测试局${year}年政府信息公开工作年度报告`, '');
  lines.push(
    '一、总体情况',
    `本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》，做好主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作。本报告统计期限为${year}年1月1日至${year}年12月31日。`,
    '',
  );
  lines.push('二、主动公开政府信息情况');
  const active: [string, string[], string[][]][] =
    tpl === '2021'
      ? [
          ['第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', '0', '0', '0'], ['行政规范性文件', '0', '0', '0']]],
          ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', '0']]],
          ['第二十条第（六）项', ['信息内容', '本年处理决定数量'], [['行政处罚', '0'], ['行政强制', '0']]],
          ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', '0']]],
        ]
      : [
          ['第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], [['规章', '0', '0', '0'], ['规范性文件', '0', '0', '0']]],
          ['第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], [['行政许可', '0', '0', '0'], ['其他对外管理服务事项', '0', '0', '0']]],
          ['第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], [['行政处罚', '0', '0', '0'], ['行政强制', '0', '0', '0']]],
          ['第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], [['行政事业性收费', '0', '0']]],
          ['第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], [['政府集中采购', '0', '0']]],
        ];
  for (const [caption, header, rows] of active) {
    lines.push(...tableRows(layout, [[caption], header, ...rows]));
    lines.push('');
  }
  lines.push('三、收到和处理政府信息公开申请情况');
  const rows: string[][] = [];
  rows.push(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况']);
  rows.push(['', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  rows.push(['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  for (const r of APP_ROWS(tpl)) {
    const label = o.labels?.[r.key] ?? r.label;
    const given = o.apps && r.key in o.apps ? o.apps[r.key] : undefined;
    if (given === null) continue;
    if (r.heading) {
      rows.push([label]);
      continue;
    }
    if (r.items) {
      const g = o.groups?.[r.key];
      rows.push(g ? [label, ...g] : [label]);
      continue;
    }
    rows.push([label, ...(given ?? new Array<string>(7).fill('0'))]);
  }
  // in markdown every row must start with a pipe, so a label-only row is fine; in the cells layout too
  lines.push(...tableRows(layout, rows), '');
  lines.push('四、政府信息公开行政复议、行政诉讼情况');
  const review = o.review ?? new Array<string>(15).fill('0');
  const g5 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  lines.push(
    ...tableRows(layout, [
      ['行政复议', '', '', '', '', '行政诉讼'],
      [...g5, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
      ['', '', '', '', '', ...g5, ...g5],
      review,
    ]),
    '',
  );
  lines.push('五、存在的主要问题及改进情况', '一是公开内容不够全面。', '');
  lines.push('六、其他需要报告的事项', '本年度未收取信息处理费。', '');
  lines.push(SIGNATURE_BODY, `${year + 1}年1月20日`);
  return lines.join(o.eol ?? '\n');
}

/** The 0-based line of the first line containing `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const ls = linesOf(text);
  for (let i = from; i < ls.length; i++) if (ls[i].includes(needle)) return i;
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}

/** Values of one row of section 三 as 7 strings; `n` numbers for the six applicant columns, total computed. */
export function row(...parts: number[]): string[] {
  const six = [...parts, 0, 0, 0, 0, 0, 0].slice(0, 6);
  return [...six.map(String), String(six.reduce((a, b) => a + b, 0))];
}
