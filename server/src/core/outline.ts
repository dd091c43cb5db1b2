/**
 * Navigation data from the model: the outline (sections → sub-headings and tables → row groups),
 * folding ranges (sections and tables) and one lens per table summarising its relations.
 */
import type { LintResult } from './lint';
import type { ReportModel, Table } from './model';
import { TEMPLATES } from './templates';
import type { Range } from './types';
import { mapped } from './arrays';

export type OutlineKind = 'section' | 'heading' | 'table' | 'group';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind: 'section' | 'table';
}

export interface TableLens {
  range: Range;
  mismatches: number;
  unknown: number;
  title: { zh: string; en: string };
  /** where the first mismatching total is */
  first: Range | null;
}

function lineRange(model: ReportModel, a: number, b: number): Range {
  const last = Math.min(b, model.lines.length - 1);
  return { start: { line: a, character: 0 }, end: { line: last, character: model.lines[last].length } };
}

export function tableName(t: Table): string {
  const def = TEMPLATES[t.template].tables.find((d) => d.id === t.id);
  if (t.kind === 'active') return def?.caption ?? t.id;
  if (t.kind === 'applications') return '政府信息公开申请情况表';
  return '行政复议、行政诉讼情况表';
}

function tableNode(model: ReportModel, t: Table): OutlineNode {
  const def = TEMPLATES[t.template].tables.find((d) => d.id === t.id);
  const range = lineRange(model, t.firstLine, t.lastLine);
  const selection = t.caption?.range ?? t.headers[0]?.range ?? { start: range.start, end: range.start };
  const children: OutlineNode[] = [];
  if (def && t.kind === 'applications') {
    // row groups: 一、 二、 三、（with its （一）…（七）） 四、
    for (const key of t.rowOrder) {
      const row = t.rows.get(key)!;
      const rd = def.rows.find((r) => r.key === key);
      if (!rd || rd.parent) continue;
      children.push({
        name: rd.label,
        detail: '',
        kind: 'group',
        range: lineRange(model, row.firstLine, row.lastLine),
        selectionRange: row.label.range,
        children: [],
      });
    }
  }
  return { name: tableName(t), detail: `${t.template}年版`, kind: 'table', range, selectionRange: selection, children };
}

export function outline(model: ReportModel): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  const sections = model.sections;
  for (const s of sections) {
    const range = lineRange(model, s.startLine, s.endLine);
    const node: OutlineNode = {
      name: `${s.heading.marker}${s.heading.title}`,
      detail: s.official === null ? '非官方章节' : '',
      kind: 'section',
      range,
      selectionRange: s.heading.range,
      children: [],
    };
    const inside: { line: number; node: OutlineNode }[] = [];
    for (const h of model.headings) {
      if (h.level !== 2 || h.line <= s.startLine || h.line > s.endLine) continue;
      inside.push({
        line: h.line,
        node: { name: `${h.marker}${h.title}`, detail: '', kind: 'heading', range: lineRange(model, h.line, h.line), selectionRange: h.range, children: [] },
      });
    }
    for (const t of model.tables) if (t.firstLine > s.startLine && t.firstLine <= s.endLine) inside.push({ line: t.firstLine, node: tableNode(model, t) });
    inside.sort((a, b) => a.line - b.line);
    // a sub-heading spans until the next sub-heading or table
    for (let i = 0; i < inside.length; i++) {
      const n = inside[i].node;
      if (n.kind === 'heading') {
        const end = i + 1 < inside.length ? inside[i + 1].line - 1 : s.endLine;
        n.range = lineRange(model, inside[i].line, Math.max(inside[i].line, end));
      }
    }
    node.children = mapped(inside, (x) => x.node);
    nodes.push(node);
  }
  // tables outside any section
  for (const t of model.tables) if (!sections.some((s) => t.firstLine > s.startLine && t.firstLine <= s.endLine)) nodes.push(tableNode(model, t));
  return nodes;
}

export function foldingRanges(model: ReportModel): FoldRange[] {
  const out: FoldRange[] = [];
  for (const s of model.sections) {
    let end = s.endLine;
    while (end > s.startLine && model.lines[end] && model.lines[end].trim() === '') end--;
    if (end > s.startLine) out.push({ startLine: s.startLine, endLine: end, kind: 'section' });
  }
  for (const t of model.tables) if (t.lastLine > t.firstLine) out.push({ startLine: t.firstLine, endLine: t.lastLine, kind: 'table' });
  return out;
}

export function tableLenses(result: LintResult): TableLens[] {
  const out: TableLens[] = [];
  for (const t of result.model.tables) {
    if (t.kind === 'active') continue;
    const rels = result.relations.filter((r) => r.table === t);
    const mism = rels.filter((r) => r.status === 'mismatch');
    const unknown = rels.filter((r) => r.status === 'unknown').length;
    const range = t.caption?.range ?? t.headers[0]?.range ?? { start: { line: t.firstLine, character: 0 }, end: { line: t.firstLine, character: 0 } };
    let title: { zh: string; en: string };
    if (!t.readable) title = { zh: '勾稽关系：表格无法读取，未检查', en: 'Relations: table unreadable, not checked' };
    else if (mism.length) title = { zh: `勾稽关系：${mism.length} 处不符`, en: `Relations: ${mism.length} mismatch(es)` };
    else if (unknown) title = { zh: `勾稽关系：${unknown} 处因缺数无法校验`, en: `Relations: ${unknown} not checkable (missing cells)` };
    else title = { zh: '勾稽关系：全部通过', en: 'Relations: all hold' };
    out.push({ range: { start: { line: range.start.line, character: 0 }, end: { line: range.start.line, character: 0 } }, mismatches: mism.length, unknown, title, first: mism[0]?.totalCell?.range ?? null });
  }
  return out;
}
