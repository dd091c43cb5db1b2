/**
 * The shape of a report format (国办公开办函〔2019〕60号 / 〔2021〕30号) as data.
 * Everything the rules know about sections, tables, labels and sum relations is declared with these types.
 */
import type { Severity, Text2 } from '../types';

export type TemplateId = '2019' | '2021';

/** What a cell may hold. */
export type CellKind =
  /** a non-negative integer count */
  | 'count'
  /** an integer that may be negative (本年增/减) */
  | 'signed'
  /** a non-negative decimal amount (万元, or no unit given) */
  | 'amount';

/** A label seen in real reports instead of the official one. */
export interface LabelVariant {
  text: string;
  /** how serious using this variant is: 'info' for tolerated local variants, 'warning' otherwise */
  severity: Severity;
}

export interface ColumnDef {
  key: string;
  label: string;
  variants?: LabelVariant[];
  kind: CellKind;
  /** explanation for hovers (Chinese) */
  explain?: string;
}

export interface RowDef {
  key: string;
  label: string;
  variants?: LabelVariant[];
  /** a spanning label row that never carries numbers (三、本年度办理结果) */
  heading?: boolean;
  /** keys of item rows when this is a group row（三）（四）（五）(2021:（六）) */
  items?: string[];
  /** parent group key for an item row */
  parent?: string;
  explain?: string;
}

/** A reference to one cell of a table. */
export interface CellRef {
  row: string;
  col: string;
}

export interface RelationTerm {
  ref: CellRef;
  weight: 1 | -1;
}

/**
 * total = Σ weight·term. When a term's row is a group row, its value is the sum of its items
 * (or, when an item is missing, the group's own subtotal if the report gives one).
 */
export interface RelationDef {
  id: string;
  /** family of relations, e.g. 'result' — used for docs and hovers */
  family: string;
  name: Text2;
  total: CellRef;
  terms: RelationTerm[];
  /** the relation only applies when the total cell carries a value (group subtotals) */
  optionalTotal?: boolean;
}

export type TableKind = 'active' | 'applications' | 'review';

export interface TableDef {
  /** unique within a template, e.g. 'a1', 'apps', 'review' */
  id: string;
  kind: TableKind;
  /** section number (2, 3, 4) */
  section: number;
  /** caption for section 二 sub-tables: 第二十条第（一）项 */
  caption?: string;
  /** header cell over the row labels (信息内容) */
  cornerLabel?: string;
  columns: ColumnDef[];
  /** spanning header labels that carry no cell (申请人情况, 法人或其他组织, 行政复议 …) */
  spanningLabels?: string[];
  /** explanations (hovers) of the corner and spanning header labels, by official label */
  labelExplain?: Record<string, string>;
  rows: RowDef[];
  relations: RelationDef[];
  explain?: string;
}

export interface SectionDef {
  number: number;
  heading: string;
  variants?: LabelVariant[];
  explain?: string;
}

export interface TemplateDef {
  id: TemplateId;
  name: Text2;
  basis: string;
  sections: SectionDef[];
  tables: TableDef[];
}
