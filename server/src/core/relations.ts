/**
 * The relation engine: evaluates the sum relations declared in the templates on the parsed tables.
 * Counts compare exactly; amounts written with d decimals stand for the interval v ± ½·10^−d and a relation
 * holds when the interval of the total meets the interval of the sum (XBRL Calculations 1.1 semantics).
 * The same results feed the relation rule, the hovers (breakdown tables) and the quick fixes.
 */
import type { Cell, ReportModel, Table } from './model';
import { TEMPLATES, type CellRef, type ColumnDef, type RelationDef, type RowDef, type TableDef } from './templates';

/** A value scaled by 10^scale (integers; exact for up to 15 significant digits). */
export interface Interval {
  lo: number;
  hi: number;
}

/** Values with more significant digits than this are not compared (no count in a 年报 comes near it). */
const MAX_DIGITS = 15;

export interface Operand {
  ref: CellRef;
  weight: 1 | -1;
  /** how the value was obtained: the cell itself, the sum of a group's items, or the group's written subtotal */
  via: 'cell' | 'items' | 'subtotal';
  cells: Cell[];
  value: Interval | null;
}

export type RelationStatus = 'ok' | 'mismatch' | 'unknown' | 'skipped';

export interface RelationResult {
  def: RelationDef;
  table: Table;
  tableDef: TableDef;
  totalCell: Cell | null;
  operands: Operand[];
  reported: Interval | null;
  computed: Interval | null;
  /** decimal scale of the intervals */
  scale: number;
  status: RelationStatus;
  /** cells whose value is missing, which made the relation unknown */
  missing: Cell[];
}

function cellOf(table: Table, ref: CellRef): Cell | null {
  return table.rows.get(ref.row)?.cells.get(ref.col) ?? null;
}

const decimalsCache = new WeakMap<Table, number>();
function maxDecimals(table: Table): number {
  let d = decimalsCache.get(table);
  if (d === undefined) {
    d = 0;
    for (const row of table.rows.values()) for (const c of row.cells.values()) if (c.value.kind === 'number' && c.value.decimals > d) d = c.value.decimals;
    decimalsCache.set(table, d);
  }
  return d;
}

function tooLong(digits: string): boolean {
  return digits.length > MAX_DIGITS && digits.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length > MAX_DIGITS;
}

function interval(c: Cell, col: ColumnDef, scale: number): Interval | null {
  if (c.value.kind !== 'number' || tooLong(c.value.digits)) return null;
  const v = scale === 0 ? c.value.value : Math.round(c.value.value * 10 ** scale);
  if (col.kind !== 'amount') return { lo: v, hi: v };
  // half a unit of the last written decimal, expressed at `scale`
  const half = 5 * 10 ** Math.max(0, scale - c.value.decimals - 1);
  return { lo: v - half, hi: v + half };
}

interface TableIndex {
  rows: Map<string, RowDef>;
  cols: Map<string, ColumnDef>;
}
const indexes = new WeakMap<TableDef, TableIndex>();
function indexOf(def: TableDef): TableIndex {
  let ix = indexes.get(def);
  if (!ix) {
    ix = { rows: new Map(def.rows.map((r) => [r.key, r])), cols: new Map(def.columns.map((c) => [c.key, c])) };
    indexes.set(def, ix);
  }
  return ix;
}

export function rowLabel(def: TableDef, rowKey: string): string {
  return def.rows.find((r) => r.key === rowKey)?.label ?? rowKey;
}

export function colLabel(def: TableDef, colKey: string): string {
  return def.columns.find((c) => c.key === colKey)?.label ?? colKey;
}

/** "（七）总计·自然人" — a readable name of a cell. */
export function cellName(def: TableDef, ref: CellRef): string {
  if (def.kind === 'review') {
    const i = def.columns.findIndex((c) => c.key === ref.col);
    const group = i < 5 ? '行政复议' : i < 10 ? '未经复议直接起诉' : '复议后起诉';
    return `${group}·${colLabel(def, ref.col)}`;
  }
  return `${rowLabel(def, ref.row)}·${colLabel(def, ref.col)}`;
}

function evaluate(table: Table, def: TableDef, rel: RelationDef): RelationResult {
  const ix = indexOf(def);
  const col = (key: string): ColumnDef => ix.cols.get(key)!;
  const rowDef = (key: string): RowDef | undefined => ix.rows.get(key);
  const totalCell = cellOf(table, rel.total);
  const anyAmount = col(rel.total.col).kind === 'amount' || rel.terms.some((t) => col(t.ref.col).kind === 'amount');
  const maxDec = maxDecimals(table);
  // enough decimals for every value of the table, plus one for the half-unit tolerance of amounts
  const scale = maxDec === 0 && !anyAmount ? 0 : maxDec + 1;

  const missing: Cell[] = [];
  const operands: Operand[] = rel.terms.map((t) => {
    const rd = rowDef(t.ref.row);
    if (rd?.items) {
      const itemCells = rd.items.map((item) => cellOf(table, { row: item, col: t.ref.col }));
      const vals = itemCells.map((c) => (c ? interval(c, col(t.ref.col), scale) : null));
      if (vals.every((v) => v !== null)) {
        let lo = 0;
        let hi = 0;
        for (const v of vals) {
          lo += v!.lo;
          hi += v!.hi;
        }
        return { ref: t.ref, weight: t.weight, via: 'items', cells: itemCells as Cell[], value: { lo, hi } };
      }
      const sub = cellOf(table, t.ref);
      const sv = sub ? interval(sub, col(t.ref.col), scale) : null;
      if (sub && sv) return { ref: t.ref, weight: t.weight, via: 'subtotal', cells: [sub], value: sv };
      itemCells.forEach((c, i) => {
        if (c && vals[i] === null) missing.push(c);
      });
      return { ref: t.ref, weight: t.weight, via: 'items', cells: itemCells.filter((c): c is Cell => !!c), value: null };
    }
    const c = cellOf(table, t.ref);
    const v = c ? interval(c, col(t.ref.col), scale) : null;
    if (c && !v) missing.push(c);
    return { ref: t.ref, weight: t.weight, via: 'cell', cells: c ? [c] : [], value: v };
  });
  const reported = totalCell ? interval(totalCell, col(rel.total.col), scale) : null;
  const base = { def: rel, table, tableDef: def, totalCell, operands, scale, missing };
  if (!reported) {
    if (rel.optionalTotal) return { ...base, reported: null, computed: null, status: 'skipped' };
    if (totalCell) missing.unshift(totalCell);
  }
  let computed: Interval | null = null;
  if (operands.every((o) => o.value !== null)) {
    let lo = 0;
    let hi = 0;
    for (const o of operands) {
      if (o.weight === 1) {
        lo += o.value!.lo;
        hi += o.value!.hi;
      } else {
        lo -= o.value!.hi;
        hi -= o.value!.lo;
      }
    }
    computed = { lo, hi };
  }
  if (!reported || !computed) return { ...base, reported, computed, status: 'unknown' };
  const meets = reported.lo <= computed.hi && computed.lo <= reported.hi;
  return { ...base, reported, computed, status: meets ? 'ok' : 'mismatch' };
}

/** Evaluate every relation of every readable table of the model. */
export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (const table of model.tables) {
    if (!table.readable) continue;
    const def = TEMPLATES[table.template].tables.find((t) => t.id === table.id);
    if (!def) continue;
    for (const rel of def.relations) {
      if (!table.rows.has(rel.total.row) && !rel.optionalTotal) {
        // the total row itself is missing: nothing to compare (the row-missing rule reports it)
        continue;
      }
      out.push(evaluate(table, def, rel));
    }
  }
  return out;
}

/** The middle of an interval as a decimal string (for exact values, the value itself). */
export function formatInterval(iv: Interval, scale: number): string {
  return formatScaled(Math.round((iv.lo + iv.hi) / 2), scale);
}

function formatScaled(v: number, scale: number): string {
  if (scale === 0) return String(v);
  return trimZeros((v / 10 ** scale).toFixed(scale));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** reported − computed, as a decimal string. */
export function difference(r: RelationResult): string {
  if (!r.reported || !r.computed) return '';
  const d = Math.round((r.reported.lo + r.reported.hi) / 2) - Math.round((r.computed.lo + r.computed.hi) / 2);
  return formatScaled(d, r.scale);
}

/** The value the total should have, when it is certain (exact integers only). */
export function expectedTotal(r: RelationResult): string | null {
  if (!r.computed || r.computed.lo !== r.computed.hi || r.scale !== 0) return null;
  return String(r.computed.lo);
}
