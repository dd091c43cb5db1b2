/**
 * Reading the narrative (the paragraphs outside the tables) once, for the document rules: the 落款,
 * the statistics period, cited format notices, "共N条，其中…" breakdowns, counts that the tables also
 * report, "一是…二是…" sequences, 信息处理费 and 第五十条第四项 mentions, conversion artefacts.
 *
 * Paragraphs that a PDF conversion wrapped over several lines are joined into runs first, so a sentence
 * broken in the middle of "2023 年 1 月 1 日" is still read; every item maps back to exact ranges.
 * All scanning is linear in the length of the text: literal anchors and bounded gaps only.
 */
import type {
  DateMention,
  Heading,
  KeywordMention,
  Narrative,
  NarrativeTopic,
  NoCaseClaim,
  NoticeCitation,
  Section,
  ShiMarker,
  Signature,
  Span,
  StatPeriod,
  YearClaim,
} from '../model';
import { toHalfWidth } from '../numbers';
import type { Range } from '../types';
import { chineseNumeral, isBlank, isCnNumeralCode, isDigitCode, isSpaceCode, range as lineRange, trimmedEnd } from './lines';
import { mapped } from '../arrays';
import { isJsSpace } from '../labels';
import { NarrativeStore, narrowForms, ShiRead, SpanRead, YearClaimRead, type NumberAt, type PartAt, type TextAt } from './narrative-items';

interface Piece {
  line: number;
  /** first character of the piece in its line */
  char: number;
  /** offset of the piece in the run text */
  offset: number;
  length: number;
}

/** Consecutive narrative lines joined into one text (a paragraph wrapped by a PDF conversion). */
export interface Run {
  /** the paragraphs' text, digits, letters and spaces in half-width (same length as the original: every character maps to one character) */
  text: string;
  pieces: Piece[];
  section: number | null;
  /** the run starts with a numbered heading */
  startsHeading: boolean;
}

const SENTENCE_END = '。；;！？!?';
const PAGE_NUMBER = /^[\s\-—–－·]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—–－·]*$/;

// V8 does not give up on some anchored patterns at the first character: a failed PAGE_NUMBER test reads the
// whole text (0.6 µs on a 290-character paragraph, against 0.1 µs without its optional tail). The characters
// each of these patterns can start with are known: any other first character rules the pattern out.

/** A page number line (第 3 页, - 3 -): it starts with a space, a dash, 第 or a digit (exported for the tests). */
export function isPageNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  return (isDigitCode(c) || isJsSpace(c) || c === 0x7b2c /* 第 */ || c === 45 || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0xb7) && PAGE_NUMBER.test(s);
}

/** The piece of a run that holds offset `off` (for an end offset, the character before it). */
function pieceAt(run: Run, off: number, end: boolean): Piece {
  const ps = run.pieces;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].offset <= off - (end ? 1 : 0)) lo = mid;
    else hi = mid - 1;
  }
  return ps[lo];
}

/** Column of offset `off` in the line of its piece. */
function columnIn(p: Piece, off: number): number {
  return p.char + Math.max(0, Math.min(p.length, off - p.offset));
}

function runRange(run: Run, a: number, b: number): Range {
  const ps = pieceAt(run, a, false);
  const start = { line: ps.line, character: columnIn(ps, a) };
  if (b <= a) return { start, end: start };
  const pe = pieceAt(run, b, true);
  return { start, end: { line: pe.line, character: columnIn(pe, b) } };
}

function spanOf(run: Run, a: number, b: number, original: string[]): Span {
  const ps = pieceAt(run, a, false);
  const pe = b > a ? pieceAt(run, b, true) : ps;
  const ca = columnIn(ps, a);
  const cb = b > a ? columnIn(pe, b) : ca;
  const text = ps.line === pe.line ? original[ps.line].slice(ca, cb) : run.text.slice(a, b);
  return new SpanRead(text, ps.line, ca, pe.line, cb);
}

const HEADING_START = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;

/** A text starting with a heading number (一、 （二） 3.), after spaces perhaps (exported for the tests). */
export function startsWithHeading(s: string): boolean {
  const c = s.charCodeAt(0);
  return (isCnNumeralCode(c) || isDigitCode(c) || c === 0xff08 /* （ */ || c === 40 || isJsSpace(c)) && HEADING_START.test(s);
}

/**
 * Join the paragraphs into runs and hand each run to `read` once it is complete. A paragraph continues the
 * previous one when that one does not end a sentence. The runs are not kept: a long paste has tens of thousands,
 * and runs kept to the end of the reading were copied by the young-generation collector like the model itself.
 */
function forEachRun(lines: string[], paragraphLines: number[], sections: Section[], read: (run: Run) => void): void {
  let cur: Run | null = null;
  // the section of each paragraph: the last one starting at or before its line
  let si = -1;
  let prevLine = -10;
  let prevText = '';
  for (const line of paragraphLines) {
    while (si + 1 < sections.length && sections[si + 1].startLine <= line) si++;
    const section = si >= 0 ? sections[si].official : null;
    const raw = lines[line];
    if (isPageNumber(raw)) continue;
    let a = 0;
    while (a < raw.length && isSpaceCode(raw.charCodeAt(a))) a++;
    const b = trimmedEnd(raw, a, raw.length);
    if (a === b) continue;
    const text = narrowForms(raw.slice(a, b));
    const startsHeading = startsWithHeading(text);
    let gapOk = line - prevLine <= 4;
    if (gapOk) {
      for (let i = prevLine + 1; i < line; i++) {
        const t = lines[i];
        if (!isBlank(t) && !isPageNumber(t)) gapOk = false;
      }
    }
    // (guarded: charAt(-1) of an empty text would send the optimised code back to the interpreter)
    const last = prevText.length > 0 ? prevText.charAt(prevText.length - 1) : '';
    const continues =
      cur !== null && gapOk && !startsHeading && cur.section === section && prevText.length >= 12 && !SENTENCE_END.includes(last) && last !== '：' && last !== ':' && raw.indexOf('\t') < 0;
    if (continues && cur) {
      cur.pieces.push({ line, char: a, offset: cur.text.length, length: b - a });
      cur.text += text;
    } else {
      if (cur) read(cur);
      cur = { text, pieces: [{ line, char: a, offset: 0, length: b - a }], section, startsHeading };
    }
    prevLine = line;
    prevText = text;
  }
  if (cur) read(cur);
}

// ---------------------------------------------------------------------------------------------
// numbers

const COUNT_UNITS = ['人次', '条', '件', '宗', '项', '次', '个', '篇', '份', '期', '场', '起', '家', '批', '部', '类', '名', '人', '户', '万次'];
const OTHER_UNITS = ['%', '年', '月', '日', '号', '元', '万元', '亿元', '页', '小时', '天'];
const ALL_UNITS = [...COUNT_UNITS, ...OTHER_UNITS];

/** A number read from a run, before its range is built (most numbers read are never reported). */
interface RawNumber {
  start: number;
  digitsEnd: number;
  /** end of the number with its unit */
  end: number;
  value: number;
  text: string;
  unit: string;
  approx: boolean;
}

/** Read the number starting at `i` (a digit) with its unit. */
function readNumber(t: string, i: number): RawNumber {
  let j = i;
  let commas = false;
  for (;;) {
    const c = t.charCodeAt(j);
    if (isDigitCode(c)) j++;
    else if ((c === 44 || c === 0xff0c) && isDigitCode(t.charCodeAt(j + 1)) && isDigitCode(t.charCodeAt(j + 2)) && isDigitCode(t.charCodeAt(j + 3))) {
      commas = true;
      j++;
    } else break;
  }
  let digitsEnd = j;
  if (t.charCodeAt(j) === 46 && isDigitCode(t.charCodeAt(j + 1))) {
    j++;
    while (isDigitCode(t.charCodeAt(j))) j++;
    digitsEnd = j;
  }
  const text = t.slice(i, digitsEnd);
  let value = Number(commas ? text.replace(/[,，]/g, '') : text);
  let k = digitsEnd;
  while (t[k] === ' ') k++;
  let approx = false;
  let unit = '';
  let mult = 1;
  const c0 = t[k];
  const c1 = t[k + 1];
  if ((c0 === '万' || c0 === '亿') && c1 === '元') {
    unit = c0 + c1;
    k += 2;
  } else {
    if (c0 === '万' && c1 !== '次') {
      mult = 1e4;
      k++;
    } else if (c0 === '亿') {
      mult = 1e8;
      k++;
    }
    if (t[k] === '余' || t[k] === '多') {
      approx = true;
      k++;
    }
    while (t[k] === ' ') k++;
    const u0 = t[k];
    if (u0 !== undefined && UNIT_FIRST.has(u0)) {
      for (const u of ALL_UNITS) {
        if (t.startsWith(u, k)) {
          unit = u;
          k += u.length;
          break;
        }
      }
    }
  }
  value *= mult;
  // the two characters before the number, whitespace skipped: 近/约/超/逾 make it approximate, 第 an ordinal
  let p = i - 1;
  const lo = Math.max(0, i - 2);
  while (p >= lo && isSpaceCode(t.charCodeAt(p))) p--;
  if (p >= lo) {
    const b = t[p];
    if (b === '近' || b === '约' || b === '超' || b === '逾') approx = true;
    if (b === '第') unit = '';
  }
  return { start: i, digitsEnd, end: k, value, text, unit, approx };
}

const UNIT_FIRST = new Set(mapped(ALL_UNITS, (u) => u[0]));

/** Where a raw number's digits are in the original lines. */
function numberAt(run: Run, n: RawNumber): NumberAt {
  const ps = pieceAt(run, n.start, false);
  const pe = pieceAt(run, n.digitsEnd, true);
  return { value: n.value, text: n.text, unit: n.unit, approx: n.approx, line: ps.line, character: columnIn(ps, n.start), endLine: pe.line, endCharacter: columnIn(pe, n.digitsEnd) };
}

/** Where run.text[a, b) is in the original lines, with its text (a < b: every caller reads a word, a label or digits). */
function textAt(run: Run, a: number, b: number): TextAt {
  const ps = pieceAt(run, a, false);
  const pe = pieceAt(run, b, true);
  return { text: run.text.slice(a, b), line: ps.line, character: columnIn(ps, a), endLine: pe.line, endCharacter: columnIn(pe, b) };
}

/** All numbers in run.text[from, to). */
function numbersIn(t: string, from: number, to: number): RawNumber[] {
  const out: RawNumber[] = [];
  let i = from;
  while (i < to) {
    if (isDigitCode(t.charCodeAt(i)) && !(i > 0 && isNumberTail(t.charCodeAt(i - 1)))) {
      const n = readNumber(t, i);
      out.push(n);
      i = Math.max(n.end, i + 1);
      continue;
    }
    i++;
  }
  return out;
}

/** A character after which a digit continues a number or a word (digits, '.', ASCII letters). */
function isNumberTail(c: number): boolean {
  return isDigitCode(c) || c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSentenceEnd(c: number): boolean {
  // 。；;！？!?
  return c === 0x3002 || c === 0xff1b || c === 59 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}

function sentenceBounds(t: string, at: number): { start: number; end: number } {
  let s = at;
  while (s > 0 && !isSentenceEnd(t.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < t.length && !isSentenceEnd(t.charCodeAt(e))) e++;
  return { start: s, end: e };
}

// ---------------------------------------------------------------------------------------------
// enumerations: 共N条，其中A…a条、B…b条

const TOTAL_KEYWORDS = ['共计', '总计', '合计', '总数', '总量', '累计', '共'];

const SPACE_CHAR = /\s/;
/** Punctuation (and whitespace) trimmed from the right of an enumeration label: ：:，,、 */
function isLabelTail(c: number): boolean {
  return c === 0xff1a || c === 58 || c === 0xff0c || c === 44 || c === 0x3001 || SPACE_CHAR.test(String.fromCharCode(c));
}
/** … and from its left: the same and ；; */
function isLabelLead(c: number): boolean {
  return c === 0xff1b || c === 59 || isLabelTail(c);
}
/** Where the label of an enumerated part is in t[from, to): punctuation trimmed, a leading 以及/及/和 dropped (one scan, no regex over the slice). */
function labelBounds(t: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isLabelLead(t.charCodeAt(a))) a++;
  while (b > a && isLabelTail(t.charCodeAt(b - 1))) b--;
  if (t.startsWith('以及', a) && a + 2 <= b) a += 2;
  else if (a < b && (t.charCodeAt(a) === 0x53ca /* 及 */ || t.charCodeAt(a) === 0x548c /* 和 */)) a++;
  return [a, b];
}

/** The label of an enumerated part, t[from, to) (exported for the tests). */
export function enumerationLabel(t: string, from: number, to: number): string {
  const [a, b] = labelBounds(t, from, to);
  return t.slice(a, b);
}

/** Each measure word's index, as the store keeps it. */
const UNIT_INDEX = new Map(mapped(ALL_UNITS, (w, i) => [w, i] as const));

/** A store for the breakdowns and counts of a text with these lines. */
function narrativeStore(lines: readonly string[]): NarrativeStore {
  return new NarrativeStore(lines, ALL_UNITS, UNIT_INDEX);
}

function readEnumerations(run: Run, out: NarrativeStore): void {
  const t = run.text;
  let from = 0;
  for (;;) {
    const at = t.indexOf('其中', from);
    if (at < 0) return;
    from = at + 2;
    const { start, end } = sentenceBounds(t, at);
    // the total: the last counted number before 其中, separated from it only by punctuation
    const before = numbersIn(t, Math.max(start, at - 60), at);
    const last = before[before.length - 1];
    if (!last || !COUNT_UNITS.includes(last.unit)) continue;
    const gap = t.slice(last.end, at).replace(/[\s，,：:（(]/g, '');
    if (gap.length > 2) continue;
    const head = t.slice(Math.max(start, last.start - 25), last.start);
    let kw = -1;
    let keyword = '';
    for (const k of TOTAL_KEYWORDS) {
      const p = head.lastIndexOf(k);
      if (p >= 0 && p > kw) {
        kw = p;
        keyword = k;
      }
    }
    if (kw < 0) continue;
    const kwAt = Math.max(start, last.start - 25) + kw;
    // the parts: counted numbers with the same unit up to the end of the sentence (or the next 其中)
    const next = t.indexOf('其中', at + 2);
    const stop = next >= 0 && next < end ? next : end;
    const parts: PartAt[] = [];
    let labelFrom = at + 2;
    for (const n of numbersIn(t, at + 2, stop)) {
      if (n.unit === last.unit) {
        const [a, b] = labelBounds(t, labelFrom, n.start);
        parts.push({ n: numberAt(run, n), label: a < b ? textAt(run, a, b) : null });
      }
      labelFrom = n.end;
    }
    out.addEnumeration(textAt(run, kwAt, kwAt + keyword.length), numberAt(run, last), parts, run.section);
  }
}

// ---------------------------------------------------------------------------------------------
// counts the tables also report

interface CountPattern {
  topic: NarrativeTopic;
  re: RegExp;
}

const COUNT_PATTERNS: CountPattern[] = [
  { topic: 'received', re: /(?:收到|受理|接收|新收)[^。；;，,\d]{0,24}?申请[^。；;，,\d]{0,8}?(?=\d)/g },
  { topic: 'disclosed', re: /予以公开[^。；;，,\d]{0,4}?(?=\d)/g },
  { topic: 'carriedOut', re: /结转(?:至|到)?下一?年度?[^。；;，,\d]{0,8}?(?=\d)/g },
  { topic: 'carriedIn', re: /(?:上一?年度?|上年)结转[^。；;，,\d]{0,10}?(?=\d)/g },
  { topic: 'review', re: /行政复议(?:案件)?[\s共计为：:]{0,4}(?=\d)/g },
  { topic: 'litigation', re: /行政诉讼(?:案件)?[\s共计为：:]{0,4}(?=\d)/g },
  { topic: 'rules', re: /规章(?:文件)?[\s共计：:]{0,3}(?=\d)/g },
  { topic: 'normative', re: /(?:行政规范性文件|规范性文件|政策文件)[\s共计：:]{0,3}(?=\d)/g },
];

const COUNT_WORDS = new Set(['件', '宗', '条', '个', '起', '份', '项', '篇']);
const NOT_PUBLISHED = /(清理|废止|审查|审核|备案|解读|梳理|起草|修订|评估|征求)[^。；;，,]{0,6}$/;

/** Words without which a pattern of COUNT_PATTERNS cannot match (checked with indexOf before the regex). */
const COUNT_TRIGGERS: Record<NarrativeTopic, string[]> = {
  received: ['申请'],
  disclosed: ['予以公开'],
  carriedOut: ['结转'],
  carriedIn: ['结转'],
  review: ['行政复议'],
  litigation: ['行政诉讼'],
  rules: ['规章'],
  normative: ['规范性文件', '政策文件'],
};

const DIGIT = /\d/;
/** The patterns with their trigger words, and one test for any trigger at all (most runs have none). */
const COUNT_CHECKS = mapped(COUNT_PATTERNS, (p) => ({ topic: p.topic, re: p.re, triggers: COUNT_TRIGGERS[p.topic] }));
const ANY_COUNT_TRIGGER = new RegExp([...new Set(Object.values(COUNT_TRIGGERS).flat())].join('|'));

function readCounts(run: Run, out: NarrativeStore): void {
  const t = run.text;
  if (!ANY_COUNT_TRIGGER.test(t)) return;
  for (const { topic, re, triggers } of COUNT_CHECKS) {
    let triggered = false;
    for (let i = 0; i < triggers.length && !triggered; i++) triggered = t.indexOf(triggers[i]) >= 0;
    if (!triggered) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) {
      const numAt = m.index + m[0].length;
      const raw = readNumber(t, numAt);
      const end = raw.end;
      if (!COUNT_WORDS.has(raw.unit) || raw.approx) continue;
      const { start, end: sEnd } = sentenceBounds(t, m.index);
      const lead = t.slice(Math.max(start, m.index - 12), m.index);
      if ((topic === 'rules' || topic === 'normative') && NOT_PUBLISHED.test(lead)) continue;
      if (topic === 'carriedIn' && /其中|含/.test(t.slice(Math.max(start, m.index - 4), m.index))) continue; // part of a 'received' count
      let carriedIn: NumberAt | null = null;
      if (topic === 'received') {
        const tail = t.slice(end, Math.min(sEnd, end + 40));
        const cm = /(?:其中|含)[^。；;\d]{0,4}?(?:上一?年度?|上年)结转[^。；;，,\d]{0,8}?(?=\d)/.exec(tail);
        if (cm) {
          const c = readNumber(t, end + cm.index + cm[0].length);
          if (COUNT_WORDS.has(c.unit)) carriedIn = numberAt(run, c);
        }
      }
      const regional = /全(?:市|区|县|省|镇|乡|旗|州|盟)/.test(t.slice(start, m.index));
      out.addCount(topic, textAt(run, m.index, m.index + m[0].replace(/[\s共计为：:]+$/, '').length), numberAt(run, raw), carriedIn, regional, run.section);
      re.lastIndex = Math.max(re.lastIndex, end);
    }
  }
}

const NO_CASE = /(?:未发生|没有发生|未出现|没有出现|未收到|没有收到|未有|未涉及)[^。；;]{0,24}?行政(?:复议|诉讼)/g;

function readNoCaseClaims(run: Run, out: NoCaseClaim[]): void {
  const t = run.text;
  if (t.indexOf('行政') < 0) return;
  NO_CASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NO_CASE.exec(t))) {
    const { end } = sentenceBounds(t, m.index);
    const window = t.slice(m.index, Math.min(end, m.index + m[0].length + 20));
    out.push({ range: runRange(run, m.index, m.index + m[0].length), review: window.includes('行政复议'), litigation: window.includes('行政诉讼') });
  }
}

// ---------------------------------------------------------------------------------------------
// 一是…二是…

/**
 * Markers 一是、二是 … 十二是: one or two Chinese numerals right before 是, not inside a longer word (a Chinese
 * character before them). Found from each 是 (one indexOf per marker, no scan of every character).
 */
export function readShi(run: Run): ShiMarker[] {
  const t = run.text;
  const out: ShiMarker[] = [];
  for (let p = t.indexOf('是'); p >= 0; p = t.indexOf('是', p + 1)) {
    if (p === 0 || !isCnNumeralCode(t.charCodeAt(p - 1))) continue;
    const start = p >= 2 && isCnNumeralCode(t.charCodeAt(p - 2)) ? p - 2 : p - 1;
    if (start > 0 && isIdeograph(t.charCodeAt(start - 1))) continue;
    const next = p + 1 < t.length ? t.charCodeAt(p + 1) : 0;
    if (next === 0x5426 /* 否 */ || next === 0x975e /* 非 */ || next === 0x6307 /* 指 */) continue;
    out.push(new ShiRead(chineseNumeral(t.slice(start, p)), textAt(run, start, p + 1)));
  }
  return out;
}

function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

// ---------------------------------------------------------------------------------------------
// dates, statistics period, signature

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function cnYear(s: string): number {
  if (/^\d{4}$/.test(s)) return parseInt(s, 10);
  let v = '';
  for (const ch of s) v += CN_DIGIT[ch] ?? '';
  return v.length === 4 ? parseInt(v, 10) : NaN;
}

function cnSmall(s: string | undefined): number | null {
  if (!s) return null;
  if (/^\d{1,2}$/.test(s)) return parseInt(s, 10);
  const v = chineseNumeral(s);
  return v > 0 ? v : null;
}

const DATE_LINE = /^[\s\u3000]*(\d{4}|[〇零ＯO一二三四五六七八九]{4})\s*年\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?)?)?[\s\u3000]*$/;

function readSignature(lines: string[], inTable: (line: number) => boolean): Signature | null {
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 6; i--) {
    const raw = lines[i];
    if (isBlank(raw) || isPageNumber(raw)) continue;
    if (inTable(i)) return null;
    seen++;
    const text = toHalfWidth(raw);
    const m = DATE_LINE.exec(text);
    if (!m) {
      if (text.trim().length > 40) return null;
      continue;
    }
    const year = cnYear(m[1]);
    if (!Number.isFinite(year) || year < 1990 || year > 2100) return null;
    const month = cnSmall(m[2]);
    const day = cnSmall(m[3]);
    const a = text.length - text.trimStart().length;
    const b = text.trimEnd().length;
    const yearAt = text.indexOf(m[1], a);
    const date: DateMention = {
      year,
      month: month !== null && month >= 1 && month <= 12 ? month : null,
      day: day !== null && day >= 1 && day <= 31 ? day : null,
      text: raw.slice(a, b),
      range: lineRange(i, a, b),
      yearRange: lineRange(i, yearAt, yearAt + m[1].length),
    };
    let body: Span | null = null;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const bt = lines[j];
      if (isBlank(bt)) continue;
      const tt = bt.trim();
      if (tt.length <= 40 && !/[。；;，,：:]/.test(tt) && !startsWithHeading(tt) && !inTable(j)) {
        const ba = bt.length - bt.trimStart().length;
        body = { text: tt, range: lineRange(j, ba, ba + tt.length) };
      }
      break;
    }
    return { body, date };
  }
  return null;
}

const PERIOD = /(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)+\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/g;

function readPeriods(run: Run, out: StatPeriod[]): void {
  const t = run.text;
  if (t.indexOf('31') < 0) return;
  PERIOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERIOD.exec(t))) {
    const sAt = m.index;
    const endYear = m[2];
    let end: StatPeriod['end'] = null;
    if (endYear) {
      const rel = m[0].lastIndexOf(endYear, m[0].lastIndexOf('12'));
      const at = m.index + rel;
      end = { year: parseInt(endYear, 10), range: runRange(run, at, at + 4) };
    }
    out.push({ range: runRange(run, m.index, m.index + m[0].length), start: { year: parseInt(m[1], 10), range: runRange(run, sAt, sAt + 4) }, end });
  }
}

// ---------------------------------------------------------------------------------------------
// citations, year claims, keywords, artefacts

/**
 * The notices' numbers, 〔2019〕60号 and 〔2021〕30号; a 国办公开办函 written before the bracket (spaces
 * between allowed) belongs to the citation. The bracket starts the search: a pattern starting with the
 * optional issuer would be tried at every character.
 */
const CITE_2019 = /[〔\[【(（［]\s*2019\s*[〕\]】)）］]\s*60\s*号/g;
const CITE_2021 = /[〔\[【(（［]\s*2021\s*[〕\]】)）］]\s*30\s*号/g;
const ISSUER = '国办公开办函';

/** Where a citation whose bracket is at `at` starts: at its 国办公开办函, or at the bracket. */
function citationStart(t: string, at: number): number {
  let k = at;
  while (k > 0 && isJsSpace(t.charCodeAt(k - 1))) k--;
  return k >= ISSUER.length && t.startsWith(ISSUER, k - ISSUER.length) ? k - ISSUER.length : at;
}

/** [start, end) of every citation of the notice's number in `t` (exported for the tests). */
export function citationsIn(t: string, notice: '2019' | '2021'): [number, number][] {
  const out: [number, number][] = [];
  if (t.indexOf(notice) < 0) return out;
  const re = notice === '2019' ? CITE_2019 : CITE_2021;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) out.push([citationStart(t, m.index), m.index + m[0].length]);
  return out;
}
const TITLE_2019 = '关于政府信息公开工作年度报告有关事项的通知';
const TITLE_2021 = '政府信息公开工作年度报告格式的通知';

function readCitations(run: Run, lines: string[], out: NoticeCitation[], has: (w: string) => boolean): void {
  const t = run.text;
  for (const notice of ['2019', '2021'] as const) {
    for (const [a, b] of citationsIn(t, notice)) out.push({ notice, by: 'number', span: spanOf(run, a, b, lines) });
  }
  for (const [title, notice] of [
    [TITLE_2019, '2019'],
    [TITLE_2021, '2021'],
  ] as const) {
    let from = 0;
    while (has(title)) {
      const at = t.indexOf(title, from);
      if (at < 0) break;
      from = at + title.length;
      out.push({ notice, by: 'title', span: spanOf(run, at, at + title.length, lines) });
    }
  }
}

const REPORT_YEAR = /(\d{4})\s*年度?[^。；;，,\d]{0,24}?政府信息公开(?:工作)?年度报告/g;
const LEAD_YEAR = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)][^。；;]{0,30}?[。：:])?\s*(\d{4})\s*年度?[，,]/;

/** A claim of the year whose four digits start at `at`. */
function yearClaim(run: Run, year: number, kind: YearClaim['kind'], at: number): YearClaim {
  return new YearClaimRead(year, kind, run.section, textAt(run, at, at + 4));
}

/** The years a run claims to report on (exported for the tests). */
export function readYearClaims(run: Run, out: YearClaim[]): void {
  const t = run.text;
  REPORT_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (t.indexOf('年度报告') >= 0 && (m = REPORT_YEAR.exec(t))) {
    out.push(yearClaim(run, parseInt(m[1], 10), 'report', m.index));
  }
  // (the pattern starts with a bracket, a space or a digit: see isPageNumber)
  const c = t.charCodeAt(0);
  const l = (isDigitCode(c) || c === 0xff08 /* （ */ || c === 40 || isJsSpace(c)) && t.indexOf('年') >= 0 ? LEAD_YEAR.exec(t) : null;
  if (l) {
    const at = l[0].lastIndexOf(l[1]);
    out.push(yearClaim(run, parseInt(l[1], 10), 'lead', at));
  }
}

function firstMention(run: Run, lines: string[], words: string[]): KeywordMention | null {
  let best = -1;
  let len = 0;
  for (const w of words) {
    const at = run.text.indexOf(w);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      len = w.length;
    }
  }
  return best < 0 ? null : { span: spanOf(run, best, best + len, lines), section: run.section };
}

const BOOKMARK = /[\[［]bookmark[:：][^\]］\n]{0,120}[\]］]/g;
const CHROME = /^(?:当前位置|您所在的位置|您的位置|所在位置)\s*[:：]|^首页\s*[>＞›»]|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|字号\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小|^分享到\s*[:：]|^(?:浏览|访问)(?:次数|量)\s*[:：]/;
/** First characters of the CHROME patterns anchored at the start of a line. */
const CHROME_FIRST = new Set(['当', '您', '所', '首', '分', '浏', '访']);
const PRE_2019 = ['政府信息公开情况统计表', '指标名称', '计量单位', '受理依申请公开信息总数', '同意公开答复数', '政府信息公开的收费及减免情况'];

// ---------------------------------------------------------------------------------------------
// which words occur in the document at all: one scan decides which extractors need to look at each run

const ASSESSMENT = ['工作考核', '考核'];
const REVIEW = ['社会评议', '评议'];
const ACCOUNTABILITY = ['责任追究', '追究', '问责'];

/** Words of this many characters or more are searched by a pattern of their own. */
const LONG_WORD = 6;

/**
 * Words an extractor looks for literally that most reports do not contain (width conversion never changes
 * them): one search of a run for all of them spares every extractor its own search of it, and a run holding
 * none (nearly all) is not searched for any of them again. Words nearly every report contains (其中, 申请, 行政,
 * 是 …) are not in the list: the extractor that needs one looks for it itself.
 */
const WORDS = [TITLE_2019, TITLE_2021, '处理费', ...ASSESSMENT, ...REVIEW, ...ACCOUNTABILITY, '打印', '关闭', '字号', ...PRE_2019];
/** The rare words, each once (exported for the tests). */
export const UNIQUE_WORDS = [...new Set(WORDS)];
/**
 * A short word containing another word of the list (工作考核 contains 考核) is not searched itself: it can
 * only occur where the word it contains does, and whoever needs it looks for it literally anyway.
 */
const GATE = new Map<string, string>();
for (const w of UNIQUE_WORDS) {
  // the shortest word within it: that one contains no other word, so it is searched
  let gate = w;
  if (w.length < LONG_WORD) for (const c of UNIQUE_WORDS) if (c.length < gate.length && w.includes(c)) gate = c;
  GATE.set(w, gate);
}
/** The words actually searched (exported for the tests). */
export const SEARCHED_WORDS = UNIQUE_WORDS.filter((w) => GATE.get(w) === w);

/**
 * Whether a word may occur in a text whose searched words found are `found`: for a searched word, whether it
 * occurs; for a word found through a shorter one, whether that one occurs; a word not in the list, always.
 */
export function mayOccur(found: ReadonlySet<string>, w: string): boolean {
  const gate = GATE.get(w);
  return gate === undefined || found.has(gate);
}

/**
 * One regular expression for the long words and one for the short ones, each longest first: irregexp skips
 * ahead by the length of the shortest word of a pattern, so the long words alone are searched three to four
 * times as fast as all the words together (15.7 µs for all of 001's narrative, 9.8 µs for the two).
 */
function wordPattern(words: string[]): RegExp {
  return new RegExp(
    mapped(
      [...words].sort((a, b) => b.length - a.length),
      (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    ).join('|'),
    'g',
  );
}

/**
 * For each word, the other words of its pattern that may start inside it (offset, word): those that agree
 * with the rest of the word from that offset on (a word within it, or one running past its end).
 */
function wordsInside(words: string[]): Map<string, [number, string][]> {
  const inside = new Map<string, [number, string][]>();
  for (const a of words) {
    const list: [number, string][] = [];
    for (let k = 0; k < a.length; k++) {
      const rest = a.slice(k);
      for (const w of words) if (!(k === 0 && w === a) && (rest.startsWith(w) || w.startsWith(rest))) list.push([k, w]);
    }
    if (list.length) inside.set(a, list);
  }
  return inside;
}

interface WordSearch {
  re: RegExp;
  inside: Map<string, [number, string][]>;
}
const WORD_SEARCHES: WordSearch[] = mapped([SEARCHED_WORDS.filter((w) => w.length >= LONG_WORD), SEARCHED_WORDS.filter((w) => w.length < LONG_WORD)], (words) => ({
  re: wordPattern(words),
  inside: wordsInside(words),
}));
const NOTHING_INSIDE: readonly [number, string][] = [];
const NO_WORDS: readonly string[] = [];

/**
 * The searched words that occur in `text`. Each regular expression tries every position outside its matches;
 * a word starting inside a match (one running on past the match's end) is looked for there.
 */
export function wordsIn(text: string, out = new Set<string>()): Set<string> {
  for (const { re, inside } of WORD_SEARCHES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      out.add(m[0]);
      for (const [k, w] of inside.get(m[0]) ?? NOTHING_INSIDE) if (!out.has(w) && text.startsWith(w, m.index + k)) out.add(w);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function readNarrative(lines: string[], paragraphLines: number[], sections: Section[], headings: Heading[], tableLines: ArrayLike<number>): Narrative {
  // the rare words are looked for where they are used, run by run (a paragraph wrapped over lines is one run, so
  // a word broken by a line break is found too); the tables are not read again
  const words = new Set<string>();
  const has = (w: string): boolean => mayOccur(words, w);
  let chromeWords = false;
  const store = narrativeStore(lines);
  const n: Narrative = {
    enumerations: store.enumerations,
    counts: store.counts,
    noCaseClaims: [],
    shiSequences: [],
    signature: null,
    periods: [],
    citations: [],
    yearClaims: [],
    feeMentions: [],
    oversight: { assessment: null, review: null, accountability: null },
    artefacts: [],
    preFormatMarkers: [],
  };
  const headingLines = new Set<number>();
  for (const h of headings) if (h.level <= 2) headingLines.add(h.line);
  for (const s of sections) headingLines.add(s.heading.line);
  let seq: { section: number | null; markers: ShiMarker[] } | null = null;
  forEachRun(lines, paragraphLines, sections, (run) => {
    if (words.size > 0) words.clear();
    wordsIn(run.text, words);
    // most runs hold none of the rare words: then none of the searches below that need one is made
    const rare = words.size > 0;
    if (rare) chromeWords ||= has('打印') || has('关闭') || has('字号');
    readEnumerations(run, store);
    // counts and years need a digit: one test for both
    const digits = DIGIT.test(run.text);
    if (digits) readCounts(run, store);
    readNoCaseClaims(run, n.noCaseClaims);
    if (digits) readPeriods(run, n.periods);
    if (run.text.indexOf('号') >= 0 || run.text.indexOf('通知') >= 0) readCitations(run, lines, n.citations, has);
    if (digits) readYearClaims(run, n.yearClaims);
    if (run.pieces.some((p) => headingLines.has(p.line)) || (seq && seq.section !== run.section)) seq = null;
    for (const mk of readShi(run)) {
      if (mk.ordinal === 1 || !seq) {
        seq = { section: run.section, markers: [] };
        n.shiSequences.push(seq);
      }
      seq.markers.push(mk);
    }
    let from = 0;
    while (rare && has('处理费')) {
      const at = run.text.indexOf('处理费', from);
      if (at < 0) break;
      from = at + 3;
      const a = run.text.slice(Math.max(0, at - 2), at) === '信息' ? at - 2 : at;
      n.feeMentions.push({ span: spanOf(run, a, at + 3, lines), section: run.section });
    }
    const o = n.oversight;
    if (rare && !o.assessment && ASSESSMENT.some(has)) o.assessment = firstMention(run, lines, ASSESSMENT);
    if (rare && !o.review && REVIEW.some(has)) o.review = firstMention(run, lines, REVIEW);
    if (rare && !o.accountability && ACCOUNTABILITY.some(has)) o.accountability = firstMention(run, lines, ACCOUNTABILITY);
    // (a regular expression call per run costs more than its scan: most runs hold no bookmark at all)
    BOOKMARK.lastIndex = 0;
    let m: RegExpExecArray | null;
    if (run.text.indexOf('bookmark') >= 0)
      while ((m = BOOKMARK.exec(run.text))) n.artefacts.push({ kind: 'bookmark', span: spanOf(run, m.index, m.index + m[0].length, lines) });
    for (const w of rare && n.preFormatMarkers.length < 20 ? PRE_2019 : NO_WORDS) {
      const at = has(w) ? run.text.indexOf(w) : -1;
      if (at >= 0) n.preFormatMarkers.push(spanOf(run, at, at + w.length, lines));
    }
  });
  for (const line of paragraphLines) {
    const text = lines[line];
    if (text.length > 200) continue;
    // web-page chrome starts with one of these characters or contains 打印/关闭/字号: skip the rest unconverted
    const first = text.trimStart().charAt(0);
    if (!CHROME_FIRST.has(first) && !(chromeWords && (text.indexOf('打印') >= 0 || text.indexOf('关闭') >= 0 || text.indexOf('字号') >= 0))) continue;
    const t = toHalfWidth(text);
    if (CHROME.test(t.trim())) {
      const a = t.length - t.trimStart().length;
      const b = t.trimEnd().length;
      n.artefacts.push({ kind: 'chrome', span: { text: text.slice(a, b), range: lineRange(line, a, b) } });
    }
  }
  n.signature = readSignature(lines, (i) => tableLines[i] === 1);
  return n;
}
