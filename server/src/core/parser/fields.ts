/**
 * Turning the lines of a table region into physical rows of fields, whatever the layout:
 * - `cells`: one cell per line, each starting with a tab, rows separated by blank lines (Word → text);
 *   a line without a tab right after a cell continues that cell (labels broken across lines);
 * - `tabs`: one row per line, cells separated by tabs;
 * - `spaces`: one row per line, cells separated by runs of spaces (a table copied from a PDF viewer, or aligned by
 *   hand): see splitSpaced and tabular;
 * - `markdown`: pipe tables;
 * - `stream`: no tabs at all (PDF → text): every line is a field and row boundaries are unknown.
 */
import type { Layout } from '../model';
import { parseCellValue, type CellValue } from '../numbers';
import type { Range } from '../types';
import { isDirectiveLine } from './directives';
import { isBlank, isSpaceCode, range, trimmedEnd } from './lines';
import { mapped } from '../arrays';
import { matchLabel } from '../labels';
import type { TableKind } from '../templates';

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

/** The longest text read as a cell value of a space-separated row (1,234,567.1234万元 is 17 characters). */
const MAX_VALUE_LENGTH = 24;

/**
 * False for a field that cannot be a value: it starts with a Chinese character (other than the placeholders
 * 无 and 空) or a bracket, as every label does. Such a field goes to the labels without being read as a number.
 */
export function mayBeValue(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return c === 0x65e0 /* 无 */ || c === 0x7a7a /* 空 */;
  return c !== 0xff08 /* （ */ && c !== 40 /* ( */;
}

/** A piece of a line that may be a cell value, by its length and first character: a sentence is never parsed. */
function mayBeCellValue(s: string): boolean {
  return s.length > 0 && s.length <= MAX_VALUE_LENGTH && mayBeValue(s);
}

/** A cell value of a space-separated row: a number or a placeholder (- / — 无 …), not a label. */
function isValueToken(s: string): boolean {
  if (!mayBeCellValue(s)) return false;
  const k = parseCellValue(s).kind;
  return k === 'number' || k === 'placeholder';
}

function isNumberToken(s: string): boolean {
  return mayBeCellValue(s) && parseCellValue(s).kind === 'number';
}

/** A character that may follow the space before a value: another space, a digit, a sign or a dash, a slash. */
function opensValue(c: number): boolean {
  return isSpaceCode(c) || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 43 || c === 45 || c === 0xff0d || c === 0x2014 || c === 0x2013 || c === 0x2212 || c === 47 || c === 0xff0f;
}

/**
 * Whether a line may split into cells: a space followed by another space or by a number or dash (ASCII spaces are
 * found natively), or any ideographic or no-break space. Chinese text holds no space at all, or single spaces between
 * words, and is ruled out without reading it character by character.
 */
function maySplit(text: string): boolean {
  for (let p = text.indexOf(' '); p >= 0; p = text.indexOf(' ', p + 1)) if (p + 1 < text.length && opensValue(text.charCodeAt(p + 1))) return true;
  return text.indexOf('\u3000') >= 0 || text.indexOf('\u00a0') >= 0;
}

/**
 * The pieces of a line split at runs of spaces (see spacedCells), as [start, end) pairs: a run of two or more
 * whitespace characters ends a piece; a single space stays inside it (`自然 人`), except between the numbers at the
 * end of a piece (`（一）予以公开 5 0 0`: two or more such numbers, or a piece of numbers only, are pieces of their
 * own). null when the line holds fewer than two pieces.
 */
function splitSpaced(text: string): [number, number][] | null {
  const pieces: [number, number][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const a = i;
    let b = i;
    // the piece runs on over single spaces; a run of two or more ends it
    while (i < n) {
      if (!isSpaceCode(text.charCodeAt(i))) {
        b = ++i;
        continue;
      }
      let j = i;
      while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
      if (j - i >= 2 || j >= n) break;
      i = j;
    }
    splitTrailingValues(text, a, b, pieces);
  }
  return pieces.length < 2 ? null : pieces;
}

/** Add the piece [a, b) to `out`, its trailing numbers separated by single spaces as cells of their own. */
function splitTrailingValues(text: string, a: number, b: number, out: [number, number][]): void {
  // the tokens of the piece, from its end, while they are values
  const tokens: [number, number][] = [];
  let end = b;
  while (end > a) {
    let start = end;
    while (start > a && end - start <= MAX_VALUE_LENGTH && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    if ((start > a && !isSpaceCode(text.charCodeAt(start - 1))) || !isValueToken(text.slice(start, end))) break;
    tokens.push([start, end]);
    let k = start;
    while (k > a && isSpaceCode(text.charCodeAt(k - 1))) k--;
    end = k;
  }
  const allValues = end <= a;
  if (tokens.length < 2 && !(allValues && tokens.length === 1)) {
    out.push([a, b]);
    return;
  }
  if (!allValues) out.push([a, end]);
  for (let t = tokens.length - 1; t >= 0; t--) out.push(tokens[t]);
}

const KINDS: TableKind[] = ['applications', 'active', 'review'];
/** The last character of a sentence or a clause: a piece ending so is text, not a cell. */
const CLAUSE_END = '。；;，,：:！？!?、';

/**
 * Whether the pieces of a line are cells of a table: none ends like a clause, and each is a value, a label of one
 * of the official tables or one or two characters (a vertical cell split by a conversion: 开). A sentence with
 * double spaces (本年度共收到申请  5件，办结  5件。) or a date (2022年  1月  1日) stays one piece of text, as it
 * was before this layout was read.
 */
function tabular(text: string, cells: [number, number][]): boolean {
  for (const [a, b] of cells) {
    if (CLAUSE_END.includes(text.charAt(b - 1))) return false;
    const piece = text.slice(a, b);
    if (piece.length <= 2 || isValueToken(piece)) continue;
    if (!KINDS.some((k) => matchLabel(piece, k).length > 0)) return false;
  }
  return true;
}

/**
 * The cells of a table row whose cells are separated by spaces instead of tabs (a table copied from a PDF viewer or
 * aligned by hand), as [start, end) pairs: the pieces of splitSpaced, when they are tabular; else null.
 */
export function spacedCells(text: string): [number, number][] | null {
  if (!maySplit(text)) return null;
  const cells = splitSpaced(text);
  return cells && tabular(text, cells) ? cells : null;
}

/** A table row separated by spaces that holds a number (a heading followed by numbers is such a row, no heading). */
export function isSpacedRowWithNumbers(text: string): boolean {
  const cells = spacedCells(text);
  return cells !== null && cells.some(([a, b]) => isNumberToken(text.slice(a, b)));
}

/** The row of a line whose cells are separated by spaces, or null (past readRows' quick test; kept out of line). */
function spacedRow(text: string, line: number): PhysRow | null {
  const cells = splitSpaced(text);
  if (!cells || !tabular(text, cells)) return null;
  return { fields: mapped(cells, ([a, b]) => fieldOf(text, line, a, b)), firstLine: line, lastLine: line };
}

export function readRows(lines: string[], first: number, last: number, directives = true): { rows: PhysRow[]; layout: Layout } {
  const rows: PhysRow[] = [];
  let block: PhysRow | null = null;
  let prevWasBlockLine = false;
  let tabs = 0;
  let cells = 0;
  let md = 0;
  let spacedRows = 0;
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
    if (!(block && prevWasBlockLine && block.fields.length > 0) && maySplit(text)) {
      const spaced = spacedRow(text, i);
      if (spaced) {
        spacedRows++;
        block = null;
        prevWasBlockLine = false;
        rows.push(spaced);
        continue;
      }
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
  let loneNumbers = 0;
  if (spacedRows > 0) for (const r of rows) if (r.fields.length === 1 && isNumberToken(r.fields[0].text)) loneNumbers++;
  // rows of cells separated by spaces make a table of their own kind unless numbers on lines of their own (PDF
  // text, read as a stream) are as many
  const layout: Layout =
    md > 0 && md >= tabs && md >= cells
      ? 'markdown'
      : cells > tabs + spacedRows
        ? 'cells'
        : tabs > 0 && tabs >= spacedRows
          ? 'tabs'
          : spacedRows > 0 && spacedRows >= loneNumbers
            ? 'spaces'
            : rows.length
              ? 'stream'
              : 'none';
  return { rows, layout };
}
