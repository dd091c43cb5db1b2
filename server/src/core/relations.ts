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

/** The most decimals written in any cell of the table (computed once per evaluation, not cached per table:
 * a WeakMap keyed by every parsed table would cost more in garbage collection than it saves). */
function maxDecimals(table: Table): number {
  let d = 0;
  for (const row of table.rows.values()) for (const c of row.cells.values()) if (c.value.kind === 'number' && c.value.decimals > d) d = c.value.decimals;
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

interface CompiledTerm {
  ref: CellRef;
  weight: 1 | -1;
  col: ColumnDef;
  /** item refs when the term's row is a group row */
  items: CellRef[] | null;
}

interface CompiledRelation {
  rel: RelationDef;
  totalCol: ColumnDef;
  terms: CompiledTerm[];
  anyAmount: boolean;
}

const compiledCache = new WeakMap<TableDef, CompiledRelation[]>();

/** Resolve the labels, kinds and group items of every relation of a table once. */
function compiled(def: TableDef): CompiledRelation[] {
  let list = compiledCache.get(def);
  if (!list) {
    const ix = indexOf(def);
    list = def.relations.map((rel) => {
      const terms = rel.terms.map((t) => {
        const rd = ix.rows.get(t.ref.row);
        return { ref: t.ref, weight: t.weight, col: ix.cols.get(t.ref.col)!, items: rd?.items ? rd.items.map((row) => ({ row, col: t.ref.col })) : null };
      });
      const totalCol = ix.cols.get(rel.total.col)!;
      return { rel, totalCol, terms, anyAmount: totalCol.kind === 'amount' || terms.some((t) => t.col.kind === 'amount') };
    });
    compiledCache.set(def, list);
  }
  return list;
}

function evaluate(table: Table, def: TableDef, c: CompiledRelation, maxDec: number): RelationResult {
  const rel = c.rel;
  const totalCell = cellOf(table, rel.total);
  // enough decimals for every value of the table, plus one for the half-unit tolerance of amounts
  const scale = maxDec === 0 && !c.anyAmount ? 0 : maxDec + 1;
  const reported = totalCell ? interval(totalCell, c.totalCol, scale) : null;
  const missing: Cell[] = [];
  if (!reported && rel.optionalTotal) {
    return { def: rel, table, tableDef: def, totalCell, operands: [], scale, missing, reported: null, computed: null, status: 'skipped' };
  }
  if (!reported && totalCell) missing.push(totalCell);
  const operands: Operand[] = [];
  let lo = 0;
  let hi = 0;
  let complete = true;
  for (const t of c.terms) {
    let op: Operand;
    if (t.items) {
      const cells: Cell[] = [];
      let ilo = 0;
      let ihi = 0;
      let all = true;
      for (const ref of t.items) {
        const ic = cellOf(table, ref);
        if (!ic) {
          all = false;
          continue;
        }
        cells.push(ic);
        const v = interval(ic, t.col, scale);
        if (v) {
          ilo += v.lo;
          ihi += v.hi;
        } else all = false;
      }
      if (all) op = { ref: t.ref, weight: t.weight, via: 'items', cells, value: { lo: ilo, hi: ihi } };
      else {
        const sub = cellOf(table, t.ref);
        const sv = sub ? interval(sub, t.col, scale) : null;
        if (sub && sv) op = { ref: t.ref, weight: t.weight, via: 'subtotal', cells: [sub], value: sv };
        else {
          for (const ic of cells) if (ic.value.kind !== 'number') missing.push(ic);
          op = { ref: t.ref, weight: t.weight, via: 'items', cells, value: null };
        }
      }
    } else {
      const cell = cellOf(table, t.ref);
      const v = cell ? interval(cell, t.col, scale) : null;
      if (cell && !v) missing.push(cell);
      op = { ref: t.ref, weight: t.weight, via: 'cell', cells: cell ? [cell] : [], value: v };
    }
    operands.push(op);
    if (!op.value) complete = false;
    else if (t.weight === 1) {
      lo += op.value.lo;
      hi += op.value.hi;
    } else {
      lo -= op.value.hi;
      hi -= op.value.lo;
    }
  }
  const computed: Interval | null = complete ? { lo, hi } : null;
  const status: RelationStatus = !reported || !computed ? 'unknown' : reported.lo <= computed.hi && computed.lo <= reported.hi ? 'ok' : 'mismatch';
  return { def: rel, table, tableDef: def, totalCell, operands, scale, missing, reported, computed, status };
}

/** Evaluate every relation of every readable table of the model. */
export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (const table of model.tables) {
    if (!table.readable) continue;
    const def = TEMPLATES[table.template].tables.find((t) => t.id === table.id);
    if (!def) continue;
    const maxDec = maxDecimals(table);
    for (const c of compiled(def)) {
      // the total row itself is missing: nothing to compare (the row-missing rule reports it)
      if (!table.rows.has(c.rel.total.row) && !c.rel.optionalTotal) continue;
      out.push(evaluate(table, def, c, maxDec));
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

/**
 * Would the relation hold if the given (blank) cells were 0? null when it still cannot be told.
 * Used to offer "fill with 0" as a certain fix only where 0 agrees with the relations.
 */
export function holdsWithZeros(r: RelationResult, zeros: ReadonlySet<Cell>): boolean | null {
  if (r.status === 'skipped') {
    if (!r.totalCell || !zeros.has(r.totalCell)) return null;
  }
  const zeroOf = (c: Cell | null): Interval | null => (c && zeros.has(c) ? { lo: 0, hi: 0 } : null);
  const reported = r.reported ?? zeroOf(r.totalCell);
  if (!reported) return null;
  let lo = 0;
  let hi = 0;
  for (const o of r.operands) {
    let v = o.value;
    if (!v) {
      let ilo = 0;
      let ihi = 0;
      for (const c of o.cells) {
        if (c.value.kind === 'number') {
          const n = r.scale === 0 ? c.value.value : Math.round(c.value.value * 10 ** r.scale);
          ilo += n;
          ihi += n;
        } else if (!zeros.has(c)) return null;
      }
      if (o.cells.length === 0) return null;
      v = { lo: ilo, hi: ihi };
    }
    if (o.weight === 1) {
      lo += v.lo;
      hi += v.hi;
    } else {
      lo -= v.hi;
      hi -= v.lo;
    }
  }
  if (r.status === 'skipped' && r.operands.length === 0) return null;
  return reported.lo <= hi && lo <= reported.hi;
}
