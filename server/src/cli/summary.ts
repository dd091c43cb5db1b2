/**
 * The figures of one report for the batch summary table (--format summary): read from the model, never
 * from the raw text. Section 三 uses the 总计 column; groups (三)(四)(五)(六) take the group row's own value
 * when it is written, otherwise the sum of their items.
 */
import type { Locale, ReportModel, Table } from '../core';

export interface SummaryFigures {
  body: string | null;
  /** section 三, 总计 column */
  received: number | null;
  carriedIn: number | null;
  handled: number | null;
  disclosed: number | null;
  partly: number | null;
  notDisclosed: number | null;
  unable: number | null;
  notProcessed: number | null;
  other: number | null;
  carriedOut: number | null;
  /** section 四 */
  review: number | null;
  litigation: number | null;
}

function num(table: Table | undefined, row: string, col: string): number | null {
  const c = table?.rows.get(row)?.cells.get(col);
  return c && c.value.kind === 'number' ? c.value.value : null;
}

const add = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Own value of a group row, or the sum of its items (items without a number count as nothing). */
function group(table: Table | undefined, key: string): number | null {
  const own = num(table, key, 'total');
  if (own !== null) return own;
  let sum: number | null = null;
  if (!table) return null;
  for (const [k] of table.rows) if (k.startsWith(key + '_')) sum = add(sum, num(table, k, 'total'));
  return sum;
}

export function summaryFigures(model: ReportModel): SummaryFigures {
  const apps = model.tables.find((t) => t.kind === 'applications');
  const review = model.tables.find((t) => t.kind === 'review');
  return {
    body: model.body?.name ?? null,
    received: num(apps, 'r1', 'total'),
    carriedIn: num(apps, 'r2', 'total'),
    handled: num(apps, 'r3_7', 'total'),
    disclosed: num(apps, 'r3_1', 'total'),
    partly: num(apps, 'r3_2', 'total'),
    notDisclosed: group(apps, 'r3_3'),
    unable: group(apps, 'r3_4'),
    notProcessed: group(apps, 'r3_5'),
    other: group(apps, 'r3_6'),
    carriedOut: num(apps, 'r4', 'total'),
    review: num(review, 'data', 'fy_zj'),
    litigation: add(num(review, 'data', 'zs_zj'), num(review, 'data', 'hs_zj')),
  };
}

export interface SummaryRow {
  file: string;
  year: number | null;
  template: string | null;
  figures: SummaryFigures;
  errors: number;
  warnings: number;
}

const HEADER_ZH = ['文件', '机关', '年度', '格式版本', '本年新收', '上年结转', '办理结果总计', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度', '行政复议总计', '行政诉讼总计', '错误', '警告'];
const HEADER_EN = ['File', 'Body', 'Year', 'Format', 'New applications', 'Carried over', 'Results total', 'Disclosed', 'Partly disclosed', 'Not disclosed', 'Cannot be provided', 'Not processed', 'Other', 'Carried forward', 'Administrative reviews', 'Lawsuits', 'Errors', 'Warnings'];

export const SUMMARY_HEADER = HEADER_ZH;

/** One CSV field: quoted when needed; text that a spreadsheet would take for a formula is prefixed with '. */
function field(v: string | number | null, isText: boolean): string {
  if (v === null) return '';
  let s = String(v);
  if (isText && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text, UTF-8 with a BOM (so that Excel reads the Chinese correctly) and CRLF line ends. */
export function toSummaryCsv(rows: SummaryRow[], locale: Locale): string {
  const lines = [(locale === 'en' ? HEADER_EN : HEADER_ZH).map((h) => field(h, true)).join(',')];
  for (const r of rows) {
    const f = r.figures;
    lines.push(
      [
        field(r.file, true),
        field(f.body, true),
        field(r.year, false),
        field(r.template, false),
        ...[f.received, f.carriedIn, f.handled, f.disclosed, f.partly, f.notDisclosed, f.unable, f.notProcessed, f.other, f.carriedOut, f.review, f.litigation].map((x) => field(x, false)),
        field(r.errors, false),
        field(r.warnings, false),
      ].join(','),
    );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
