/**
 * Reading the text of a table cell (or a number in the narrative) as a number.
 * Accepts full-width digits, thousands separators, a leading sign, decimals and a trailing unit;
 * blank cells and placeholders (- / — －) are kept apart from zero: they are missing data.
 */

export interface NumberValue {
  kind: 'number';
  /** the value as a JS number (may be imprecise beyond 2^53; `digits` is exact) */
  value: number;
  /** canonical ASCII form: optional '-', integer digits without leading zeros, optional '.' and fraction */
  digits: string;
  /** number of decimals written */
  decimals: number;
  /** the written text used full-width digits, separators or other non-canonical forms */
  nonCanonical: boolean;
  /** unit written after the number (元, 万元, 件, 条 …), if any */
  unit: string | null;
}

export interface BlankValue {
  kind: 'blank';
}

export interface PlaceholderValue {
  kind: 'placeholder';
  text: string;
}

export interface InvalidValue {
  kind: 'invalid';
  text: string;
}

export type CellValue = NumberValue | BlankValue | PlaceholderValue | InvalidValue;

const PLACEHOLDERS = new Set(['-', '/', '—', '－', '——', '／', '--', '―', '−', '–', '无', '空', '\\', 'x', 'X', '×', '*', '＊']);

const UNIT_RE = /^(万元|亿元|元|件|条|项|宗|个|次|人次|户|份|%|％)$/;

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_G = /[\uff01-\uff5e\u3000]/g;
const halfOf = (c: string): string => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Convert full-width ASCII forms (digits, signs, dot, comma, brackets) and U+3000 to half-width; same length. */
export function toHalfWidth(s: string): string {
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_G, halfOf) : s;
}

/** True for characters that are whitespace in these documents (incl. U+3000, NBSP, form feed). */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\f' || ch === '\r' || ch === '\v' || ch === '\ufeff';
}

const NUMBER_RE = /^([+\-−–－]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．](\d+))?$/;

const cache = new Map<string, CellValue>();
const BLANK: BlankValue = { kind: 'blank' };

/** Values of the canonical integers 0–9999 (most cells): no hashing of the cell text needed. */
const small: (NumberValue | undefined)[] = new Array<NumberValue | undefined>(10000);

/** The value of a canonical integer of at most four ASCII digits, or -1. */
function smallInt(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 4) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 0 && n > 1)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Parse the whole (trimmed) text of a cell. Results are shared and must not be mutated. */
export function parseCellValue(raw: string): CellValue {
  if (raw.length === 0) return BLANK;
  const k = smallInt(raw);
  if (k >= 0) return (small[k] ??= { kind: 'number', value: k, digits: raw, decimals: 0, nonCanonical: false, unit: null });
  let v = cache.get(raw);
  if (v === undefined) {
    if (cache.size > 20000) cache.clear();
    v = parseUncached(raw);
    cache.set(raw, v);
  }
  return v;
}

function parseUncached(raw: string): CellValue {
  const text = raw.replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim();
  if (text === '') return { kind: 'blank' };
  if (PLACEHOLDERS.has(text)) return { kind: 'placeholder', text };
  const half = toHalfWidth(text).replace(/\s+/g, '');
  let unit: string | null = null;
  let body = half;
  const unitMatch = /^(.*?\d)(万元|亿元|元|件|条|项|宗|个|次|人次|户|份|%)$/.exec(half);
  if (unitMatch) {
    body = unitMatch[1];
    unit = unitMatch[2];
  }
  const m = NUMBER_RE.exec(body);
  if (!m) return { kind: 'invalid', text };
  const negative = m[1] !== '' && m[1] !== '+';
  const intPart = m[2].replace(/[,，]/g, '').replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? '';
  const digits = (negative ? '-' : '') + intPart + (frac ? '.' + frac : '');
  const value = Number((negative ? '-' : '') + intPart + (frac ? '.' + frac : ''));
  const nonCanonical = half !== text.replace(/\s+/g, '') || /[,，]/.test(m[2]) || m[1] === '+' || (m[1] !== '' && m[1] !== '-');
  return { kind: 'number', value, digits, decimals: frac.length, nonCanonical, unit };
}

export function isUnit(s: string): boolean {
  return UNIT_RE.test(s);
}

