/**
 * The report model: what the parser makes of a draft, once, and what every rule, hover, fix,
 * outline entry and CLI line reads. Nothing else scans the raw text.
 */
import type { LabelMatch } from './labels';
import type { CellValue } from './numbers';
import type { TableKind, TemplateId } from './templates';
import type { Range, Text2 } from './types';

export type Layout = 'cells' | 'tabs' | 'spaces' | 'markdown' | 'stream' | 'none';

/** A piece of text of the document with its exact range. */
export interface Span {
  text: string;
  range: Range;
}

export interface Title extends Span {
  /** lines the title occupies (a title may be split over two lines) */
  lines: number[];
}

export interface YearInfo {
  value: number;
  range: Range;
  source: 'title' | 'period' | 'setting';
}

export type BodyKind = '部门' | '人民政府';

export interface BodyInfo {
  name: string;
  kind: BodyKind | null;
}

/** A numbered heading at any level: 一、 / （一） / 1. / （1）. */
export interface Heading {
  level: 1 | 2 | 3 | 4;
  /** the marker as written, e.g. '（1）' */
  marker: string;
  /** ordinal value of the marker (一 → 1) */
  ordinal: number;
  /** marker style: 'cn' 一、, 'paren-cn' （一）, 'arabic' 1., 'paren-arabic' （1） */
  style: 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic';
  /** title text after the marker up to the first full stop */
  title: string;
  line: number;
  readonly markerRange: Range;
  readonly range: Range;
}

export interface Section {
  /** number written in the heading (一 → 1) */
  number: number;
  heading: Heading;
  /** which official section the heading text matches (1–6), or null */
  official: number | null;
  /** true when the heading text differs from the official one although it matched */
  variant: boolean;
  /** first and last line (inclusive) of the section, heading included */
  startLine: number;
  endLine: number;
}

export type CellState = 'number' | 'blank' | 'placeholder' | 'invalid' | 'absent';

export interface Cell {
  row: string;
  col: string;
  raw: string;
  value: CellValue;
  /** range of the cell text; zero-width at the cell position when the cell is blank, the row label when absent */
  range: Range;
  state: CellState;
}

export interface LabelRef {
  key: string;
  text: string;
  range: Range;
  match: LabelMatch;
}

export interface TableRow {
  key: string;
  label: LabelRef;
  /** cells by column key (only for rows that carry numbers) */
  cells: Map<string, Cell>;
  /** the row carried values (group rows normally carry none) */
  hasValues: boolean;
  firstLine: number;
  lastLine: number;
}

export interface ParseProblem {
  message: Text2;
  range: Range;
  /** 'row': a row that could not be read; 'table': the whole table could not be read */
  scope: 'row' | 'table';
}

export interface Table {
  kind: TableKind;
  /** template table id: a1 a5 a6 a8 a9 apps review */
  id: string;
  template: TemplateId;
  /** how the template of this table was decided */
  templateSource: 'header' | 'rows' | 'document' | 'default';
  caption: LabelRef | null;
  layout: Layout;
  /** column header labels found, in document order */
  headers: LabelRef[];
  rows: Map<string, TableRow>;
  /** all official rows in the order found */
  rowOrder: string[];
  firstLine: number;
  lastLine: number;
  /** false when the cells could not be located reliably (e.g. scrambled PDF text); relations are then not checked */
  readable: boolean;
  problems: ParseProblem[];
  /** stray text found inside the table (a lone character from a vertical cell …) */
  strays: Span[];
}

// ---------------------------------------------------------------------------------------------
// The narrative: what the document rules need from the text outside the tables, extracted once
// by parser/narrative.ts. Every item keeps the exact range of the words it was read from.

/** A number written in the narrative with its measure word (121条, 170.24 万次, 6宗). */
export interface NarrativeNumber {
  /** the value, with 万/亿 applied */
  value: number;
  /** the digits as written */
  text: string;
  /** measure word after the number (条 件 宗 项 次 个 … % 年 月 日), '' when none */
  unit: string;
  /** written as an approximation (余, 多, 近, 约, 超 …) */
  approx: boolean;
  /** range of the digits */
  range: Range;
}

/** One part of a breakdown: its number, with the words before it that say what it counts. */
export interface EnumerationPart extends NarrativeNumber {
  /** 政策文件 in "政策文件56条" ('' when the number has no words before it) */
  label: string;
}

/**
 * "共N条，其中A a条、B b条、C c条" — a total followed by its breakdown. In a long paste most breakdowns are views
 * onto a packed store whose keyword, total and parts are made afresh on each reading: read each once.
 */
export interface TextEnumeration {
  /** the total keyword (共, 总数, 合计 …) */
  keyword: Span;
  total: NarrativeNumber;
  parts: EnumerationPart[];
  /** from the total keyword to the end of the breakdown */
  range: Range;
  section: number | null;
}

export type NarrativeTopic =
  /** applications received / accepted (收到、受理 … 申请 N 件) */
  | 'received'
  /** applications carried over from last year (上年结转 N 件) */
  | 'carriedIn'
  /** applications carried forward to next year (结转下年度 N 件) */
  | 'carriedOut'
  /** applications answered by disclosure (予以公开 N 件) */
  | 'disclosed'
  /** administrative review cases (行政复议 N 件) */
  | 'review'
  /** lawsuits (行政诉讼 N 件) */
  | 'litigation'
  /** 规章 (规章文件) published */
  | 'rules'
  /** (行政)规范性文件 / 政策文件 published */
  | 'normative';

/** A count stated in the narrative that the tables also report (its numbers made afresh on each reading, as for a breakdown). */
export interface NarrativeCount {
  topic: NarrativeTopic;
  /** the words that say what is counted (受理政府信息公开申请, 规范性文件 …) */
  phrase: Span;
  value: NarrativeNumber;
  /** 'received' only: "其中上一年结转1宗" / "含上年度结转申请34件" in the same sentence */
  carriedIn: NarrativeNumber | null;
  /** the count covers a whole region (全市、全区 …), not only the reporting body */
  regional: boolean;
  section: number | null;
}

/** "未发生…行政复议、行政诉讼" — a statement that there were no review or litigation cases. */
export interface NoCaseClaim {
  range: Range;
  review: boolean;
  litigation: boolean;
}

/** One marker of an "一是…二是…三是" enumeration inside paragraphs. */
export interface ShiMarker {
  ordinal: number;
  text: string;
  range: Range;
}

export interface DateMention {
  year: number;
  /** null for a half-written date ("2023年") */
  month: number | null;
  day: number | null;
  text: string;
  range: Range;
  yearRange: Range;
}

/** The 落款 at the end of the report: issuing body (optional) and date. */
export interface Signature {
  body: Span | null;
  date: DateMention;
}

/** The statistics period sentence: "统计期限自 Y年1月1日起至 Y年12月31日止". */
export interface StatPeriod {
  range: Range;
  start: { year: number; range: Range };
  /** null when the end date omits the year (…至12月31日) */
  end: { year: number; range: Range } | null;
}

/** A cited format notice: 国办公开办函〔2019〕60号 (or its title) / 〔2021〕30号. */
export interface NoticeCitation {
  notice: '2019' | '2021';
  /** 'number': the document number; 'title': the title of the notice */
  by: 'number' | 'title';
  span: Span;
}

/** A reporting year the text claims (in "现公布X年…年度报告" or a paragraph opening "X年，"). */
export interface YearClaim {
  year: number;
  kind: 'report' | 'lead';
  yearRange: Range;
  section: number | null;
}

export interface KeywordMention {
  span: Span;
  section: number | null;
}

export interface Artefact {
  kind: 'bookmark' | 'chrome';
  span: Span;
}

export interface Narrative {
  enumerations: TextEnumeration[];
  counts: NarrativeCount[];
  noCaseClaims: NoCaseClaim[];
  /** "一是…二是…" sequences, each in document order (a new sequence starts at 一是 or after a heading) */
  shiSequences: { section: number | null; markers: ShiMarker[] }[];
  signature: Signature | null;
  periods: StatPeriod[];
  citations: NoticeCitation[];
  yearClaims: YearClaim[];
  /** mentions of 信息处理费 */
  feeMentions: KeywordMention[];
  /** first mention of each 第五十条第四项 item: 工作考核, 社会评议, 责任追究 */
  oversight: { assessment: KeywordMention | null; review: KeywordMention | null; accountability: KeywordMention | null };
  artefacts: Artefact[];
  /** markers of the pre-2019 free format (政府信息公开情况统计表, 指标名称, 计量单位 …) */
  preFormatMarkers: Span[];
}

/** An inline directive comment (<!-- nianbao-disable … -->). */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** rule ids named; empty means every rule */
  rules: string[];
  line: number;
  range: Range;
}

export interface ReportModel {
  text: string;
  /**
   * The text of each line, without its terminator. Plain strings, not objects: a line object was a fifth of
   * the model kept for a long narrative, and every object kept is copied by the young-generation collector.
   */
  lines: string[];
  /** offset of each line's first character in `text` (a plain array, or a typed one for a huge paste) */
  lineStarts: ArrayLike<number>;
  eol: '\n' | '\r\n' | '\r';
  title: Title | null;
  year: YearInfo | null;
  body: BodyInfo | null;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  /** the format the tables follow, from their headers (null when no table was recognised) */
  template: TemplateId | null;
  /**
   * The line of each paragraph, ascending: the lines of narrative text (outside the tables; not blank, not the
   * title, not a section heading; a paragraph is one line, its text is the line's, its section the one it is in).
   * Line numbers, not one object per paragraph: a long paste has tens of thousands, and every object kept is
   * copied by the young-generation collector.
   */
  paragraphLines: number[];
  /** inline directive comments */
  directives: Directive[];
  /** true when the text looks like a 年报 at all */
  isReport: boolean;
  /** facts read from the narrative for the document rules */
  narrative: Narrative;
}
