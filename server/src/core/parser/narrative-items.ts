/**
 * The objects the narrative reading hands to the rules, and the packed store of its breakdowns and counts.
 *
 * A long paste holds tens of thousands of numbers, spans and breakdowns, and the model is alive while a check
 * runs: every object it keeps is copied by the young-generation collector, once or twice per check. So the
 * items keep their ranges as plain numbers and make a Range only when asked for, and the breakdowns and counts,
 * the most numerous items of a pasted report, are kept as numbers in one list, from which a breakdown or a count
 * and its numbers are made each time they are read.
 */
import type { EnumerationPart, NarrativeCount, NarrativeNumber, NarrativeTopic, ShiMarker, Span, TextEnumeration, YearClaim } from '../model';
import { toHalfWidth } from '../numbers';
import type { Range } from '../types';
import { spanRange } from './lines';
import { mapped } from '../arrays';

/** Full-width forms that change what the extractors read: digits, letters, %, the full stop of decimals, U+3000. */
const WIDE_FORMS = /[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

/**
 * The text of a paragraph in the form the extractors read. Only a text holding full-width digits, letters or
 * spaces is converted to half-width; full-width punctuation alone (，：（）) is left as written, since every
 * pattern accepts both widths of it — converting each Chinese comma would cost more than all the reading.
 * The conversion maps each character to one character, so a slice converted equals the converted slice.
 */
export function narrowForms(s: string): string {
  return WIDE_FORMS.test(s) ? toHalfWidth(s) : s;
}

/**
 * An item that keeps its range as four numbers and makes the Range when asked for (a fresh plain object each
 * time): three objects per range (range, start, end) were a fifth of the model of a long paste.
 */
abstract class Located {
  constructor(
    private readonly line: number,
    private readonly character: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  get range(): Range {
    return spanRange(this.line, this.character, this.endLine, this.endCharacter);
  }
}

/** A span of the narrative: its original text and where it is. */
export class SpanRead extends Located implements Span {
  constructor(
    readonly text: string,
    line: number,
    character: number,
    endLine: number,
    endCharacter: number,
  ) {
    super(line, character, endLine, endCharacter);
  }
}

/** A marker 一是、二是 … of a paragraph: a span with its ordinal. */
export class ShiRead extends SpanRead implements ShiMarker {
  constructor(
    readonly ordinal: number,
    at: TextAt,
  ) {
    super(at.text, at.line, at.character, at.endLine, at.endCharacter);
  }
}

/** A year the narrative claims to report on, the range of its digits made when asked for. */
export class YearClaimRead extends Located implements YearClaim {
  constructor(
    readonly year: number,
    readonly kind: YearClaim['kind'],
    readonly section: number | null,
    digits: TextAt,
  ) {
    super(digits.line, digits.character, digits.endLine, digits.endCharacter);
  }

  get yearRange(): Range {
    return this.range;
  }
}

/** A number read from the narrative. */
class NumberRead extends Located implements NarrativeNumber {
  constructor(
    readonly value: number,
    readonly text: string,
    readonly unit: string,
    readonly approx: boolean,
    line: number,
    character: number,
    endLine: number,
    endCharacter: number,
  ) {
    super(line, character, endLine, endCharacter);
  }
}

/** A part of a breakdown: the number itself with its label (one object, not a label beside a number). */
class PartRead extends NumberRead implements EnumerationPart {
  constructor(
    readonly label: string,
    value: number,
    text: string,
    unit: string,
    approx: boolean,
    line: number,
    character: number,
    endLine: number,
    endCharacter: number,
  ) {
    super(value, text, unit, approx, line, character, endLine, endCharacter);
  }
}

/** Where a number is and what it is, as the narrative reading found it (the digits' range in the original lines). */
export interface NumberAt {
  value: number;
  /** the digits, half-width */
  text: string;
  unit: string;
  approx: boolean;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Where a text is in the original lines, and the text (half-width) for one that runs over a line break. */
export interface TextAt {
  text: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** The bits of an index within a chunk of PackedNumbers. */
const CHUNK_BITS = 13;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A list of numbers that only grows: the first 8,192 in a plain array (most documents need no more), the rest in
 * typed arrays of 8,192, outside the collected heap. One plain array grown by push past some hundred thousand
 * numbers was slow (about 80 ns a push: each growth of an array that large is a new large object), and numbers
 * kept in the heap are copied by the young-generation collector; a typed array costs a few microseconds to make,
 * which a small document would feel.
 */
class PackedNumbers {
  private readonly first: number[] = [];
  private readonly rest: Float64Array[] = [];
  /** numbers in the last typed array */
  private used = 0;

  get length(): number {
    return this.first.length + (this.rest.length === 0 ? 0 : (this.rest.length - 1) * CHUNK + this.used);
  }

  push(x: number): void {
    if (this.rest.length === 0 && this.first.length < CHUNK) {
      this.first.push(x);
      return;
    }
    if (this.rest.length === 0 || this.used === CHUNK) {
      this.rest.push(new Float64Array(CHUNK));
      this.used = 0;
    }
    this.rest[this.rest.length - 1][this.used++] = x;
  }

  get(i: number): number {
    if (i < CHUNK) return this.first[i];
    const j = i - CHUNK;
    return this.rest[j >>> CHUNK_BITS][j & (CHUNK - 1)];
  }
}

// Records in the store (offsets within a record):
// span: line, character, end line, end character, text (-1: read from its line; otherwise an index in `strings`,
// for a text running over a line break, which the lines alone cannot give back); a missing span has line -1
const SPAN = 5;
// number: value, unit (index in `units`, -1: none) × 2 + approx, then the span of its digits
const NUMBER = 2 + SPAN;
// breakdown: section (-1: none), number of parts, keyword span, total, then per part a number and a label span
const E_PARTS = 1;
const E_KEYWORD = 2;
const E_TOTAL = E_KEYWORD + SPAN;
const E_FIRST_PART = E_TOTAL + NUMBER;
const PART = NUMBER + SPAN;
// count: topic (TOPIC_INDEX), regional (0/1), section (-1: none), phrase span, value, carried in (0/1), its number
const C_REGIONAL = 1;
const C_SECTION = 2;
const C_PHRASE = 3;
const C_VALUE = C_PHRASE + SPAN;
const C_CARRIED = C_VALUE + NUMBER;

/**
 * The first breakdowns and counts of a narrative are kept as objects, the rest in the list: nearly every report
 * has a handful, and for them objects are the cheaper form (no list to fill, no view to read through, fewer
 * functions for the compiler to warm up), while a long paste keeps at most this many of each as objects.
 */
const AS_OBJECTS = 256;

/** Each topic's number as stored: a Record, so that a topic added to the model cannot be left out here. */
const TOPIC_INDEX: Record<NarrativeTopic, number> = { received: 0, carriedIn: 1, carriedOut: 2, disclosed: 3, review: 4, litigation: 5, rules: 6, normative: 7 };
const TOPICS: NarrativeTopic[] = [];
for (const t of Object.keys(TOPIC_INDEX) as NarrativeTopic[]) TOPICS[TOPIC_INDEX[t]] = t;

/** A part of a breakdown as the reading found it: its number and its label (null: no words before the number). */
export interface PartAt {
  n: NumberAt;
  label: TextAt | null;
}

/**
 * The 共…其中 breakdowns and the counts of one narrative, as numbers in one list. A pasted report repeating a
 * paragraph holds thousands of each, and kept as objects (a breakdown, its keyword, its total, its parts, their
 * strings; a count, its phrase, its number, their strings) they were about half of the objects the collector
 * copied for a 10 MB text. Here each is one small view onto the list; its numbers and spans are made each time
 * they are read, their texts sliced again from the original lines. The first AS_OBJECTS of each are objects.
 */
export class NarrativeStore {
  private readonly data = new PackedNumbers();
  private readonly strings: string[] = [];
  readonly enumerations: TextEnumeration[] = [];
  readonly counts: NarrativeCount[] = [];

  constructor(
    private readonly lines: readonly string[],
    /** the measure words the numbers may have, each stored as its index here */
    private readonly units: readonly string[],
    private readonly unitIndex: ReadonlyMap<string, number>,
    /** how many of each are kept as objects (a test packs all or none, to compare the two forms) */
    private readonly asObjects = AS_OBJECTS,
  ) {}

  addEnumeration(keyword: TextAt, total: NumberAt, parts: readonly PartAt[], section: number | null): void {
    if (this.enumerations.length < this.asObjects) {
      this.enumerations.push(new EnumerationRead(this.spanRead(keyword), numberRead(total), mapped(parts, (p) => partRead(p)), section));
      return;
    }
    const at = this.data.length;
    this.data.push(section ?? -1);
    this.data.push(parts.length);
    this.putSpan(keyword);
    this.putNumber(total);
    for (const p of parts) {
      this.putNumber(p.n);
      this.putSpan(p.label);
    }
    this.enumerations.push(new EnumerationView(this, at));
  }

  addCount(topic: NarrativeTopic, phrase: TextAt, value: NumberAt, carriedIn: NumberAt | null, regional: boolean, section: number | null): void {
    if (this.counts.length < this.asObjects) {
      this.counts.push({ topic, phrase: this.spanRead(phrase), value: numberRead(value), carriedIn: carriedIn && numberRead(carriedIn), regional, section });
      return;
    }
    const at = this.data.length;
    this.data.push(TOPIC_INDEX[topic]);
    this.data.push(regional ? 1 : 0);
    this.data.push(section ?? -1);
    this.putSpan(phrase);
    this.putNumber(value);
    this.data.push(carriedIn ? 1 : 0);
    if (carriedIn) this.putNumber(carriedIn);
    this.counts.push(new CountView(this, at));
  }

  /** A span as an object: its original text (the text of a TextAt is half-width) and where it is. */
  private spanRead(t: TextAt): SpanRead {
    const text = t.line === t.endLine ? this.lines[t.line].slice(t.character, t.endCharacter) : t.text;
    return new SpanRead(text, t.line, t.character, t.endLine, t.endCharacter);
  }

  private putSpan(t: TextAt | null): void {
    const d = this.data;
    const single = t !== null && t.line === t.endLine;
    d.push(t === null ? -1 : t.line);
    d.push(t === null ? 0 : t.character);
    d.push(t === null ? -1 : t.endLine);
    d.push(t === null ? 0 : t.endCharacter);
    d.push(single || t === null ? -1 : this.strings.push(t.text) - 1);
  }

  private putNumber(n: NumberAt): void {
    let unit = -1;
    if (n.unit !== '') {
      const u = this.unitIndex.get(n.unit);
      if (u === undefined) throw new Error(`not a unit of the store: ${n.unit}`);
      unit = u;
    }
    this.data.push(n.value);
    this.data.push(unit * 2 + (n.approx ? 1 : 0));
    this.putSpan(n);
  }

  // reading, for the views

  get(i: number): number {
    return this.data.get(i);
  }

  /** The text of the span at `i`: its original text, or its half-width form when `narrow` ('' for a missing span). */
  text(i: number, narrow: boolean): string {
    const d = this.data;
    const line = d.get(i);
    if (line < 0) return '';
    const kept = d.get(i + 4);
    if (kept >= 0) return this.strings[kept];
    const s = this.lines[line].slice(d.get(i + 1), d.get(i + 3));
    return narrow ? narrowForms(s) : s;
  }

  span(i: number): Span {
    const d = this.data;
    return new SpanRead(this.text(i, false), d.get(i), d.get(i + 1), d.get(i + 2), d.get(i + 3));
  }

  number(i: number): NarrativeNumber;
  number(i: number, label: string): EnumerationPart;
  number(i: number, label?: string): NarrativeNumber {
    const d = this.data;
    const flags = d.get(i + 1);
    const unitAt = Math.floor(flags / 2);
    const unit = unitAt < 0 ? '' : this.units[unitAt];
    const approx = (flags & 1) === 1;
    const s = i + 2;
    const text = this.text(s, true);
    return label === undefined
      ? new NumberRead(d.get(i), text, unit, approx, d.get(s), d.get(s + 1), d.get(s + 2), d.get(s + 3))
      : new PartRead(label, d.get(i), text, unit, approx, d.get(s), d.get(s + 1), d.get(s + 2), d.get(s + 3));
  }

  topic(i: number): NarrativeTopic {
    return TOPICS[this.data.get(i)];
  }
}

/** A number as an object. */
function numberRead(n: NumberAt): NumberRead {
  return new NumberRead(n.value, n.text, n.unit, n.approx, n.line, n.character, n.endLine, n.endCharacter);
}

/** A part of a breakdown as an object (its label is half-width, as the text of a TextAt). */
function partRead(p: PartAt): PartRead {
  const n = p.n;
  return new PartRead(p.label ? p.label.text : '', n.value, n.text, n.unit, n.approx, n.line, n.character, n.endLine, n.endCharacter);
}

/** A breakdown as an object; its range runs from the keyword to the last number. */
class EnumerationRead implements TextEnumeration {
  constructor(
    readonly keyword: Span,
    readonly total: NarrativeNumber,
    readonly parts: EnumerationPart[],
    readonly section: number | null,
  ) {}

  get range(): Range {
    const last = this.parts.length > 0 ? this.parts[this.parts.length - 1] : this.total;
    return { start: this.keyword.range.start, end: last.range.end };
  }
}

/** A section index as stored (-1: none). */
function sectionOf(s: number): number | null {
  return s < 0 ? null : s;
}

/**
 * A breakdown in the store. Its keyword, total and parts are made each time they are read (fresh objects, which
 * die young): read them once into a local where they are used more than once.
 */
class EnumerationView implements TextEnumeration {
  constructor(
    private readonly store: NarrativeStore,
    private readonly at: number,
  ) {}

  get keyword(): Span {
    return this.store.span(this.at + E_KEYWORD);
  }

  get total(): NarrativeNumber {
    return this.store.number(this.at + E_TOTAL);
  }

  get parts(): EnumerationPart[] {
    const n = this.store.get(this.at + E_PARTS);
    const out = new Array<EnumerationPart>(n);
    for (let k = 0; k < n; k++) {
      const i = this.at + E_FIRST_PART + k * PART;
      out[k] = this.store.number(i, this.store.text(i + NUMBER, true));
    }
    return out;
  }

  /** From the keyword to the end of the last number (the total's, when there are no parts). */
  get range(): Range {
    const st = this.store;
    const n = st.get(this.at + E_PARTS);
    const last = 2 + (n === 0 ? this.at + E_TOTAL : this.at + E_FIRST_PART + (n - 1) * PART);
    const k = this.at + E_KEYWORD;
    return spanRange(st.get(k), st.get(k + 1), st.get(last + 2), st.get(last + 3));
  }

  get section(): number | null {
    return sectionOf(this.store.get(this.at));
  }
}

/** A count in the store. Its phrase and numbers are made each time they are read, as for a breakdown. */
class CountView implements NarrativeCount {
  constructor(
    private readonly store: NarrativeStore,
    private readonly at: number,
  ) {}

  get topic(): NarrativeTopic {
    return this.store.topic(this.at);
  }

  get phrase(): Span {
    return this.store.span(this.at + C_PHRASE);
  }

  get value(): NarrativeNumber {
    return this.store.number(this.at + C_VALUE);
  }

  get carriedIn(): NarrativeNumber | null {
    return this.store.get(this.at + C_CARRIED) === 1 ? this.store.number(this.at + C_CARRIED + 1) : null;
  }

  get regional(): boolean {
    return this.store.get(this.at + C_REGIONAL) === 1;
  }

  get section(): number | null {
    return sectionOf(this.store.get(this.at + C_SECTION));
  }
}
