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

/** Columns of the review table in groups of the same key prefix (fy_, zs_, hs_), in order. */
export function columnGroups(columns: ColumnDef[]): ColumnDef[][] {
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
