/**
 * Hover explanations (Markdown, Chinese): what a label counts and its legal basis, and for a number cell
 * every relation it takes part in, as a small table. Reads only the model and the relation results.
 */
import type { LintResult } from './lint';
import type { Cell, LabelRef, Table } from './model';
import { cellName, formatInterval, type RelationResult } from './relations';
import { SECTIONS, TEMPLATES, type TableDef } from './templates';
import type { Position, Range } from './types';
import { mapped } from './arrays';

export interface HoverInfo {
  markdown: string;
  range: Range;
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function defOf(t: Table): TableDef | undefined {
  return TEMPLATES[t.template].tables.find((d) => d.id === t.id);
}

const TEMPLATE_NOTE: Record<string, string> = {
  '2019': '本表按 **2019 年版格式**（国办公开办函〔2019〕60号，适用于 2019、2020 年度报告）读取。',
  '2021': '本表按 **2021 年版格式**（国办公开办函〔2021〕30号，适用于 2021 年度起的报告）读取。',
};

function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]|<>]/g, (c) => '\\' + c);
}

function relationRows(cell: Cell, table: Table, relations: RelationResult[]): RelationResult[] {
  return relations.filter((r) => r.table === table && r.status !== 'skipped' && (r.totalCell === cell || r.operands.some((o) => o.cells.includes(cell))));
}

function statusMark(r: RelationResult): string {
  if (r.status === 'ok') return '✓';
  if (r.status === 'mismatch') return '✗';
  return '？';
}

function cellHover(cell: Cell, table: Table, def: TableDef, relations: RelationResult[]): string {
  const name = cellName(def, { row: cell.row, col: cell.col });
  const value = cell.state === 'number' ? escapeMd(cell.raw) : cell.state === 'absent' ? '（缺失）' : cell.raw ? `“${escapeMd(cell.raw)}”（不是数字）` : '（空白）';
  const lines = [`**${escapeMd(name)}**：${value}`, ''];
  const rels = relationRows(cell, table, relations);
  if (rels.length) {
    lines.push('| 勾稽关系 | 本格 | 填报 | 计算 | 结果 |', '| --- | --- | --- | --- | --- |');
    for (const r of rels) {
      const role = r.totalCell === cell ? '合计' : r.operands.some((o) => o.weight === -1 && o.cells.includes(cell)) ? '减数' : '加数';
      const reported = r.reported ? formatInterval(r.reported, r.scale) : '—';
      const computed = r.computed ? formatInterval(r.computed, r.scale) : '—';
      const where = r.def.family === 'rowsum' ? '（本行）' : def.kind === 'review' ? '' : `（${def.columns.find((c) => c.key === r.def.total.col)?.label ?? ''}列）`;
      lines.push(`| ${escapeMd(r.def.name.zh)}${where} | ${role} | ${reported} | ${computed} | ${statusMark(r)} |`);
    }
    if (rels.some((r) => r.status === 'unknown')) lines.push('', '？表示有单元格未填写数字，无法校验。');
  } else {
    lines.push('本单元格不参与勾稽关系。');
  }
  const col = def.columns.find((c) => c.key === cell.col);
  if (col?.explain) lines.push('', `列「${escapeMd(col.label)}」：${col.explain.replace(/^[^：]*：/, def.kind === 'review' ? '' : '$&')}`);
  return lines.join('\n');
}

function labelHover(label: LabelRef, table: Table, def: TableDef): string | null {
  const role = label.match.entry.role;
  const official = label.match.entry.official;
  let text: string | undefined;
  if (role === 'row') text = def.rows.find((r) => r.key === label.key)?.explain;
  else if (role === 'column') {
    text = def.columns.find((c) => c.key === label.key)?.explain;
    if (def.kind === 'review' && text) text = text.replace(/^[^：]*：/, '');
  } else if (role === 'caption') text = def.explain;
  else text = def.labelExplain?.[official];
  if (!text) return null;
  const note = def.kind === 'review' ? '' : TEMPLATE_NOTE[table.template] ?? '';
  const lines = [`**${escapeMd(official || label.text)}**`, '', text, '', note];
  if (label.match.how !== 'exact' && official) lines.push('', `官方标签：「${escapeMd(official)}」`);
  return lines.join('\n').trim();
}

/** The hover at a position, or null. */
export function hoverAt(result: LintResult, pos: Position): HoverInfo | null {
  const { model } = result;
  for (const table of model.tables) {
    if (pos.line < table.firstLine || pos.line > table.lastLine) continue;
    const def = defOf(table);
    if (!def) continue;
    for (const row of table.rows.values()) {
      for (const cell of row.cells.values()) {
        if (cell.state !== 'absent' && contains(cell.range, pos)) return { markdown: cellHover(cell, table, def, result.relations), range: cell.range };
      }
    }
    const labels: LabelRef[] = [...(table.caption ? [table.caption] : []), ...table.headers, ...mapped([...table.rows.values()], (r) => r.label).filter((l) => l.text)];
    for (const l of labels) {
      if (contains(l.range, pos)) {
        const md = labelHover(l, table, def);
        if (md) return { markdown: md, range: l.range };
      }
    }
  }
  for (const s of model.sections) {
    if (s.official !== null && contains(s.heading.range, pos)) {
      const def = SECTIONS.find((x) => x.number === s.official)!;
      const md = [`**${['一', '二', '三', '四', '五', '六'][def.number - 1]}、${def.heading}**`, '', def.explain ?? ''];
      if (s.variant) md.push('', `官方标题：「${def.heading}」`);
      return { markdown: md.join('\n').trim(), range: s.heading.range };
    }
  }
  return null;
}
