/**
 * Reading the official tables out of the physical rows of a region, guided by the templates.
 * Every located cell keeps its exact range; a row or table that cannot be read becomes a ParseProblem
 * and never takes the other rows down with it.
 */
import { matchLabel, type LabelMatch, type LabelRole } from '../labels';
import type { Cell, Layout, LabelRef, Table, TableRow } from '../model';
import { TEMPLATES, templateIndex, type TableDef, type TableKind, type TemplateId } from '../templates';
import type { Range } from '../types';
import { mayBeValue, valueOf, type Field, type PhysRow } from './fields';
import { mapped } from '../arrays';

interface Classified {
  field: Field;
  role: LabelRole | null;
  match: LabelMatch | null;
  numeric: boolean;
}

function pick(matches: LabelMatch[], roles: LabelRole[], preferTable?: string): LabelMatch | null {
  for (const role of roles) {
    let any: LabelMatch | null = null;
    for (const x of matches) {
      if (x.entry.role !== role) continue;
      if (x.entry.tableId === preferTable) return x;
      any ??= x;
    }
    if (any) return any;
  }
  return null;
}

function classify(f: Field, kind: TableKind, roles: LabelRole[], preferTable?: string): Classified {
  if (mayBeValue(f.text)) {
    const v = valueOf(f);
    if (v.kind !== 'invalid') return { field: f, role: null, match: null, numeric: v.kind === 'number' };
  }
  const m = pick(matchLabel(f.text, kind), roles, preferTable);
  return { field: f, role: m ? m.entry.role : null, match: m, numeric: false };
}

function labelRef(c: Classified): LabelRef {
  return { key: c.match!.entry.key, text: c.field.text, range: c.field.range, match: c.match! };
}

function makeCell(row: string, col: string, f: Field | null, absentRange: Range): Cell {
  if (!f) return { row, col, raw: '', value: { kind: 'blank' }, range: absentRange, state: 'absent' };
  const value = valueOf(f);
  const state = value.kind === 'number' ? 'number' : value.kind;
  return { row, col, raw: f.text, value, range: f.range, state };
}

/** Fit the value fields of one row to `n` columns; null when they cannot be fitted. */
function fitValues(vals: Field[], n: number): (Field | null)[] | null {
  if (vals.length === n) return vals;
  const v = vals.slice();
  while (v.length > n && v[v.length - 1].text === '') v.pop();
  while (v.length > n && v[0].text === '') v.shift();
  if (v.length > n) return null;
  if (v.length === n) return v;
  if (v.length === 0) return new Array<Field | null>(n).fill(null);
  const pad = new Array<Field | null>(n - v.length).fill(null);
  const lastFilled = v[v.length - 1].text !== '';
  const hasBlank = v.some((f) => f.text === '');
  // A short row whose last cell is filled and which has blanks lost merged cells on the left (Word → text):
  // its last value is the 总计 column. Otherwise the writer is still typing from the left.
  return lastFilled && hasBlank ? [...pad, ...v] : [...v, ...pad];
}

function emptyTable(def: TableDef, template: TemplateId, layout: Layout, firstLine: number, lastLine: number): Table {
  return {
    kind: def.kind,
    id: def.id,
    template,
    templateSource: 'default',
    caption: null,
    layout,
    headers: [],
    rows: new Map(),
    rowOrder: [],
    firstLine,
    lastLine,
    readable: true,
    problems: [],
    strays: [],
  };
}

function setRow(table: Table, key: string, label: LabelRef, firstLine: number, lastLine: number): TableRow {
  const existing = table.rows.get(key);
  if (existing) {
    table.problems.push({
      scope: 'row',
      range: label.range,
      message: { zh: `表格中“${label.match.entry.official || label.text}”一行重复出现，只读取第一次出现的数据。`, en: `Row "${label.match.entry.official || label.text}" appears twice; only the first is read.` },
    });
    return { key, label, cells: new Map(), hasValues: false, firstLine, lastLine };
  }
  const row: TableRow = { key, label, cells: new Map(), hasValues: false, firstLine, lastLine };
  table.rows.set(key, row);
  table.rowOrder.push(key);
  return row;
}

function fillRow(table: Table, def: TableDef, row: TableRow, vals: Field[]): void {
  const cols = def.columns;
  const fitted = fitValues(vals, cols.length);
  if (!fitted) {
    table.problems.push({
      scope: 'row',
      range: row.label.range,
      message: {
        zh: `无法读取“${row.label.match.entry.official || row.label.text}”一行：有${vals.length}个数值，而该表只有${cols.length}列。`,
        en: `Cannot read row "${row.label.match.entry.official || row.label.text}": ${vals.length} values for ${cols.length} columns.`,
      },
    });
    return;
  }
  let hasValues = false;
  for (const f of vals) if (f.text !== '') hasValues = true;
  row.hasValues = hasValues;
  if (!row.hasValues && isGroupOrHeading(def, row.key)) return;
  for (let i = 0; i < cols.length; i++) row.cells.set(cols[i].key, makeCell(row.key, cols[i].key, fitted[i], row.label.range));
}

/** Section 三: the applications table. */
export function readApplications(rows: PhysRow[], layout: Layout, docTemplate: TemplateId | null): Table | null {
  const kind: TableKind = 'applications';
  const roles: LabelRole[] = ['row', 'column', 'spanning', 'corner'];
  const first = rows.length ? rows[0].firstLine : 0;
  const last = rows.length ? rows[rows.length - 1].lastLine : 0;
  // Decide 2019 / 2021 from the rows present: the three （六） items exist only in 2021.
  // every field classified once, for the template decision and for reading the rows
  const classified = mapped(rows, (r) => mapped(r.fields, (f) => classify(f, kind, roles)));
  let rowLabels = 0;
  let hasOtherItems = false;
  let hasOther = false;
  for (const cl of classified)
    for (const c of cl) {
      if (c.role !== 'row') continue;
      rowLabels++;
      const key = c.match!.entry.key;
      if (key === 'r3_6_1' || key === 'r3_6_2' || key === 'r3_6_3') hasOtherItems = true;
      else if (key === 'r3_6') hasOther = true;
    }
  if (rowLabels < 3) return null;
  // （六）其他处理 with its three items is the 2021 layout; （六） alone is the 2019 layout (also when a 2021
  // report left it that way: the template-version rule reports that, the arithmetic follows what is written).
  const template: TemplateId = hasOtherItems ? '2021' : hasOther ? '2019' : docTemplate ?? '2021';
  const def = TEMPLATES[template].tables.find((t) => t.kind === kind)!;
  const table = emptyTable(def, template, layout, first, last);
  table.templateSource = hasOtherItems || hasOther ? 'rows' : docTemplate ? 'document' : 'default';
  const nCols = def.columns.length;

  if (layout === 'stream') {
    readStream(rows, def, table, kind, roles, nCols);
    return table;
  }

  let lastRow: TableRow | null = null;
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri];
    const cl = classified[ri];
    // the row labels of the line (mostly one; a group label and an item label share a line in Word tables)
    const labelIdx: number[] = [];
    for (let i = 0; i < cl.length; i++) if (cl[i].role === 'row') labelIdx.push(i);
    if (labelIdx.length === 0) {
      const headers = cl.filter((c) => c.role === 'column' || c.role === 'spanning' || c.role === 'corner');
      for (const h of headers) table.headers.push(labelRef(h));
      const values = cl.filter((c) => c.numeric || (c.role === null && c.field.text !== '' && headers.length === 0));
      if (values.length && headers.length === 0) {
        if (lastRow && !lastRow.hasValues && !isGroupOrHeading(def, lastRow.key)) {
          fillRow(table, def, lastRow, r.fields);
        } else {
          table.problems.push({
            scope: 'row',
            range: spanOf(r),
            message: { zh: '这一行数字不属于表格中的任何一行（找不到行标题）。', en: 'These numbers belong to no row of the table (no row label found).' },
          });
        }
      } else if (headers.length === 0) {
        for (const c of cl) if (c.field.text) table.strays.push({ text: c.field.text, range: c.field.range });
      }
      continue;
    }
    for (let k = 0; k < labelIdx.length; k++) {
      const c = cl[labelIdx[k]];
      const row = setRow(table, c.match!.entry.key, labelRef(c), r.firstLine, r.lastLine);
      if (k === labelIdx.length - 1) {
        fillRow(table, def, row, r.fields.slice(labelIdx[k] + 1));
        lastRow = row;
      }
    }
    for (let i = 0; i < labelIdx[labelIdx.length - 1]; i++) {
      const c = cl[i];
      if (c.role === null && c.field.text !== '' && !c.numeric) table.strays.push({ text: c.field.text, range: c.field.range });
    }
  }
  return table;
}

function isGroupOrHeading(def: TableDef, key: string): boolean {
  const r = templateIndex(def).rows.get(key);
  return !!(r?.items || r?.heading);
}

function spanOf(r: PhysRow): Range {
  const a = r.fields[0].range.start;
  const b = r.fields[r.fields.length - 1].range.end;
  return { start: a, end: b };
}

/**
 * PDF text: labels and values come as a stream of lines. A label takes the values that follow it;
 * when values come before any label, or a row gets the wrong count, the cell order is scrambled
 * (merged header cells in the PDF) and the table is marked unreadable rather than guessed.
 */
function readStream(rows: PhysRow[], def: TableDef, table: Table, kind: TableKind, roles: LabelRole[], nCols: number): void {
  const fields: Field[] = [];
  for (const r of rows) fields.push(...r.fields);
  const pending = new Map<string, Field[]>();
  let current: TableRow | null = null;
  let orphans = 0;
  for (let i = 0; i < fields.length; i++) {
    let c = classify(fields[i], kind, roles);
    if (c.role === null && !c.numeric && i + 1 < fields.length) {
      // a label broken over two lines
      const joined: Field = { text: fields[i].text + fields[i + 1].text, range: { start: fields[i].range.start, end: fields[i + 1].range.end }, line: fields[i].line, value: undefined };
      const cj = classify(joined, kind, roles);
      if (cj.role === 'row') {
        c = cj;
        i++;
      }
    }
    if (c.role === 'row') {
      current = setRow(table, c.match!.entry.key, labelRef(c), c.field.line, c.field.range.end.line);
      pending.set(current.key, []);
      continue;
    }
    if (c.role === 'column' || c.role === 'spanning' || c.role === 'corner') {
      table.headers.push(labelRef(c));
      continue;
    }
    if (c.numeric) {
      if (!current) orphans++;
      else pending.get(current.key)!.push(c.field);
    }
  }
  let consistent = orphans === 0;
  for (const [key, vals] of pending) {
    const grp = isGroupOrHeading(def, key);
    if (!(vals.length === nCols || (grp && vals.length === 0))) consistent = false;
  }
  if (!consistent) {
    table.readable = false;
    table.problems.push({
      scope: 'table',
      range: table.headers[0]?.range ?? table.rows.values().next().value?.label.range ?? { start: { line: table.firstLine, character: 0 }, end: { line: table.firstLine, character: 0 } },
      message: {
        zh: '无法按行读取此表格：数字与行标题的顺序对不上（常见于从PDF转换的文本，单元格顺序被打乱）。本表的勾稽关系未检查。',
        en: 'Cannot read this table row by row: numbers and row labels are out of order (typical of PDF-converted text). Its relations were not checked.',
      },
    });
    return;
  }
  for (const [key, vals] of pending) {
    const row = table.rows.get(key)!;
    fillRow(table, def, row, vals);
  }
}

/** Section 二: the sub-tables introduced by 第二十条第（X）项 captions. */
export function readActive(rows: PhysRow[], layout: Layout, fallback: TemplateId | null): Table[] {
  const kind: TableKind = 'active';
  const roles: LabelRole[] = ['caption', 'corner', 'column', 'row'];
  const groups: { caption: Classified; rows: { r: PhysRow; cl: Classified[] }[] }[] = [];
  let currentId: string | undefined;
  for (const r of rows) {
    let cl = mapped(r.fields, (f) => classify(f, kind, roles, currentId));
    const capIdx = cl.findIndex((c) => c.role === 'caption');
    if (capIdx >= 0) {
      currentId = cl[capIdx].match!.entry.key;
      cl = mapped(r.fields, (f) => classify(f, kind, roles, currentId));
      groups.push({ caption: cl[capIdx], rows: [] });
      const rest = cl.slice(capIdx + 1);
      if (rest.some((c) => c.field.text !== '')) groups[groups.length - 1].rows.push({ r, cl: rest });
      continue;
    }
    if (groups.length) groups[groups.length - 1].rows.push({ r, cl });
  }
  const tables: Table[] = [];
  for (const g of groups) {
    const id = g.caption.match!.entry.key;
    // vote for the template from the header and row labels written exactly
    const votes: Record<TemplateId, number> = { '2019': 0, '2021': 0 };
    const only = (templates: TemplateId[]): TemplateId | null => (templates.length === 1 ? templates[0] : null);
    const capT = only(g.caption.match!.entry.templates);
    if (capT) votes[capT] += 2;
    for (const { cl } of g.rows) for (const c of cl) {
      if (!c.match || c.match.entry.tableId !== id) continue;
      if (c.match.how === 'variant' && c.role !== 'column') continue;
      const t = only(c.match.entry.templates);
      if (t) votes[t] += c.role === 'column' && c.match.how !== 'variant' ? 2 : 1;
    }
    let template: TemplateId;
    let source: Table['templateSource'];
    if (votes['2019'] !== votes['2021']) {
      template = votes['2019'] > votes['2021'] ? '2019' : '2021';
      source = 'header';
    } else {
      template = fallback ?? '2021';
      source = fallback ? 'document' : 'default';
    }
    let def = TEMPLATES[template].tables.find((t) => t.id === id);
    if (!def) {
      // 第二十条第（九）项 only exists in 2019
      template = '2019';
      def = TEMPLATES['2019'].tables.find((t) => t.id === id)!;
    }
    const first = g.caption.field.line;
    const lastR = g.rows.length ? g.rows[g.rows.length - 1].r.lastLine : first;
    const table = emptyTable(def, template, layout, first, lastR);
    table.templateSource = source;
    table.caption = labelRef(g.caption);
    const nCols = def.columns.length;
    const streamVals: Field[] = [];
    for (const { r, cl } of g.rows) {
      const labelIdx = cl.findIndex((c) => c.role === 'row' && c.match!.entry.tableId === id);
      for (const c of cl) if ((c.role === 'column' || c.role === 'corner') && c.match!.entry.tableId === id) table.headers.push(labelRef(c));
      if (layout === 'stream') {
        if (labelIdx >= 0) setRow(table, cl[labelIdx].match!.entry.key, labelRef(cl[labelIdx]), r.firstLine, r.lastLine);
        for (const c of cl) if (c.numeric || (c.role === null && valueOf(c.field).kind === 'placeholder')) streamVals.push(c.field);
        continue;
      }
      if (labelIdx < 0) {
        const nums = cl.filter((c) => c.numeric);
        if (nums.length) {
          const lastKey = table.rowOrder[table.rowOrder.length - 1];
          const lastRow = lastKey ? table.rows.get(lastKey) : undefined;
          if (lastRow && !lastRow.hasValues) fillRow(table, def, lastRow, r.fields.slice(cl.indexOf(nums[0])));
          else
            table.problems.push({
              scope: 'row',
              range: spanOf(r),
              message: { zh: '这一行数字不属于表格中的任何一行（找不到行标题）。', en: 'These numbers belong to no row of the table (no row label found).' },
            });
        }
        continue;
      }
      const row = setRow(table, cl[labelIdx].match!.entry.key, labelRef(cl[labelIdx]), r.firstLine, r.lastLine);
      fillRow(table, def, row, mapped(cl.slice(labelIdx + 1), (c) => c.field));
    }
    if (layout === 'stream') {
      const found = mapped(table.rowOrder, (k) => table.rows.get(k)!);
      if (found.length && streamVals.length === found.length * nCols) {
        found.forEach((row, i) => fillRow(table, def, row, streamVals.slice(i * nCols, (i + 1) * nCols)));
      } else if (found.length || streamVals.length) {
        table.readable = false;
        table.problems.push({
          scope: 'table',
          range: table.caption.range,
          message: {
            zh: `无法读取${def.caption}的表格：找到${found.length}行、${streamVals.length}个数值，与表格的${nCols}列对不上。`,
            en: `Cannot read the ${def.caption} table: ${found.length} rows and ${streamVals.length} values do not fit ${nCols} columns.`,
          },
        });
      }
    }
    tables.push(table);
  }
  return tables;
}

/** Section 四: one row of 15 numbers under a three-level header. */
export function readReview(rows: PhysRow[], layout: Layout, template: TemplateId): Table | null {
  const kind: TableKind = 'review';
  const roles: LabelRole[] = ['spanning', 'column'];
  const def = TEMPLATES[template].tables.find((t) => t.kind === kind)!;
  const first = rows.length ? rows[0].firstLine : 0;
  const last = rows.length ? rows[rows.length - 1].lastLine : 0;
  const table = emptyTable(def, template, layout, first, last);
  const values: Field[] = [];
  let headerCount = 0;
  for (const r of rows) {
    const cl = mapped(r.fields, (f) => classify(f, kind, roles));
    const heads = cl.filter((c) => c.role !== null);
    for (const h of heads) table.headers.push(labelRef(h));
    headerCount += heads.length;
    if (layout === 'stream') {
      for (const c of cl) if (c.numeric || valueOf(c.field).kind === 'placeholder') values.push(c.field);
      continue;
    }
    if (heads.length) continue;
    if (!cl.some((c) => c.numeric)) {
      for (const c of cl) if (c.field.text) table.strays.push({ text: c.field.text, range: c.field.range });
      continue;
    }
    let fs = r.fields.slice();
    while (fs.length && fs[0].text !== '' && valueOf(fs[0]).kind === 'invalid') fs.shift();
    while (fs.length && fs[fs.length - 1].text === '') fs.pop();
    while (fs.length && fs[0].text === '' && values.length + fs.length > def.columns.length) fs.shift();
    values.push(...fs);
    fs = [];
  }
  if (headerCount < 3 && values.length === 0) return null;
  const rowLabel: LabelRef = {
    key: 'data',
    text: '',
    range: table.headers[0]?.range ?? values[0]?.range ?? { start: { line: first, character: 0 }, end: { line: first, character: 0 } },
    match: { entry: { role: 'row', tableKind: kind, tableId: 'review', templates: [template], key: 'data', official: '' }, how: 'exact' },
  };
  const row = setRow(table, 'data', rowLabel, values[0]?.line ?? first, values.length ? values[values.length - 1].line : first);
  if (values.length !== def.columns.length) {
    if (values.length === 0) {
      def.columns.forEach((c) => row.cells.set(c.key, makeCell('data', c.key, null, rowLabel.range)));
      return table;
    }
    table.readable = layout !== 'stream';
    table.problems.push({
      scope: layout === 'stream' ? 'table' : 'row',
      range: { start: values[0].range.start, end: values[values.length - 1].range.end },
      message: {
        zh: `行政复议、行政诉讼表格应有15个数（复议、直接起诉、复议后起诉各5个），实际读到${values.length}个。`,
        en: `The review/litigation table needs 15 numbers (5 per group); found ${values.length}.`,
      },
    });
    if (values.length > def.columns.length) return table;
  }
  row.hasValues = true;
  def.columns.forEach((c, i) => row.cells.set(c.key, makeCell('data', c.key, values[i] ?? null, rowLabel.range)));
  if (layout === 'stream' && values.length === def.columns.length) {
    const nums = mapped(values, valueOf);
    if (nums.every((v) => v.kind === 'number' && v.decimals === 0)) {
      const ints = mapped(nums, (v) => (v.kind === 'number' ? v.value : 0));
      if (!groupsHold(ints) && someArrangementHolds(ints)) {
        // PDF text puts merged header cells and numbers out of order: the numbers can be read so that every
        // total holds, so an error here would most likely be an artefact of the conversion, not of the report.
        table.readable = false;
        table.problems.push({
          scope: 'table',
          range: { start: values[0].range.start, end: values[values.length - 1].range.end },
          message: {
            zh: '行政复议、行政诉讼表格的数字顺序被打乱（常见于从PDF转换的文本），无法确定各数字所属的列，本表的合计未检查。',
            en: 'The numbers of the review/litigation table are out of order (typical of PDF-converted text); the totals were not checked.',
          },
        });
      }
    }
  }
  return table;
}

/** In-order reading: every group of five is four results and their total. */
function groupsHold(v: number[]): boolean {
  for (let g = 0; g < 3; g++) {
    const b = g * 5;
    if (v[b] + v[b + 1] + v[b + 2] + v[b + 3] !== v[b + 4]) return false;
  }
  return true;
}

/** Whether the 15 numbers can be split into three groups of four results plus their total. */
function someArrangementHolds(v: number[]): boolean {
  const total = v.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  const half = total / 2;
  const n = v.length;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let c = b + 1; c < n; c++) {
        if (v[a] + v[b] + v[c] !== half) continue;
        const rest = v.filter((_, i) => i !== a && i !== b && i !== c);
        if (partition(rest, [v[a], v[b], v[c]], [0, 0, 0], [0, 0, 0], 0)) return true;
      }
  return false;
}

function partition(rest: number[], targets: number[], sums: number[], counts: number[], i: number): boolean {
  if (i === rest.length) return sums.every((s, k) => s === targets[k]) && counts.every((c) => c === 4);
  for (let k = 0; k < 3; k++) {
    if (counts[k] === 4 || sums[k] + rest[i] > targets[k]) continue;
    sums[k] += rest[i];
    counts[k]++;
    const ok = partition(rest, targets, sums, counts, i + 1);
    sums[k] -= rest[i];
    counts[k]--;
    if (ok) return true;
  }
  return false;
}
