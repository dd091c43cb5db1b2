/** The two official formats as data, and lookups over them. */
import { TEMPLATE_2019 } from './t2019';
import { TEMPLATE_2021 } from './t2021';
import type { ColumnDef, RowDef, TableDef, TemplateDef, TemplateId } from './types';
import { mapped } from '../arrays';

export * from './types';
export { SECTIONS, APPLICANT_COLUMNS, APPLICANT_PART_KEYS, dataRows } from './common';

export const TEMPLATES: Record<TemplateId, TemplateDef> = { '2019': TEMPLATE_2019, '2021': TEMPLATE_2021 };

export interface TableIndex {
  rows: Map<string, RowDef>;
  cols: Map<string, ColumnDef>;
}

const indexes = new WeakMap<TableDef, TableIndex>();

/** The rows and columns of a template table by key (built once per table). */
export function templateIndex(def: TableDef): TableIndex {
  let ix = indexes.get(def);
  if (!ix) {
    ix = { rows: new Map(mapped(def.rows, (r) => [r.key, r])), cols: new Map(mapped(def.columns, (c) => [c.key, c])) };
    indexes.set(def, ix);
  }
  return ix;
}

export function tableDef(template: TemplateId, id: string): TableDef | undefined {
  return TEMPLATES[template].tables.find((t) => t.id === id);
}

/** The template a report of the given year must use (null for years before the unified format). */
export function expectedTemplate(year: number): TemplateId | null {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

/** The header of section 三's table as the official form draws it (the editor's skeleton and the HTML view share it). */
export interface ApplicationsHeader {
  /** the corner note on the 勾稽关系 of each column */
  note: string;
  /** 申请人情况, spanning every column */
  applicant: string;
  /** 法人或其他组织, spanning the organisation columns */
  organisations: string;
  natural: ColumnDef | undefined;
  total: ColumnDef | undefined;
  /** the columns between 自然人 and 总计 */
  organisationColumns: ColumnDef[];
}

export function applicationsHeader(def: TableDef): ApplicationsHeader {
  const spanning = def.spanningLabels ?? [];
  const natural = def.columns.find((c) => c.key === 'natural');
  const total = def.columns.find((c) => c.key === 'total');
  return {
    note: spanning.find((s) => s.includes('勾稽关系')) ?? '',
    applicant: spanning.find((s) => s === '申请人情况') ?? '',
    organisations: spanning.find((s) => s.includes('法人或其他组织')) ?? '',
    natural,
    total,
    organisationColumns: def.columns.filter((c) => c !== natural && c !== total),
  };
}

/** The header of section 四's table: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉) over the column groups. */
export interface ReviewHeader {
  review: string;
  litigation: string;
  direct: string;
  afterReview: string;
  /** the columns in groups of the same key prefix: 行政复议, then the two kinds of 行政诉讼 */
  groups: ColumnDef[][];
}

export function reviewHeader(def: TableDef): ReviewHeader {
  const spanning = def.spanningLabels ?? [];
  return { review: spanning[0] ?? '', litigation: spanning[1] ?? '', direct: spanning[2] ?? '', afterReview: spanning[3] ?? '', groups: columnGroups(def.columns) };
}

/** Columns of the review table in groups of the same key prefix (fy_, zs_, hs_), in order. */
function columnGroups(columns: ColumnDef[]): ColumnDef[][] {
  const out: ColumnDef[][] = [];
  let prefix: string | null = null;
  for (const c of columns) {
    const p = c.key.split('_')[0];
    if (p !== prefix) {
      out.push([]);
      prefix = p;
    }
    out[out.length - 1].push(c);
  }
  return out;
}
