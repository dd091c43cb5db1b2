/**
 * Converting a 2019-format table (国办公开办函〔2019〕60号) to the 2021 format (〔2021〕30号) in the document's
 * own layout. Every value that maps is carried over; cells with no 2019 counterpart stay empty, so that the
 * missing-cell rule flags them for the writer to fill:
 * - 第二十条第（一）项: rows 规章 → 规章, 规范性文件 → 行政规范性文件; 本年新制作数量 → 本年制发件数
 *   (本年废止件数 and 现行有效件数 have no 2019 counterpart);
 * - 第二十条第（五）（六）项: 处理决定数量 → 本年处理决定数量 (其他对外管理服务事项 is dropped);
 * - 第二十条第（八）项: 2019 counted fee items, 2021 asks for an amount in 万元: nothing maps;
 * - 第二十条第（九）项: removed by the 2021 format;
 * - section 三: every row maps, （六）其他处理 → （六）3.其他 (items 1. and 2. stay empty).
 */
import { applyEdits } from './fixes';
import { LazyFix } from './lazyfix';
import type { ReportModel, Table } from './model';
import { renderTable, type SkeletonLayout } from './skeleton';
import { TEMPLATES } from './templates';
import type { Fix, TextEdit } from './types';

const ACTIVE_COLS: Record<string, Record<string, string>> = {
  a1: { issued: 'made' },
  a5: { decisions: 'decisions' },
  a6: { decisions: 'decisions' },
  a8: {},
};

function layoutOf(t: Table): SkeletonLayout {
  return t.layout === 'cells' || t.layout === 'markdown' ? t.layout : 'tabs';
}

/** Whole lines from the table's first line (its caption for section 二) to its last line. */
function tableLines(t: Table): { first: number; last: number } {
  return { first: t.caption ? Math.min(t.caption.range.start.line, t.firstLine) : t.firstLine, last: t.lastLine };
}

/** The edit converting one 2019 table, or null when the table is not a convertible 2019 table. */
export function convertTableEdit(model: ReportModel, table: Table): TextEdit | null {
  // section 四 is the same in both formats
  if (table.template !== '2019' || !table.readable || table.kind === 'review') return null;
  const { first, last } = tableLines(table);
  if (last < first) return null;
  const eol = model.eol;
  if (table.id === 'a9') {
    // the 2021 format has no 第二十条第（九）项 table: remove it with the blank line that follows
    let end = last;
    while (end + 1 < model.lines.length && model.lines[end + 1].trim() === '') end++;
    const to = end + 1 < model.lines.length ? { line: end + 1, character: 0 } : { line: end, character: model.lines[end].length };
    return { range: { start: { line: first, character: 0 }, end: to }, newText: '' };
  }
  const def = TEMPLATES['2021'].tables.find((d) => d.id === table.id);
  if (!def) return null;
  const value = (row: string, col: string): string | undefined => {
    if (table.kind === 'active') {
      const from = ACTIVE_COLS[table.id]?.[col];
      if (!from) return undefined;
      const c = table.rows.get(row)?.cells.get(from);
      return c && c.state === 'number' ? c.raw : undefined;
    }
    if (table.kind === 'applications') {
      const srcRow = row === 'r3_6_3' ? 'r3_6' : row;
      if (row === 'r3_6') return undefined;
      const c = table.rows.get(srcRow)?.cells.get(col);
      return c && c.state !== 'absent' && c.raw !== '' ? c.raw : undefined;
    }
    return undefined;
  };
  const lines = renderTable(def, layoutOf(table), value);
  // keep the document's indentation of cells in the one-cell-per-line layout (a leading tab is part of it)
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: model.lines[last].length } },
    newText: lines.join(eol),
  };
}

/** The fix attached to a template-version finding on a 2019 table. Never preferred: the writer must fill the gaps. */
export function convertTableFix(model: ReportModel, table: Table): Fix | null {
  if (table.template !== '2019' || !table.readable || table.kind === 'review') return null;
  const name = table.kind === 'applications' ? '第三部分表格' : TEMPLATES['2019'].tables.find((d) => d.id === table.id)?.caption ?? '表格';
  // the edit renders a whole table: computed only when a client asks for the fix, not on every keystroke
  return new LazyFix(
    table.id === 'a9'
      ? { zh: `删除2021年版格式已取消的${name}表格`, en: `Remove the ${name} table (not in the 2021 format)` }
      : { zh: `将${name}转换为2021年版格式（可对应的数值保留，其余待填）`, en: `Convert ${name} to the 2021 format (values that map are kept)` },
    false,
    () => {
      const e = convertTableEdit(model, table);
      return e ? [e] : [];
    },
  );
}

/** Edits converting every 2019 table of the document (the "将 2019 版表格转换为 2021 版" command). */
export function convertAllEdits(model: ReportModel): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const t of model.tables) {
    const e = convertTableEdit(model, t);
    if (e) edits.push(e);
  }
  return edits;
}

/** The text after converting every 2019 table (for tests and the CLI). */
export function convertAll(model: ReportModel): string {
  return applyEdits(model, convertAllEdits(model));
}
