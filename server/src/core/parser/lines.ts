/** Splitting a document into lines and building exact ranges. */
import type { Position, Range } from '../types';

type Eol = '\n' | '\r\n' | '\r';

/**
 * The lines of a text, where each starts, and its usual line ending (the one most lines end with). Lines end at
 * LF, CRLF or a lone CR. LF and CRLF texts (Windows drafts) are split natively; only a text with a lone CR is read
 * character by character (measured on seed 001 with CRLF endings: 45 µs against 54 µs; a charCodeAt loop costs
 * about 5 ns per character on this VM).
 */
export function splitLines(text: string): SplitText {
  // the native split's array is the lines (CRLF texts: the CR of each piece cut off in place)
  const lines = text.split('\n');
  const hasCr = text.indexOf('\r') >= 0;
  // with CRs, each piece but the last ends with the CR of its CRLF or holds no CR at all (an LF ending)
  let crlf = 0;
  let offset = 0;
  const last = lines.length - 1;
  const starts = zeros(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    starts[i] = offset;
    offset += t.length + 1;
    if (!hasCr) continue;
    const at = t.indexOf('\r');
    if (at < 0) continue;
    if (at !== t.length - 1 || i === last) return splitByChars(text);
    lines[i] = t.slice(0, at);
    crlf++;
  }
  return { lines, starts, eol: eolOf(crlf, last - crlf, 0) };
}

/** Past this many lines, a list of numbers per line is a typed array (see zeros). */
const TYPED_FROM = 65_536;

/**
 * n zeros, to be filled in place: a plain array for a document of usual size, a typed array for a huge paste.
 * A typed array costs 3–4 µs to make (its storage is outside the collected heap), against well under 1 µs for a
 * plain array of a few hundred lines, a share of a small report's check. But a plain array of more than 100,000
 * slots is made a slow dictionary by V8, and one grown by push is copied as it grows: on a 10 MB paste
 * (194,000 lines) the offsets cost 23–42 ms that way, and 3–6 ms in a typed array.
 */
export function zeros(n: number): number[] | Uint32Array {
  return n > TYPED_FROM ? new Uint32Array(n) : new Array<number>(n).fill(0);
}

export interface SplitText {
  lines: string[];
  /** offset of each line's first character */
  starts: ArrayLike<number>;
  eol: Eol;
}

function eolOf(crlf: number, lf: number, cr: number): Eol {
  return crlf >= lf && crlf >= cr && crlf > 0 ? '\r\n' : cr > lf ? '\r' : '\n';
}

/** splitLines for a text holding a lone CR (exported for the tests: the reference the native split must equal). */
export function splitByChars(text: string): SplitText {
  const lines: string[] = [];
  const starts: number[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      starts.push(start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
        crlf++;
      } else if (c === 13) cr++;
      else lf++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  starts.push(start);
  return { lines, starts, eol: eolOf(crlf, lf, cr) };
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function spanRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** Whitespace of these documents: ASCII space and controls, U+3000, NBSP, BOM, form feed (by char code, no regex). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** The characters of isSpaceCode as the body of a regular-expression class (exported for the tests). */
export const SPACE_CHARS = ' \\t\\n\\v\\f\\r\\u3000\\u00a0\\ufeff\\u2028\\u2029';
/** Sticky at p: the run of whitespace that ends at p (group 1), read backwards from p up to the character before it. */
const RUN_BEFORE = new RegExp(`(?<=[^${SPACE_CHARS}]([${SPACE_CHARS}]*))`, 'dy');

/**
 * The end of s[from, to) without its trailing whitespace (isSpaceCode). A long run (a Word table line padded
 * with a thousand spaces, as line 90 of seed 001) is read backwards by the regular expression's lookbehind:
 * 1.4 µs for 1,041 spaces against 4.7 µs for the charCodeAt loop (exported for the tests).
 */
export function trimmedEnd(s: string, from: number, to: number): number {
  let b = to;
  for (let k = 0; k < 16; k++) {
    if (b <= from || !isSpaceCode(s.charCodeAt(b - 1))) return b;
    b--;
  }
  RUN_BEFORE.lastIndex = b;
  const m = RUN_BEFORE.exec(s);
  // no match: whitespace from the start of the text
  return m?.indices ? Math.max(from, m.indices[1][0]) : from;
}

/** An ASCII digit 0–9, by char code. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** The value of a Chinese digit character (零〇一二两三四五六七八九), or -1; by char code (no string lookup). */
function cnDigit(c: number): number {
  switch (c) {
    case 0x96f6: // 零
    case 0x3007: // 〇
      return 0;
    case 0x4e00: // 一
      return 1;
    case 0x4e8c: // 二
    case 0x4e24: // 两
      return 2;
    case 0x4e09: // 三
      return 3;
    case 0x56db: // 四
      return 4;
    case 0x4e94: // 五
      return 5;
    case 0x516d: // 六
      return 6;
    case 0x4e03: // 七
      return 7;
    case 0x516b: // 八
      return 8;
    case 0x4e5d: // 九
      return 9;
    default:
      return -1;
  }
}

const TEN = 0x5341; // 十

/** The characters of the ordinals 一…十 (headings 一、 and markers 一是 are written with them). */
export const CN_NUMERAL_CHARS = '一二三四五六七八九十';

/** Whether the char code is one of CN_NUMERAL_CHARS. */
export function isCnNumeralCode(c: number): boolean {
  return c === TEN || (c !== 0x96f6 && c !== 0x3007 && c !== 0x4e24 && cnDigit(c) > 0);
}

/** 一 → 1, 十二 → 12, 二十一 → 21 (up to 99); characters that are no digit count as 0. */
export function chineseNumeral(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) {
    let v = 0;
    for (let i = 0; i < s.length; i++) v = v * 10 + Math.max(0, cnDigit(s.charCodeAt(i)));
    return v;
  }
  const tens = ten === 0 ? 1 : Math.max(0, cnDigit(s.charCodeAt(0)));
  const ones = ten === s.length - 1 ? 0 : Math.max(0, cnDigit(s.charCodeAt(ten + 1)));
  return tens * 10 + ones;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二 (up to 99). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN[n] || '零';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN[tens]) + '十' + CN[ones];
}
