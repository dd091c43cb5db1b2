/**
 * Matching the labels written in a draft against the official labels of the templates.
 * Whitespace is never significant (PDF and vertical-text extraction inserts it everywhere);
 * width of brackets, `1、` for `1.` and quote style are normalised but remembered as deviations.
 */
import type { Severity } from './types';
import { toHalfWidth } from './numbers';
import { TEMPLATES } from './templates';
import type { TableKind, TemplateId } from './templates';

const SPACES = /[\s\u3000\u00a0\ufeff]+/g;

/** Whether the char code is white space for a regular expression's \s (the same set as String.prototype.trim). */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Remove every whitespace character (incl. U+3000 and form feeds); most labels hold none and are returned as they are. */
export function stripSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) if (isJsSpace(s.charCodeAt(i))) return s.replace(SPACES, '');
  return s;
}

const normCache = new Map<string, string>();

/** Canonical key used to compare labels. */
export function normalizeLabel(s: string): string {
  let v = normCache.get(s);
  if (v === undefined) {
    if (normCache.size > 20000) normCache.clear();
    v = normalizeUncached(s);
    normCache.set(s, v);
  }
  return v;
}

function normalizeUncached(s: string): string {
  let t = toHalfWidth(stripSpaces(s));
  t = t.replace(/[“”"'‘’「」]/g, '');
  t = t.replace(/^(\d{1,2})[、.．]/, '$1.');
  t = t.replace(/^#+/, '');
  t = t.replace(/[:：]$/, '');
  return t;
}

export type LabelRole = 'row' | 'column' | 'caption' | 'spanning' | 'corner';

export interface LabelEntry {
  role: LabelRole;
  tableKind: TableKind;
  tableId: string;
  templates: TemplateId[];
  key: string;
  official: string;
}

export type MatchHow = 'exact' | 'punctuation' | 'variant' | 'fuzzy';

export interface LabelMatch {
  entry: LabelEntry;
  how: MatchHow;
  /** severity of the deviation (undefined when exact) */
  severity?: Severity;
}

interface IndexEntry {
  entry: LabelEntry;
  how: 'exact' | 'variant';
  severity?: Severity;
}

const index = new Map<string, IndexEntry[]>();
/** official labels of numbered rows, for fuzzy matching keyed by their numbering prefix */
const numbered = new Map<string, LabelEntry[]>();

function add(norm: string, ie: IndexEntry): void {
  const list = index.get(norm);
  if (!list) {
    index.set(norm, [ie]);
    return;
  }
  const same = list.find(
    (x) => x.entry.role === ie.entry.role && x.entry.tableId === ie.entry.tableId && x.entry.key === ie.entry.key && x.how === ie.how,
  );
  if (same) {
    for (const t of ie.entry.templates) if (!same.entry.templates.includes(t)) same.entry.templates.push(t);
  } else list.push(ie);
}

function register(role: LabelRole, tableKind: TableKind, tableId: string, tpl: TemplateId, key: string, official: string, variants?: { text: string; severity: Severity }[]): void {
  if (!official) return;
  const entry: LabelEntry = { role, tableKind, tableId, templates: [tpl], key, official };
  add(normalizeLabel(official), { entry, how: 'exact' });
  for (const v of variants ?? []) add(normalizeLabel(v.text), { entry: { ...entry, templates: [tpl] }, how: 'variant', severity: v.severity });
  const prefix = numberingPrefix(normalizeLabel(official));
  if (role === 'row' && prefix) {
    const list = numbered.get(prefix) ?? [];
    if (!list.some((e) => e.key === key && e.tableId === tableId)) list.push(entry);
    numbered.set(prefix, list);
  }
}

for (const tpl of Object.values(TEMPLATES)) {
  for (const t of tpl.tables) {
    if (t.caption) register('caption', t.kind, t.id, tpl.id, t.id, t.caption);
    if (t.cornerLabel) register('corner', t.kind, t.id, tpl.id, 'corner', t.cornerLabel);
    for (const s of t.spanningLabels ?? []) register('spanning', t.kind, t.id, tpl.id, s, s);
    for (const c of t.columns) register('column', t.kind, t.id, tpl.id, c.key, c.label, c.variants);
    for (const r of t.rows) register('row', t.kind, t.id, tpl.id, r.key, r.label, r.variants);
  }
}

/** The numbering prefix of a normalised label: '一、', '(一)', '1.' or ''. */
export function numberingPrefix(norm: string): string {
  const m = /^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.)/.exec(norm);
  return m ? m[1] : '';
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let prev = new Array<number>(m + 1).fill(0);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[m]) / (n + m);
}

/**
 * Find the official labels a piece of text stands for, restricted to one kind of table.
 * Returns all candidates (a label such as 总计 exists in several roles); callers pick by role.
 */
const matchCache = new Map<TableKind, Map<string, LabelMatch[]>>();
let matchCacheSize = 0;

export function matchLabel(text: string, tableKind: TableKind): LabelMatch[] {
  let byText = matchCache.get(tableKind);
  if (!byText) matchCache.set(tableKind, (byText = new Map()));
  let v = byText.get(text);
  if (v === undefined) {
    if (matchCacheSize > 20000) {
      for (const m of matchCache.values()) m.clear();
      matchCacheSize = 0;
    }
    v = matchUncached(text, tableKind);
    byText.set(text, v);
    matchCacheSize++;
  }
  return v;
}

function matchUncached(text: string, tableKind: TableKind): LabelMatch[] {
  const norm = normalizeLabel(text);
  if (norm.length === 0 || norm.length > 80) return [];
  const hits = index.get(norm);
  const out: LabelMatch[] = [];
  if (hits) {
    const compact = stripSpaces(text);
    for (const h of hits) {
      if (h.entry.tableKind !== tableKind) continue;
      if (h.how === 'variant') out.push({ entry: h.entry, how: 'variant', severity: h.severity });
      else if (compact === h.entry.official) out.push({ entry: h.entry, how: 'exact' });
      else out.push({ entry: h.entry, how: 'punctuation', severity: punctuationSeverity(compact, h.entry.official) });
    }
    if (out.length) return out;
  }
  const prefix = numberingPrefix(norm);
  if (!prefix || tableKind !== 'applications') return out;
  const body = norm.slice(prefix.length);
  if (body.length < 2) return out;
  let best: LabelEntry | null = null;
  let bestScore = 0;
  for (const e of numbered.get(prefix) ?? []) {
    if (e.tableKind !== tableKind) continue;
    const ob = normalizeLabel(e.official).slice(prefix.length);
    const s = similarity(body, ob);
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  }
  if (best && bestScore >= 0.75) out.push({ entry: best, how: 'fuzzy', severity: 'warning' });
  return out;
}

/** How serious a punctuation-only deviation is: `1、` for `1.` is a warning, bracket width and quotes are info. */
function punctuationSeverity(written: string, official: string): Severity {
  if (/^\d{1,2}、/.test(written) && /^\d{1,2}\./.test(official)) return 'warning';
  return 'info';
}
