/**
 * Random edits of real drafts, shared by the property tests (npm test, a slice) and the fuzzer (npm run fuzz):
 * typing, pasting and deleting as a writer would, plus the hostile cases of the performance issue — random
 * Unicode with surrogates and control characters, truncated tables, duplicated sections, numbers beyond 2^53,
 * "1e309", lone "-".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { draft } from './helpers';

const DIR = 'test/fixtures/seeds';
const CORPUS = 'test/fixtures/corpus';
const SEEDS = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort()
  .map((f) => readFileSync(join(DIR, f), 'utf8'));
const CORPUS_TEXTS = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
/** The five seeds, two generated drafts (Markdown, one cell per line 2019), then the PDF corpus. */
export const DOCS = [...SEEDS, draft({ layout: 'markdown' }), draft({ layout: 'cells', template: '2019' }), draft({ layout: 'spaces' }), ...CORPUS_TEXTS];

// ------------------------------------------------------------------------------------------------------------
// generators

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const astral = fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c)); // a surrogate pair
const lone = fc.constantFrom('\ud83d', '\ude00'); // half of a pair
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('\t', '\n', '\r\n', '\r', ' ', '\u3000', '0', '1', '7', '12', '-', '/', '—', '－', '|', '、', '。', '（', '）', '.', '１', '，') },
  { weight: 3, arbitrary: cjk },
  { weight: 2, arbitrary: fc.constantFrom('自然人', '总计', '（七）总计', '四、', '三、收到和处理政府信息公开申请情况', '1.属于国家秘密', '第二十条第（一）项', '\t0\t0\t0', '| 0 | 0 |', '2022年', '六、其他需要报告的事项') },
  { weight: 1, arbitrary: astral },
  { weight: 1, arbitrary: lone },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7e }).map((c) => String.fromCharCode(c)) },
);
const fragment = fc.array(piece, { minLength: 0, maxLength: 8 }).map((a) => a.join(''));

export type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; len: number; text: string }
  | { kind: 'cell'; which: number; text: string }
  | { kind: 'line'; which: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; len: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, text: fragment }),
  fc.record({ kind: fc.constant('replace' as const), at, len: fc.integer({ min: 1, max: 20 }), text: fragment }),
  // the edits that matter most for the tables: a number becomes blank, a placeholder, text or another number
  fc.record({ kind: fc.constant('cell' as const), which: fc.nat(), text: fc.constantFrom('', '/', '—', '-', '－', '１', '1.5', '约3件', '-3', '12', '0', ' ', '1,234') }),
  // a whole line removed (a row, a heading, a blank line between rows)
  fc.record({ kind: fc.constant('line' as const), which: fc.nat() }),
  // hostile numbers in a cell
  fc.record({ kind: fc.constant('cell' as const), which: fc.nat(), text: fc.constantFrom('9007199254740993', '123456789012345678901234567890', '1e309', '-', '−0', '0.0000001', 'NaN', 'Infinity') }),
  // control characters and random code units anywhere
  fc.record({ kind: fc.constant('insert' as const), at, text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  // a table cut short: everything after a point in the middle of the document is dropped
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0.3, max: 0.95, noNaN: true }) }),
  // a section pasted twice
  fc.record({ kind: fc.constant('duplicate' as const), at, len: fc.integer({ min: 50, max: 3000 }) }),
) as fc.Arbitrary<Edit>;

function applyRandom(text: string, e: Edit): string {
  const pos = (x: number): number => Math.floor(x * (text.length + 1));
  switch (e.kind) {
    case 'delete': {
      const a = pos(e.at);
      return text.slice(0, a) + text.slice(a + e.len);
    }
    case 'insert': {
      const a = pos(e.at);
      return text.slice(0, a) + e.text + text.slice(a);
    }
    case 'replace': {
      const a = pos(e.at);
      return text.slice(0, a) + e.text + text.slice(a + e.len);
    }
    case 'cell': {
      const nums = [...text.matchAll(/\d+/g)];
      if (!nums.length) return text;
      const m = nums[e.which % nums.length];
      return text.slice(0, m.index) + e.text + text.slice(m.index! + m[0].length);
    }
    case 'line': {
      const lines = text.split('\n');
      lines.splice(e.which % lines.length, 1);
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(e.at));
    case 'duplicate': {
      const a = pos(e.at);
      return text.slice(0, a + e.len) + text.slice(a, a + e.len) + text.slice(a + e.len);
    }
  }
}

/** A document (index into DOCS) and the edits made to it; the counterexample fast-check prints stays short. */
export const mutation = fc.record({ doc: fc.nat({ max: DOCS.length - 1 }), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) });
export const mutate = ({ doc, edits }: { doc: number; edits: Edit[] }): string => edits.reduce(applyRandom, DOCS[doc]);

// ------------------------------------------------------------------------------------------------------------

