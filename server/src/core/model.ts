/**
 * The report model: what the parser makes of a draft, once, and what every rule, hover, fix,
 * outline entry and CLI line reads. Nothing else scans the raw text.
 */
import type { LabelMatch } from './labels';
import type { CellValue } from './numbers';
import type { TableKind, TemplateId } from './templates';
import type { Range, Text2 } from './types';

export type Layout = 'cells' | 'tabs' | 'markdown' | 'stream' | 'none';

export interface Line {
  /** text without the line terminator */
  text: string;
  /** offset of the first character in the document */
  offset: number;
}

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
  markerRange: Range;
  range: Range;
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

export interface Paragraph {
  /** line of the paragraph (a paragraph is one line of narrative text) */
  line: number;
  text: string;
  /** section number (official) the paragraph belongs to, or null */
  section: number | null;
}

export interface ReportModel {
  text: string;
  lines: Line[];
  eol: '\n' | '\r\n' | '\r';
  title: Title | null;
  year: YearInfo | null;
  body: BodyInfo | null;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  /** the format the tables follow, from their headers (null when no table was recognised) */
  template: TemplateId | null;
  /** narrative lines outside tables */
  paragraphs: Paragraph[];
  /** true when the text looks like a 年报 at all */
  isReport: boolean;
}
