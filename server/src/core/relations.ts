/**
 * The relation engine: evaluates the sum relations declared in the templates on the parsed tables.
 * Counts compare exactly; amounts written with d decimals stand for the interval v ± ½·10^−d and a relation
 * holds when the interval of the total meets the interval of the sum (XBRL Calculations 1.1 semantics).
 * The same results feed the relation rule, the hovers (breakdown tables) and the quick fixes.
 */
import type { Cell, ReportModel, Table } from './model';
import { tableDef, templateIndex, type CellRef, type ColumnDef, type RelationDef, type TableDef } from './templates';
import { mapped } from './arrays';

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

function tooLong(digits: string): boolean {
  return digits.length > MAX_DIGITS && digits.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length > MAX_DIGITS;
}

export function rowLabel(def: TableDef, rowKey: string): string {
  return templateIndex(def).rows.get(rowKey)?.label ?? rowKey;
}

export function colLabel(def: TableDef, colKey: string): string {
  return templateIndex(def).cols.get(colKey)?.label ?? colKey;
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
  /** position of the cell in the table's grid (row index × columns + column index) */
  at: number;
  /** grid positions of the items when the term's row is a group row */
  items: number[] | null;
}

interface CompiledRelation {
  rel: RelationDef;
  totalCol: ColumnDef;
  totalAt: number;
  totalRow: number;
  terms: CompiledTerm[];
  anyAmount: boolean;
}

interface CompiledTable {
  relations: CompiledRelation[];
  /** grid position → indices of the relations that may read it (total, terms, group items), ascending */
  readers: number[][];
  rowIndex: Map<string, number>;
  colIndex: Map<string, number>;
  colKeys: string[];
  nCols: number;
  nRows: number;
}

const compiledCache = new WeakMap<TableDef, CompiledTable>();

/** Resolve the labels, kinds, grid positions and group items of every relation of a table once. */
function compiled(def: TableDef): CompiledTable {
  let ct = compiledCache.get(def);
  if (!ct) {
    const ix = templateIndex(def);
    const rowIndex = new Map(mapped(def.rows, (r, i) => [r.key, i]));
    const colIndex = new Map(mapped(def.columns, (c, i) => [c.key, i]));
    const nCols = def.columns.length;
    const at = (ref: CellRef): number => {
      const r = rowIndex.get(ref.row);
      const c = colIndex.get(ref.col);
      return r === undefined || c === undefined ? -1 : r * nCols + c;
    };
    const relations = mapped(def.relations, (rel) => {
      const terms = mapped(rel.terms, (t) => {
        const rd = ix.rows.get(t.ref.row);
        return { ref: t.ref, weight: t.weight, col: ix.cols.get(t.ref.col)!, at: at(t.ref), items: rd?.items ? mapped(rd.items, (row) => at({ row, col: t.ref.col })) : null };
      });
      const totalCol = ix.cols.get(rel.total.col)!;
      return { rel, totalCol, totalAt: at(rel.total), totalRow: rowIndex.get(rel.total.row) ?? -1, terms, anyAmount: totalCol.kind === 'amount' || terms.some((t) => t.col.kind === 'amount') };
    });
    const readers: number[][] = Array.from({ length: def.rows.length * nCols }, () => []);
    const read = (pos: number, k: number): void => {
      if (pos < 0) return;
      const list = readers[pos];
      if (list[list.length - 1] !== k) list.push(k);
    };
    relations.forEach((c, k) => {
      read(c.totalAt, k);
      for (const t of c.terms) {
        read(t.at, k);
        if (t.items) for (const i of t.items) read(i, k);
      }
    });
    ct = { relations, readers, rowIndex, colIndex, colKeys: mapped(def.columns, (c) => c.key), nCols, nRows: def.rows.length };
    compiledCache.set(def, ct);
  }
  return ct;
}

/** The located cells of a table by grid position, and which template rows are present. */
interface Grid {
  cells: (Cell | null)[];
  rows: boolean[];
  /** the most decimals of any number in the table */
  maxDec: number;
  /**
   * The value of every cell that holds a comparable whole number, NaN elsewhere (no cell, not a number, too many
   * digits). Read when a relation is evaluated at scale 0, where a cell's interval is its value (see exactSum).
   */
  ints: number[];
}

function gridOf(table: Table, ct: CompiledTable): Grid {
  const cells = new Array<Cell | null>(ct.nRows * ct.nCols).fill(null);
  const rows = new Array<boolean>(ct.nRows).fill(false);
  const ints = new Array<number>(ct.nRows * ct.nCols).fill(NaN);
  // the most decimals written in any cell of the table, found in the same pass (it sets the scale of every
  // relation); once per evaluation, not cached per table: a WeakMap keyed by every parsed table would cost
  // more in garbage collection than it saves
  let maxDec = 0;
  for (const row of table.rows.values()) {
    const ri = ct.rowIndex.get(row.key);
    if (ri !== undefined) rows[ri] = true;
    const base = ri === undefined ? -1 : ri * ct.nCols;
    // the parser stores a row's cells in the template's column order: the k-th cell is mostly column k
    let k = 0;
    for (const c of row.cells.values()) {
      const v = c.value;
      if (v.kind === 'number' && v.decimals > maxDec) maxDec = v.decimals;
      if (base >= 0) {
        const ci = ct.colKeys[k] === c.col ? k : ct.colIndex.get(c.col);
        if (ci !== undefined) {
          cells[base + ci] = c;
          if (v.kind === 'number' && v.decimals === 0 && !tooLong(v.digits)) ints[base + ci] = v.value;
        }
      }
      k++;
    }
  }
  return { cells, rows, maxDec, ints };
}

/** Scratch interval of `readCell` (no object per cell read). */
let sLo = 0;
let sHi = 0;

/** Read a cell's interval into sLo/sHi; false when the cell holds no comparable number. */
function readCell(c: Cell, col: ColumnDef, scale: number): boolean {
  const v = c.value;
  if (v.kind !== 'number' || tooLong(v.digits)) return false;
  const n = scale === 0 ? v.value : Math.round(v.value * 10 ** scale);
  if (col.kind !== 'amount') {
    sLo = n;
    sHi = n;
  } else {
    const half = 5 * 10 ** Math.max(0, scale - v.decimals - 1);
    sLo = n - half;
    sHi = n + half;
  }
  return true;
}

const NONE: readonly Cell[] = Object.freeze([]);

/**
 * One evaluated relation. Status, values and missing cells are computed at once without allocating per
 * operand; the operands (which cells were summed, and how) are built only when a rule or hover asks.
 */
class Evaluated implements RelationResult {
  def: RelationDef;
  tableDef: TableDef;
  totalCell: Cell | null;
  reported: Interval | null = null;
  computed: Interval | null = null;
  scale: number;
  // (set here, before the constructor's body: every evaluated relation has the same fields in the same order)
  status: RelationStatus = 'unknown';
  missing: Cell[] = NONE as Cell[];
  private ops: Operand[] | null = null;

  constructor(
    public table: Table,
    def: TableDef,
    private c: CompiledRelation,
    /** the table's grid and compiled relations, and this relation's index among them (for touchingIndex) */
    readonly grid: Grid,
    readonly compiled: CompiledTable,
    readonly index: number,
    maxDec: number,
  ) {
    const rel = c.rel;
    this.def = rel;
    this.tableDef = def;
    this.totalCell = c.totalAt < 0 ? null : grid.cells[c.totalAt];
    // enough decimals for every value of the table, plus one for the half-unit tolerance of amounts
    const scale = maxDec === 0 && !c.anyAmount ? 0 : maxDec + 1;
    this.scale = scale;
    if (scale === 0) {
      // whole numbers only (the common case): when the total and every term can be read, the relation is decided
      // by two sums of the grid's values; anything missing is left to the general reading below
      const total = c.totalAt < 0 ? NaN : grid.ints[c.totalAt];
      const sum = total === total ? exactSum(c, grid.ints) : NaN;
      if (sum === sum) {
        this.reported = { lo: total, hi: total };
        this.computed = { lo: sum, hi: sum };
        this.status = total === sum ? 'ok' : 'mismatch';
        return;
      }
    }
    const reported = this.totalCell && readCell(this.totalCell, c.totalCol, scale) ? { lo: sLo, hi: sHi } : null;
    this.reported = reported;
    let missing: Cell[] | null = null;
    if (!reported && rel.optionalTotal) {
      this.status = 'skipped';
      this.missing = [];
      this.ops = [];
      return;
    }
    if (!reported && this.totalCell) (missing ??= []).push(this.totalCell);
    let lo = 0;
    let hi = 0;
    let complete = true;
    const missed = scratchMissing;
    if (missed.length) missed.length = 0; // (left over only if a read threw)
    for (const t of c.terms) {
      if (!readTerm(t, grid, scale, missed, null)) complete = false;
      else if (t.weight === 1) {
        lo += tLo;
        hi += tHi;
      } else {
        lo -= tHi;
        hi -= tLo;
      }
    }
    if (missed.length) {
      (missing ??= []).push(...missed);
      missed.length = 0; // (setting the length is a call into the runtime: only when something was missed)
    }
    const computed: Interval | null = complete ? { lo, hi } : null;
    this.computed = computed;
    this.missing = missing ?? (NONE as Cell[]);
    this.status = !reported || !computed ? 'unknown' : reported.lo <= computed.hi && computed.lo <= reported.hi ? 'ok' : 'mismatch';
  }

  get operands(): Operand[] {
    return (this.ops ??= buildOperands(this.c, this.grid, this.scale));
  }
}

/**
 * The relations in which any of given cells is the total or a summed cell, for many questions about the same
 * relations: the cells each relation may read are indexed once, so a question builds the operands of its own
 * cells' candidates only (answers in the relations' order).
 */
export function touchingIndex(relations: RelationResult[]): (cells: ReadonlySet<Cell>) => RelationResult[] {
  // which relations may read a grid position is template data (CompiledTable.readers); here only each
  // table's evaluated relations are numbered
  const tables: { grid: Grid; ct: CompiledTable; result: number[] }[] = [];
  const unindexed: number[] = [];
  relations.forEach((r, i) => {
    if (!(r instanceof Evaluated)) {
      unindexed.push(i);
      return;
    }
    let t = tables.find((x) => x.grid === r.grid);
    if (!t) tables.push((t = { grid: r.grid, ct: r.compiled, result: new Array<number>(r.compiled.relations.length).fill(-1) }));
    t.result[r.index] = i;
  });
  return (cells) => {
    const candidates = new Set<number>(unindexed);
    for (const c of cells) {
      for (const t of tables) {
        const ri = t.ct.rowIndex.get(c.row);
        const ci = t.ct.colIndex.get(c.col);
        if (ri === undefined || ci === undefined) continue;
        const pos = ri * t.ct.nCols + ci;
        if (t.grid.cells[pos] !== c) continue;
        for (const k of t.ct.readers[pos]) if (t.result[k] >= 0) candidates.add(t.result[k]);
      }
    }
    const out: RelationResult[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const r = relations[i];
      if ((r.totalCell && cells.has(r.totalCell)) || r.operands.some((o) => o.cells.some((c) => cells.has(c)))) out.push(r);
    }
    return out;
  };
}

/**
 * The sum of a relation's terms at scale 0 from the grid's whole-number values, read as readTerm reads them (a
 * group's items, else its written subtotal); NaN when a term cannot be read that way.
 */
function exactSum(c: CompiledRelation, ints: number[]): number {
  let sum = 0;
  for (const t of c.terms) {
    let v = NaN;
    if (t.items) {
      v = 0;
      for (const at of t.items) v += at < 0 ? NaN : ints[at];
    }
    if (v !== v) v = t.at < 0 ? NaN : ints[t.at];
    if (v !== v) return NaN;
    sum += t.weight === 1 ? v : -v;
  }
  return sum;
}

/** Scratch value of the last term read by `readTerm`, and the missing cells of one evaluation. */
let tLo = 0;
let tHi = 0;
const scratchMissing: Cell[] = [];

/**
 * Read one term of a relation into tLo/tHi: its cell, the sum of its group's items, or the group's written
 * subtotal when an item is missing. Pushes the cells that made it unknown to `missing` and, when asked, the
 * operand (which cells were summed, and how) to `operands`. The one place that decides how a term is read.
 */
function readTerm(t: CompiledTerm, grid: Grid, scale: number, missing: Cell[] | null, operands: Operand[] | null): boolean {
  const g = grid.cells;
  if (t.items) {
    const cells: Cell[] | null = operands ? [] : null;
    let all = true;
    let lo = 0;
    let hi = 0;
    for (const at of t.items) {
      const ic = at < 0 ? null : g[at];
      if (!ic) {
        all = false;
        continue;
      }
      cells?.push(ic);
      if (readCell(ic, t.col, scale)) {
        lo += sLo;
        hi += sHi;
      } else all = false;
    }
    if (all) {
      tLo = lo;
      tHi = hi;
      operands?.push({ ref: t.ref, weight: t.weight, via: 'items', cells: cells!, value: { lo, hi } });
      return true;
    }
    const sub = t.at < 0 ? null : g[t.at];
    if (sub && readCell(sub, t.col, scale)) {
      tLo = sLo;
      tHi = sHi;
      operands?.push({ ref: t.ref, weight: t.weight, via: 'subtotal', cells: [sub], value: { lo: sLo, hi: sHi } });
      return true;
    }
    if (missing)
      for (const at of t.items) {
        const ic = at < 0 ? null : g[at];
        // (a number of too many digits is missing as a blank is, as for a term's own cell below)
        if (ic && !readCell(ic, t.col, scale)) missing.push(ic);
      }
    operands?.push({ ref: t.ref, weight: t.weight, via: 'items', cells: cells!, value: null });
    return false;
  }
  const cell = t.at < 0 ? null : g[t.at];
  const ok = cell !== null && readCell(cell, t.col, scale);
  if (ok) {
    tLo = sLo;
    tHi = sHi;
  } else if (cell && missing) missing.push(cell);
  operands?.push({ ref: t.ref, weight: t.weight, via: 'cell', cells: cell ? [cell] : [], value: ok ? { lo: sLo, hi: sHi } : null });
  return ok;
}

/** The operands of a relation: which cells were summed for each term (its cell, its items, or its subtotal). */
function buildOperands(c: CompiledRelation, grid: Grid, scale: number): Operand[] {
  const operands: Operand[] = [];
  for (const t of c.terms) readTerm(t, grid, scale, null, operands);
  return operands;
}

/** Evaluate every relation of every readable table of the model. */
export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (const table of model.tables) {
    if (!table.readable) continue;
    const def = tableDef(table.template, table.id);
    if (!def) continue;
    const ct = compiled(def);
    const grid = gridOf(table, ct);
    const maxDec = grid.maxDec;
    for (let k = 0; k < ct.relations.length; k++) {
      const c = ct.relations[k];
      // the total row itself is missing: nothing to compare (the row-missing rule reports it)
      if (!(c.totalRow >= 0 && grid.rows[c.totalRow]) && !c.rel.optionalTotal) continue;
      out.push(new Evaluated(table, def, c, grid, ct, k, maxDec));
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
