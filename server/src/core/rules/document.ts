/** Helpers shared by the document rules (structure, dates, narrative against tables). */
import type { Cell, LabelRef, ReportModel, Section, Table, TableRow } from '../model';
import { tableDef, templateIndex, type ColumnDef, type TableDef } from '../templates';
import type { Range } from '../types';

/** Reporting years before the unified format (国办公开办函〔2019〕60号 applies from the 2019 reports on). */
export function isPre2019(model: ReportModel): boolean {
  if (model.year && model.year.value <= 2018) return true;
  if (!model.year && model.narrative.preFormatMarkers.length >= 2 && model.tables.length === 0) return true;
  return false;
}

/** Whether the document rules apply: the text looks like a 年报 of the unified format. */
export function documentRulesApply(model: ReportModel): boolean {
  return model.isReport && !isPre2019(model);
}

/**
 * The written labels of a table that `keep` accepts — its caption (when asked), headers and row labels in
 * row order — each position once (a header may be recorded for more than one row of fields).
 */
export function writtenLabels(table: Table, withCaption: boolean, keep: (r: LabelRef) => boolean): LabelRef[] {
  const out: LabelRef[] = [];
  const seen = new Set<string>();
  const consider = (r: LabelRef): void => {
    if (!r.text || !keep(r)) return;
    const key = `${r.range.start.line}:${r.range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  if (withCaption && table.caption) consider(table.caption);
  for (const h of table.headers) consider(h);
  for (const row of table.rows.values()) consider(row.label);
  return out;
}

export function sectionByOfficial(model: ReportModel, n: number): Section | undefined {
  return model.sections.find((s) => s.official === n);
}

/** The end of the last non-blank line of the document (zero width: where something missing belongs). */
export function lastTextRange(model: ReportModel, before = model.lines.length): Range {
  for (let i = Math.min(before, model.lines.length) - 1; i >= 0; i--) {
    const t = model.lines[i];
    const a = t.length - t.trimStart().length;
    const b = t.trimEnd().length;
    if (b > a) return { start: { line: i, character: b }, end: { line: i, character: b } };
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function tableOf(model: ReportModel, id: string): Table | undefined {
  return model.tables.find((t) => t.id === id);
}

/** A cell's integer value, or null when the cell is missing, not a number or the table unreadable. */
export function cellInt(table: Table | undefined, row: string, col: string): { value: number; cell: Cell } | null {
  if (!table || !table.readable) return null;
  const cell = table.rows.get(row)?.cells.get(col);
  if (!cell || cell.value.kind !== 'number') return null;
  return { value: cell.value.value, cell };
}

export function rangeOfHeadingTitle(s: Section): Range {
  return { start: s.heading.markerRange.start, end: s.heading.range.end };
}

export interface TableCell {
  table: Table;
  def: TableDef;
  row: TableRow;
  cell: Cell;
  col: ColumnDef;
}

/** The located cells of every readable table that pass `pick`, with their table, template table and column. */
export function findCells(model: ReportModel, pick: (cell: Cell) => boolean): TableCell[] {
  const list: TableCell[] = [];
  for (const table of model.tables) {
    if (!table.readable) continue;
    let def: TableDef | undefined;
    for (const row of table.rows.values()) {
      for (const cell of row.cells.values()) {
        if (!pick(cell)) continue;
        def ??= tableDef(table.template, table.id);
        if (!def) break;
        const col = templateIndex(def).cols.get(cell.col);
        if (col) list.push({ table, def, row, cell, col });
      }
    }
  }
  return list;
}

/** "（七）总计·自然人", or the column alone in the review table. */
export function cellPlace(def: TableDef, cell: Cell): string {
  const col = def.columns.find((c) => c.key === cell.col)?.label ?? cell.col;
  if (def.kind === 'review') return col;
  return `${def.rows.find((r) => r.key === cell.row)?.label ?? cell.row}·${col}`;
}
