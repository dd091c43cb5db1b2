/**
 * The parser: text → ReportModel, in one pass over the lines plus one pass per table region.
 */
import { matchLabel, normalizeLabel, stripSpaces } from '../labels';
import type { BodyInfo, BodyKind, Heading, ReportModel, Section, Table, Title, YearInfo } from '../model';
import type { Range } from '../types';
import { toHalfWidth } from '../numbers';
import { SECTIONS, type TemplateId } from '../templates';
import { readDirectives, isDirectiveLine } from './directives';
import { isSpacedRowWithNumbers, readRows } from './fields';
import { chineseNumeral, isBlank, isCnNumeralCode, isSpaceCode, range, spanRange } from './lines';
import { readNarrative } from './narrative';
import { readActive, readApplications, readReview } from './tables';
import { splitLines, zeros } from './lines';
import { mapped } from '../arrays';

export interface ParseOptions {
  /** overrides the year read from the title */
  reportYear?: number | null;
}

// the marker only: the rest of the line (m[0].length on) is the heading text, sliced without a regex scan
const L1_RE = /^([\s\u3000\f#>*]*)([一二三四五六七八九十]{1,3})(\s*[、.．]\s*)/;
const L2_RE = /^([\s\u3000\f#>*]*)([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])\s*/;
const L3_RE = /^([\s\u3000\f#>*]*)(\d{1,2})(\s*[.．、]\s*)(?![\d%％])/;
const L4_RE = /^([\s\u3000\f#>*]*)([（(])\s*(\d{1,2})\s*([）)])\s*/;

function headingTitle(rest: string): string {
  const stop = rest.search(/[。；;：:]/);
  return (stop >= 0 ? rest.slice(0, stop) : rest).trim();
}

function isTableRowLabel(text: string): boolean {
  return matchLabel(text, 'applications').some((m) => m.entry.role === 'row');
}

/** Index of the first character after the leading whitespace and Markdown marks a heading may carry. */
function headingStart(text: string): number {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isSpaceCode(c) || c === 35 /* # */ || c === 62 /* > */ || c === 42 /* * */ || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f)) break;
  }
  return i;
}

const LOWER_TRIES: readonly [2 | 3 | 4, RegExp, Heading['style']][] = [
  [2, L2_RE, 'paren-cn'],
  [4, L4_RE, 'paren-arabic'],
  [3, L3_RE, 'arabic'],
];

/**
 * A heading as read: its ranges (one line each) are made when asked for, as the narrative's numbers do. A long
 * paste holds thousands of headings, and two ranges of three objects each per heading were kept by the model
 * and copied by every young-generation collection during the check.
 */
class HeadingRead implements Heading {
  constructor(
    readonly level: Heading['level'],
    readonly marker: string,
    readonly ordinal: number,
    readonly style: Heading['style'],
    readonly title: string,
    readonly line: number,
    private readonly start: number,
    private readonly markerEnd: number,
    private readonly end: number,
  ) {}

  get markerRange(): Range {
    return range(this.line, this.start, this.markerEnd);
  }

  get range(): Range {
    return range(this.line, this.start, this.end);
  }
}

/**
 * A numbered heading of level 1 (`upper`) or of levels 2–4 (not `upper`). The first character after the
 * leading marks decides which patterns can match at all, so most lines never reach a regular expression.
 */
function readHeading(text: string, index: number, upper: boolean): Heading | null {
  const s = headingStart(text);
  if (s >= text.length) return null;
  const first = text.charCodeAt(s);
  const cn = isCnNumeralCode(first);
  const paren = first === 0xff08 /* （ */ || first === 40 /* ( */;
  const digit = first >= 48 && first <= 57;
  if (upper ? !cn : !(paren || digit)) return null;
  if (text.indexOf('\t') >= 0 || text.indexOf('|') >= 0) return null;
  let m: RegExpExecArray | null;
  if (upper) {
    // (a table row whose cells are separated by spaces starts like a heading: 三、本年度办理结果  （一）予以公开  5 …)
    if (!(m = L1_RE.exec(text)) || isSpacedRowWithNumbers(text)) return null;
    const rest = text.slice(m[0].length);
    const title = headingTitle(rest);
    const restEnd = rest.trimEnd().length;
    // at most 40 characters besides spaces, no sentence going on after a 。, not a 一是 marker, not a table row label
    const short = rest.length <= 40 || stripSpaces(rest).length <= 40;
    const stop = rest.indexOf('。');
    if (title.length >= 2 && short && !(stop >= 0 && stop < restEnd - 1) && rest.charCodeAt(0) !== 0x662f /* 是 */ && !isTableRowLabel(m[2] + '、' + rest)) {
      const start = m[1].length;
      const markerEnd = start + m[2].length + m[3].length;
      return new HeadingRead(1, m[2] + m[3].trim(), chineseNumeral(m[2]), 'cn', title, index, start, markerEnd, markerEnd + restEnd);
    }
    return null;
  }
  for (const [level, re, style] of LOWER_TRIES) {
    if (style === 'arabic' ? !digit : !paren) continue;
    m = re.exec(text);
    if (!m) continue;
    const isParen = style === 'paren-cn' || style === 'paren-arabic';
    const num = isParen ? m[3] : m[2];
    const rest = text.slice(m[0].length);
    const title = headingTitle(rest);
    if (title.length < 2) continue;
    if (style === 'arabic' && /^[年月日万亿元件条个项%]/.test(rest)) continue;
    const start = m[1].length;
    const markerEnd = text.length - rest.length;
    const marker = text.slice(start, markerEnd).trim();
    const ordinal = style === 'paren-cn' ? chineseNumeral(num) : parseInt(toHalfWidth(num), 10);
    return new HeadingRead(level, marker, ordinal, style, title, index, start, start + marker.length, markerEnd + title.length);
  }
  return null;
}

/** The official section headings and their known variants, normalised once. */
const SECTION_KEYS = mapped(SECTIONS, (s) => ({ number: s.number, heading: normalizeLabel(s.heading), variants: mapped(s.variants ?? [], (v) => normalizeLabel(v.text)) }));

/** Loose paraphrases of the headings seen in real reports. */
const LOOSE_SECTIONS: [RegExp, number][] = [
  [/^总体情况|^概述$|^基本情况$/, 1],
  [/主动公开/, 2],
  [/(收到|受理|办理).*申请/, 3],
  [/行政复议|行政诉讼/, 4],
  [/存在.*问题|改进/, 5],
  [/其他.*事项/, 6],
];

function matchSection(title: string): { official: number | null; variant: boolean } {
  const t = normalizeLabel(title).replace(/[。.]+$/, '');
  for (const s of SECTION_KEYS) if (t === s.heading) return { official: s.number, variant: false };
  for (const s of SECTION_KEYS) if (s.variants.includes(t)) return { official: s.number, variant: true };
  for (const s of SECTION_KEYS) if (t.length >= 4 && (t.includes(s.heading) || s.heading.includes(t))) return { official: s.number, variant: true };
  for (const [re, n] of LOOSE_SECTIONS) if (re.test(t)) return { official: n, variant: true };
  return { official: null, variant: false };
}

function readTitle(lines: string[], before: number): Title | null {
  const limit = Math.min(before, lines.length);
  let seen = 0;
  for (let i = 0; i < limit && seen < 12; i++) {
    if (isBlank(lines[i])) continue;
    seen++;
    const raw = lines[i];
    const compact = stripSpaces(raw).replace(/^#+/, '');
    if (!/年度报告|年报/.test(compact) || compact.length > 80) continue;
    const linesUsed = [i];
    let text = compact;
    const prev = i - 1;
    if (prev >= 0 && !isBlank(lines[prev])) {
      const p = stripSpaces(lines[prev]).replace(/^#+/, '');
      const needsPrev = !compact.includes('政府信息公开') || /^(19|20)\d{2}年/.test(toHalfWidth(compact));
      if (needsPrev && p.length <= 30 && !/[。：:；;]/.test(p)) {
        linesUsed.unshift(prev);
        text = p + compact;
      }
    }
    const a = linesUsed[0];
    const b = linesUsed[linesUsed.length - 1];
    const aText = lines[a];
    const aStart = aText.length - aText.replace(/^[\s\u3000#]+/, '').length;
    const bEnd = lines[b].replace(/[\s\u3000]+$/, '').length;
    return { text, range: spanRange(a, aStart, b, bEnd), lines: linesUsed };
  }
  return null;
}

const YEAR_IN_LINE = /([12][0-9]{3}|[１２][０-９]{3})\s*年/;

function readYear(title: Title | null, lines: string[]): YearInfo | null {
  if (!title) return null;
  for (const li of title.lines) {
    const m = YEAR_IN_LINE.exec(lines[li]);
    if (m) {
      const value = parseInt(toHalfWidth(m[1]), 10);
      return { value, range: range(li, m.index, m.index + m[1].length), source: 'title' };
    }
  }
  return null;
}

const PERIOD_RE = /统计(?:期限|时限|期间|时间)[^。\n]{0,20}?([12][0-9]{3}|[１２][０-９]{3})\s*年\s*[1１]\s*月\s*[1１]\s*日/;

function readPeriodYear(lines: string[]): YearInfo | null {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (t.indexOf('统计') < 0) continue;
    const m = PERIOD_RE.exec(t);
    if (m) {
      const at = m.index + m[0].indexOf(m[1]);
      return { value: parseInt(toHalfWidth(m[1]), 10), range: range(i, at, at + m[1].length), source: 'period' };
    }
  }
  return null;
}

export function bodyKindOf(name: string): BodyKind | null {
  if (!name) return null;
  if (/人民政府$/.test(name) || /[省市区县旗镇乡]$/.test(name)) return '人民政府';
  if (/(街道|街道办事处|管委会|管理委员会)$/.test(name)) return null;
  if (/(局|办公室|委员会|委|厅|中心|办|署|院|站|所|队|会|部|处|科|馆|社|集团|公司|协会)$/.test(name)) return '部门';
  return null;
}

function readBody(title: Title | null): BodyInfo | null {
  if (!title) return null;
  const t = toHalfWidth(title.text);
  const m = /^(.*?)((?:19|20)\d{2})年度?(.*?)政府信息公开/.exec(t);
  let name = '';
  if (m) name = m[1] || m[3];
  else {
    const k = t.indexOf('政府信息公开');
    name = k > 0 ? t.slice(0, k) : '';
  }
  name = name.replace(/^[#\s]+/, '').replace(/(关于)?$/, '');
  if (!name) return null;
  // "樟木头镇政府信息公开": 政府 belongs to 政府信息公开, the body is 樟木头镇 (a 镇人民政府)
  return { name, kind: bodyKindOf(name) };
}

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  // a byte-order mark stays in the text (as whitespace) so that positions match the client's document
  const src = text;
  const { lines, starts, eol } = splitLines(src);
  // most drafts hold no inline directive: one scan of the text spares a check of every line
  const directives = src.indexOf('nianbao-') >= 0;
  // level-1 headings → sections
  const l1: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (t.length > 200 || t.length < 3) continue;
    const h = readHeading(lines[i], i, true);
    if (h) l1.push(h);
  }
  const sections: Section[] = mapped(l1, (h, k) => {
    const { official, variant } = matchSection(h.title);
    return {
      number: h.ordinal,
      heading: h,
      official,
      variant,
      startLine: h.line,
      endLine: k + 1 < l1.length ? l1[k + 1].line - 1 : lines.length - 1,
    };
  });
  const firstSectionLine = sections.length ? sections[0].startLine : Math.min(lines.length, 15);
  const title = readTitle(lines, firstSectionLine);
  let year = readYear(title, lines) ?? readPeriodYear(lines);
  if (options.reportYear) year = { value: options.reportYear, range: year?.range ?? range(0, 0, 0), source: 'setting' };
  const body = readBody(title);

  // tables
  const tables: Table[] = [];
  const sectionFor = (n: number): Section | undefined => sections.find((s) => s.official === n) ?? sections.find((s) => s.number === n && s.official === null);
  const s2 = sectionFor(2);
  let docTemplate: TemplateId | null = null;
  if (s2) {
    const { rows, layout } = readRows(lines, s2.startLine + 1, s2.endLine, directives);
    const active = readActive(rows, layout, null);
    tables.push(...active);
    const votes = { '2019': 0, '2021': 0 };
    for (const t of active) if (t.templateSource === 'header') votes[t.template]++;
    if (votes['2019'] !== votes['2021']) docTemplate = votes['2019'] > votes['2021'] ? '2019' : '2021';
    for (const t of active) {
      if (t.templateSource !== 'header' && docTemplate && t.template !== docTemplate && t.id !== 'a9') {
        // re-read the few tables whose own header did not decide, with the document's format
        const again = readActive(rows, layout, docTemplate).find((x) => x.firstLine === t.firstLine);
        if (again) tables.splice(tables.indexOf(t), 1, again);
      }
    }
  }
  const s3 = sectionFor(3);
  if (s3) {
    const { rows, layout } = readRows(lines, s3.startLine + 1, s3.endLine, directives);
    const apps = readApplications(rows, layout, docTemplate);
    if (apps) {
      tables.push(apps);
      if (!docTemplate) docTemplate = apps.templateSource === 'rows' ? apps.template : null;
    }
  }
  const s4 = sectionFor(4);
  if (s4) {
    const { rows, layout } = readRows(lines, s4.startLine + 1, s4.endLine, directives);
    const review = readReview(rows, layout, docTemplate ?? '2021');
    if (review) tables.push(review);
  }
  for (const t of tables) tightenLines(t);

  // lower-level headings and narrative, outside tables
  const inTable = zeros(lines.length);
  for (const t of tables) for (let i = t.firstLine; i <= t.lastLine && i < lines.length; i++) inTable[i] = 1;
  const headings: Heading[] = [];
  const paragraphLines: number[] = [];
  let si = -1;
  for (let i = 0; i < lines.length; i++) {
    // sections start at the level-1 headings, in line order
    while (si + 1 < sections.length && sections[si + 1].startLine <= i) si++;
    if (si >= 0 && sections[si].startLine === i) {
      headings.push(sections[si].heading);
      continue;
    }
    if (inTable[i] || isBlank(lines[i]) || (directives && isDirectiveLine(lines[i]))) continue;
    if (title && title.lines.includes(i)) continue;
    const t = lines[i];
    if (t.length <= 2000) {
      const h = readHeading(lines[i], i, false);
      if (h) headings.push(h);
    }
    paragraphLines.push(i);
  }
  const isReport = (!!title && /政府信息公开/.test(title.text)) || new Set(mapped(sections, (s) => s.official).filter((n) => n !== null)).size >= 3;
  const narrative = readNarrative(lines, paragraphLines, sections, headings, inTable);
  return { text: src, lines, lineStarts: starts, eol, title, year, body, headings, sections, tables, template: docTemplate, paragraphLines, isReport, narrative, directives: directives ? readDirectives(lines) : [] };
}

/** Narrow a table's line span to the lines that hold its labels and cells. */
function tightenLines(t: Table): void {
  let a = Infinity;
  let b = -Infinity;
  const see = (line: number): void => {
    if (line < a) a = line;
    if (line > b) b = line;
  };
  if (t.caption) see(t.caption.range.start.line);
  for (const h of t.headers) {
    see(h.range.start.line);
    see(h.range.end.line);
  }
  for (const r of t.rows.values()) {
    if (r.label.text) see(r.label.range.start.line);
    for (const c of r.cells.values()) if (c.state !== 'absent') see(c.range.end.line);
  }
  if (a !== Infinity) {
    t.firstLine = a;
    t.lastLine = b;
  }
}
