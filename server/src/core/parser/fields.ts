/**
 * Turning the lines of a table region into physical rows of fields, whatever the layout:
 * - `cells`: one cell per line, each starting with a tab, rows separated by blank lines (Word → text);
 *   a line without a tab right after a cell continues that cell (labels broken across lines);
 * - `tabs`: one row per line, cells separated by tabs;
 * - `markdown`: pipe tables;
 * - `stream`: no tabs at all (PDF → text): every line is a field and row boundaries are unknown.
 */
import type { Layout } from '../model';
import { parseCellValue, type CellValue } from '../numbers';
import type { Range } from '../types';
import { isDirectiveLine } from './directives';
import { isBlank, isSpaceCode, range, trimmedEnd } from './lines';

export interface Field {
  text: string;
  range: Range;
  line: number;
  /** the text read as a cell value, once (see valueOf); set only after the rows are complete */
  value: CellValue | undefined;
}

/** The field's text read as a cell value (parsed on first use, when no more lines are joined to it). */
export function valueOf(f: Field): CellValue {
  return (f.value ??= parseCellValue(f.text));
}

export interface PhysRow {
  fields: Field[];
  firstLine: number;
  lastLine: number;
}

/** A Markdown table row: a pipe after the leading whitespace (by char code: this runs on every line of a table region). */
function isMarkdownRow(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i < text.length && text.charCodeAt(i) === 124 /* | */;
}
const MD_SEP = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** The field of `line` between [from, to), surrounding whitespace removed (an empty field sits at `from`). */
function fieldOf(lineText: string, line: number, from: number, to: number): Field {
  let a = from;
  let b = to;
  while (a < b && isSpaceCode(lineText.charCodeAt(a))) a++;
  b = trimmedEnd(lineText, a, b);
  if (a === b) return { text: '', range: range(line, from, from), line, value: undefined };
  return { text: lineText.slice(a, b), range: range(line, a, b), line, value: undefined };
}

function splitCells(lineText: string, line: number, sep: number, from: number, to: number): Field[] {
  const out: Field[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || lineText.charCodeAt(i) === sep) {
      out.push(fieldOf(lineText, line, start, i));
      start = i + 1;
    }
  }
  return out;
}

function markdownFields(lineText: string, line: number): Field[] {
  let a = lineText.indexOf('|');
  let b = lineText.length;
  while (b > a && /\s/.test(lineText[b - 1])) b--;
  if (lineText[b - 1] === '|' && b - 1 > a) b--;
  a++;
  return splitCells(lineText, line, 124 /* | */, a, b);
}

export function readRows(lines: string[], first: number, last: number, directives = true): { rows: PhysRow[]; layout: Layout } {
  const rows: PhysRow[] = [];
  let block: PhysRow | null = null;
  let prevWasBlockLine = false;
  let tabs = 0;
  let cells = 0;
  let md = 0;
  for (let i = first; i <= last && i < lines.length; i++) {
    const text = lines[i];
    if (directives && isDirectiveLine(text)) continue;
    // a line holding only a tab is an empty cell of the current row (Word → text), not a row break
    if (isBlank(text) && text.indexOf('\t') < 0) {
      block = null;
      prevWasBlockLine = false;
      continue;
    }
    if (isMarkdownRow(text)) {
      block = null;
      prevWasBlockLine = false;
      if (MD_SEP.test(text)) continue;
      md++;
      rows.push({ fields: markdownFields(text, i), firstLine: i, lastLine: i });
      continue;
    }
    const firstTab = text.indexOf('\t');
    if (firstTab >= 0) {
      let lead = 0;
      while (lead < firstTab && isSpaceCode(text.charCodeAt(lead))) lead++;
      if (lead === firstTab && text.indexOf('\t', firstTab + 1) < 0) {
        // one cell on this line
        cells++;
        const f = fieldOf(text, i, firstTab + 1, text.length);
        if (!block) {
          block = { fields: [], firstLine: i, lastLine: i };
          rows.push(block);
        }
        block.fields.push(f);
        block.lastLine = i;
        prevWasBlockLine = true;
        continue;
      }
      tabs++;
      block = null;
      prevWasBlockLine = false;
      rows.push({ fields: splitCells(text, i, 9 /* tab */, 0, text.length), firstLine: i, lastLine: i });
      continue;
    }
    // the line is not blank, so its field is its trimmed text (fieldOf)
    const f = fieldOf(text, i, 0, text.length);
    if (block && prevWasBlockLine && block.fields.length > 0) {
      // continuation of the last cell (a label broken across lines)
      const last = block.fields[block.fields.length - 1];
      last.text += f.text;
      last.range = { start: last.text === f.text ? f.range.start : last.range.start, end: f.range.end };
      block.lastLine = i;
      continue;
    }
    block = null;
    prevWasBlockLine = false;
    rows.push({ fields: [f], firstLine: i, lastLine: i });
  }
  const layout: Layout = md > 0 && md >= tabs && md >= cells ? 'markdown' : cells > tabs ? 'cells' : tabs > 0 ? 'tabs' : rows.length ? 'stream' : 'none';
  return { rows, layout };
}
