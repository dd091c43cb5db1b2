/**
 * Property tests (fast-check): random edits of the seed reports, as a writer typing, pasting and deleting would make.
 * - lint never throws, no rule fails internally, and every range (finding, related, fix edit) lies in the document;
 * - every preferred fix applies cleanly, removes its finding and adds no error or warning.
 * A failing run prints the document index (DOCS: the five seeds, then two drafts) and the edits, plus the seed and
 * replay path: re-run with `fc.assert(…, { seed, path })` to reproduce.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits as coreApply, fixAllEdits, INTERNAL_ERROR_RULE, lint, type LintDiagnostic } from '../server/src/core';
import { citationsIn, enumerationLabel, isPageNumber, mayOccur, readShi, readYearClaims, SEARCHED_WORDS, startsWithHeading, UNIQUE_WORDS, wordsIn, type Run } from '../server/src/core/parser/narrative';
import { chineseNumeral, CN_NUMERAL_CHARS, isCnNumeralCode, isSpaceCode, SPACE_CHARS, splitByChars, splitLines, trimmedEnd } from '../server/src/core/parser/lines';
import { mayBeValue } from '../server/src/core/parser/fields';
import { isJsSpace, stripSpaces } from '../server/src/core/labels';
import { parseCellValue } from '../server/src/core/numbers';
import { mapped } from '../server/src/core/arrays';
import type { NarrativeNumber, NarrativeTopic, YearClaim } from '../server/src/core/model';
import { NarrativeStore, narrowForms, type NumberAt, type TextAt } from '../server/src/core/parser/narrative-items';
import { numberedWith } from '../server/src/core/rules/official-label';
import { utf8Text } from '../server/src/cli/read';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, linesOf, rangeInside } from './helpers';
import { mutate, mutation } from './mutations';

/** Reproducible by default; NIANBAO_FC_SEED / NIANBAO_FC_RUNS explore further (e.g. NIANBAO_FC_SEED=$RANDOM). */
const SEED = Number(process.env.NIANBAO_FC_SEED ?? 20241122);
const RUNS = Number(process.env.NIANBAO_FC_RUNS ?? 1);
const key = (d: LintDiagnostic): string => `${d.rule} ${d.message.zh}`;
function counts(ds: LintDiagnostic[], serious: boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (!serious || d.severity === 'error' || d.severity === 'warning') m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}

describe('properties of lint under random edits of the seeds', function () {
  this.timeout(60000);

  it('never throws, never fails internally, and keeps every range inside the document', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const r = lint(text);
        const lines = linesOf(text);
        assert.equal(r.model.lines.length, lines.length, 'the model splits lines as LSP does');
        for (const d of r.diagnostics) {
          assert.notEqual(d.rule, INTERNAL_ERROR_RULE, d.message.en);
          assert.ok(rangeInside(d.range, lines), `${d.rule} range ${JSON.stringify(d.range)}`);
          for (const x of d.related) assert.ok(rangeInside(x.range, lines), `${d.rule} related ${JSON.stringify(x.range)}`);
          for (const f of d.fixes) for (const e of f.edits) assert.ok(rangeInside(e.range, lines), `${d.rule} fix edit ${JSON.stringify(e.range)}`);
        }
      }),
      { numRuns: Math.round(200 * RUNS), seed: SEED },
    );
  });

  it('every preferred fix applies, removes its finding and adds no error or warning', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const before = lint(text).diagnostics;
        const all = counts(before, false);
        const serious = counts(before, true);
        for (const d of before) {
          for (const fix of d.fixes.filter((f) => f.preferred)) {
            const fixed = applyEdits(text, fix.edits);
            const after = lint(fixed).diagnostics;
            const k = key(d);
            assert.ok((counts(after, false).get(k) ?? 0) < all.get(k)!, `"${fix.title.zh}" leaves the finding: ${k}`);
            for (const [k2, n] of counts(after, true)) assert.ok(n <= (serious.get(k2) ?? 0), `"${fix.title.zh}" adds: ${k2}`);
          }
        }
      }),
      { numRuns: Math.round(1000 * RUNS), seed: SEED + 1 },
    );
  });

  it('fix-all applies cleanly, adds no error or warning, and is idempotent', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const r = lint(text);
        const once = coreApply(r.model, fixAllEdits(r));
        const r2 = lint(once);
        const serious = counts(r.diagnostics, true);
        for (const [k, n] of counts(r2.diagnostics, true)) assert.ok(n <= (serious.get(k) ?? 0), `fix-all adds: ${k}`);
        assert.equal(coreApply(r2.model, fixAllEdits(r2)), once, 'fix-all changed the text a second time');
      }),
      { numRuns: Math.round(200 * RUNS), seed: SEED + 2 },
    );
  });
});

describe('narrative keyword search (one pass over the long words, one over the short)', () => {
  const exact = (text: string): void => {
    const found = wordsIn(text);
    assert.deepEqual([...found].sort(), SEARCHED_WORDS.filter((w) => text.includes(w)).sort(), text);
    // a word not searched itself may occur whenever it does occur (its shorter word is found)
    for (const w of UNIQUE_WORDS) if (text.includes(w)) assert.ok(mayOccur(found, w), `${w} in ${text}`);
  };
  it('finds exactly the searched words a search for each word finds, whatever overlaps (random texts of words, their pieces and filler)', () => {
    const pieces = [...UNIQUE_WORDS, ...UNIQUE_WORDS.map((w) => w.slice(0, 1)), ...UNIQUE_WORDS.map((w) => w.slice(-1)), ...UNIQUE_WORDS.map((w) => w.slice(1)), '，', '。', '2023年', ' ', '任'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => exact(parts.join(''))),
      { numRuns: 3000, seed: 20261122 },
    );
    // overlaps built on purpose: a word straddling the end of another, a word inside another
    for (const text of ['问责任追究', '工作考核', '社会评议', '关于政府信息公开工作年度报告有关事项的通知书']) exact(text);
  });
  it('searches every word but those containing a shorter one; those are gated by it', () => {
    assert.deepEqual(UNIQUE_WORDS.filter((w) => !SEARCHED_WORDS.includes(w)).sort(), ['工作考核', '社会评议', '责任追究'].sort());
    assert.equal(mayOccur(new Set(['考核']), '工作考核'), true);
    assert.equal(mayOccur(new Set(), '工作考核'), false);
    assert.equal(mayOccur(new Set(), '其中'), true, 'a word not in the list is always looked for');
  });
});

describe('enumeration labels (punctuation trimmed by char codes)', () => {
  it('equal the regular-expression trim they replace, on random texts of punctuation, spaces, 以及/及/和 and words', () => {
    const pieces = ['：', ':', '，', ',', '、', '；', ';', ' ', '\u3000', '\u00a0', '\t', '\u2003', '以及', '及', '和', '以', '政策文件', '工作动态', '其他', '。', 'a'];
    const byRegex = (s: string): string => s.replace(/^[\s：:，,、；;]+|[\s：:，,、]+$/g, '').replace(/^(?:以及|及|和)/, '');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(3), fc.nat(3), (parts, pre, post) => {
        const inner = parts.join('');
        const text = 'x'.repeat(pre) + inner + 'y'.repeat(post);
        assert.equal(enumerationLabel(text, pre, pre + inner.length), byRegex(inner));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});

describe('一是、二是 markers (found from each 是)', () => {
  it('equal a regular-expression scan for ([一二三四五六七八九十]{1,2})是 with the same exclusions, on random texts', () => {
    const pieces = ['一', '二', '三', '十', '是', '否', '非', '指', '第', '，', '。', '要', 'a', ' ', '2'];
    const byRegex = (t: string): { ordinal: number; text: string; start: number }[] => {
      const out: { ordinal: number; text: string; start: number }[] = [];
      const re = /([一二三四五六七八九十]{1,2})是/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) {
        const prev = m.index > 0 ? t[m.index - 1] : '';
        if (prev && /[\u4e00-\u9fff]/.test(prev)) continue;
        const next = t[m.index + m[0].length] ?? '';
        if (next === '否' || next === '非' || next === '指') continue;
        out.push({ ordinal: chineseNumeral(m[1]), text: m[0], start: m.index });
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const run: Run = { text, pieces: [{ line: 0, char: 0, offset: 0, length: text.length }], section: null, startsHeading: false };
        const got = readShi(run).map((m) => ({ ordinal: m.ordinal, text: m.text, start: m.range.start.character }));
        assert.deepEqual(got, byRegex(text));
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });
});

describe('line splitting (native split for LF and CRLF texts)', () => {
  it('equals the character-by-character split on random texts of LF, CRLF, lone CR and text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '中', ' ', '\r', '\n', '\r\n', '\r\n\r\n', '\t'), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        const split = splitLines(t);
        assert.deepEqual(split, splitByChars(t), JSON.stringify(t));
        // each line is the text at its start, followed by a line terminator (or the end of the text)
        split.lines.forEach((line, i) => {
          const at = split.starts[i];
          assert.equal(t.slice(at, at + line.length), line, JSON.stringify(t));
          if (i === split.lines.length - 1) assert.equal(at + line.length, t.length, JSON.stringify(t));
          else assert.ok(['\n', '\r', '\r\n'].includes(t.slice(at + line.length, split.starts[i + 1])), JSON.stringify(t));
        });
        assert.equal(split.starts.length, split.lines.length);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
    const seeds = join('test', 'fixtures', 'seeds');
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) {
      const seed = readFileSync(join(seeds, f), 'utf8');
      for (const t of [seed, seed.replace(/\n/g, '\r\n'), seed.replace(/\n/g, '\r')]) assert.deepEqual(splitLines(t), splitByChars(t), f);
    }
  });
});

describe('trailing whitespace (long runs read backwards by a lookbehind)', () => {
  it('equals the character loop for any slice of random texts with long runs of every kind of space', () => {
    const loop = (s: string, from: number, to: number): number => {
      let b = to;
      while (b > from && isSpaceCode(s.charCodeAt(b - 1))) b--;
      return b;
    };
    const pieces = ['a', '4', '中', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2003', '\u1680', ' '.repeat(20), '\u3000'.repeat(17), ' \t'.repeat(12)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const s = parts.join('');
        const from = s.length ? x % (s.length + 1) : 0;
        const to = from + (s.length - from ? y % (s.length - from + 1) : 0);
        assert.equal(trimmedEnd(s, from, to), loop(s, from, to), JSON.stringify([s, from, to]));
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });
  it('reads backwards exactly the characters of isSpaceCode (every UTF-16 code unit)', () => {
    const cls = new RegExp(`[${SPACE_CHARS}]`);
    for (let c = 0; c <= 0xffff; c++) assert.equal(cls.test(String.fromCharCode(c)), isSpaceCode(c), c.toString(16));
  });
});

describe('narrative patterns with a cheaper start', () => {
  it('citations by number: the bracket-first search equals the pattern with the optional issuer in front', () => {
    const pieces = ['国办公开办函', '国办', '公开办函', ' ', '\u3000', '\t', '〔', '〕', '[', ']', '（', '）', '2019', '2021', '60', '30', '号', '文', '，'];
    const old = (t: string, notice: '2019' | '2021'): [number, number][] => {
      const re = notice === '2019' ? /(?:国办公开办函)?\s*[〔\[【(（［]\s*2019\s*[〕\]】)）］]\s*60\s*号/g : /(?:国办公开办函)?\s*[〔\[【(（［]\s*2021\s*[〕\]】)）］]\s*30\s*号/g;
      const out: [number, number][] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) out.push([m.index + (m[0].length - m[0].trimStart().length), m.index + m[0].length]);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const t = parts.join('');
        assert.deepEqual(citationsIn(t, '2019'), old(t, '2019'));
        assert.deepEqual(citationsIn(t, '2021'), old(t, '2021'));
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });

  it('page numbers and heading starts: the first-character guard never changes the answer', () => {
    const page = /^[\s\-—–－·]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—–－·]*$/;
    const heading = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;
    const pieces = ['第', '页', '一', '十', '二', '零', '两', '（', '）', '(', ')', '、', '.', '．', '-', '—', '–', '－', '·', ' ', '\u3000', '\t', '\u00a0', '\ufeff', '\u2003', '1', '12', '123', '１', '年', '本', 'a', '，', '：'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const t = parts.join('');
        assert.equal(isPageNumber(t), page.test(t), t);
        assert.equal(startsWithHeading(t), heading.test(t), t);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
    // the leading year of a run: its guard (a first bracket, space or digit) against the pattern
    const leadYear = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)][^。；;]{0,30}?[。：:])?\s*(\d{4})\s*年度?[，,]/;
    const yearPieces = ['（', '(', '一', '）', ')', '。', '：', ' ', '\u3000', '2023', '年', '度', '，', ',', '本', 'a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...yearPieces), { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        const run: Run = { text: t, pieces: [{ line: 0, char: 0, offset: 0, length: t.length }], section: null, startsHeading: false };
        const claims: YearClaim[] = [];
        readYearClaims(run, claims);
        const got = claims.filter((y) => y.kind === 'lead').map((y) => y.year);
        const m = leadYear.exec(t);
        assert.deepEqual(got, m ? [parseInt(m[1], 10)] : [], t);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });
});

describe('Chinese numerals read by char code', () => {
  it('isCnNumeralCode holds exactly for the characters 一…十, over the whole BMP', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isCnNumeralCode(c), CN_NUMERAL_CHARS.includes(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
  it('chineseNumeral equals a reading through a table of digit characters, on random strings of numerals and other characters', () => {
    const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
    const byTable = (s: string): number => {
      const ten = s.indexOf('十');
      if (ten < 0) return [...s].reduce((v, ch) => v * 10 + (digits[ch] ?? 0), 0);
      const tens = ten === 0 ? 1 : digits[s[0]] ?? 0;
      const ones = ten === s.length - 1 ? 0 : digits[s[ten + 1]] ?? 0;
      return tens * 10 + ones;
    };
    assert.equal(chineseNumeral('十'), 10);
    assert.equal(chineseNumeral('十二'), 12);
    assert.equal(chineseNumeral('二十一'), 21);
    assert.equal(chineseNumeral('两'), 2);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'零〇一二两三四五六七八九十是a'), { maxLength: 4 }), (parts) => {
        const s = parts.join('');
        assert.equal(chineseNumeral(s), byTable(s));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});

describe('label fast paths', () => {
  it('isJsSpace is exactly the \\s of regular expressions, over the whole BMP', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
  it('stripSpaces equals the regular-expression replace, on random texts of spaces of every kind and words', () => {
    const pieces = [' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2003', '\u2028', '\f', '社会', '公益', '(一)', '1.', '、'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        assert.equal(stripSpaces(s), s.replace(/[\s\u3000\u00a0\ufeff]+/g, ''));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
  it('numberedWith equals /^\\d{1,2}、/ and /^\\d{1,2}\\./ on random labels', () => {
    const pieces = ['1', '2', '0', '9', '、', '.', '．', '１', ' ', '其他', 'x', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        assert.equal(numberedWith(s, 0x3001), /^\d{1,2}、/.test(s), s);
        assert.equal(numberedWith(s, 46), /^\d{1,2}\./.test(s), s);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });
  it('a field mayBeValue rejects is never read as a number or placeholder', () => {
    const pieces = ['无', '空', '予以', '（一）', '(', '）', '1', '０', '-', '—', '/', ' ', '\u3000', '件', '万元', '.', ',', 'x', '*'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const s = parts.join('');
        if (!mayBeValue(s)) assert.equal(parseCellValue(s).kind, 'invalid', s);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
    assert.equal(mayBeValue('无'), true);
    assert.equal(mayBeValue('空'), true);
    assert.equal(mayBeValue('（一）予以公开'), false);
    assert.equal(mayBeValue('自然人'), false);
  });
});

describe('mapped: Array.prototype.map built with push (core/arrays.ts)', () => {
  it('gives what map gives, on random arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (xs) => {
        const f = (x: number | string | null, i: number): string => `${i}:${String(x)}`;
        assert.deepEqual(mapped(xs, f), xs.map(f));
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });
  it('returns a packed array whether its caller runs in the interpreter or optimised (V8, in a child process)', () => {
    // the point of mapped: the map inlined by V8's optimising compiler returns a holey array, the built-in a packed one
    const script = `
      const mapped = ${mapped.toString()};
      function caller(a) { return mapped(a, (x) => ({ x })); }
      const src = [1, 2, 3];
      %PrepareFunctionForOptimization(caller);
      const before = %HasHoleyElements(caller(src));
      caller(src);
      %OptimizeFunctionOnNextCall(caller);
      const after = %HasHoleyElements(caller(src));
      console.log(JSON.stringify({ before, after, optimised: (%GetOptimizationStatus(caller) & 16) !== 0 }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { before: false, after: false, optimised: true });
  });
  it('the core calls mapped, never Array.prototype.map', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('arrays.ts'))
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((l, i) => {
              if (/\.map\(/.test(l)) offenders.push(`${p}:${i + 1}`);
            });
      }
    };
    walk(join('server', 'src', 'core'));
    assert.deepEqual(offenders, []);
  });
});

describe('CLI decoding (cli/read.ts)', () => {
  it('utf8Text decodes valid UTF-8 as toString does (random Unicode, astral characters, BOM inside, empty)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 50 }), fc.constant(''), fc.constant('\ufeff政府信息公开𠀀\u0000')), (s) => {
        const buf = Buffer.from(s, 'utf8');
        assert.equal(utf8Text(buf), buf.toString('utf8'));
      }),
      { seed: SEED, numRuns: 500 * RUNS },
    );
    const seeds = join('test', 'fixtures', 'seeds');
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) {
      const buf = readFileSync(join(seeds, f));
      assert.equal(utf8Text(buf), buf.toString('utf8'), f);
    }
  });
});

describe('the narrative store (parser/narrative-items.ts): packed views read back what objects keep', () => {
  // Arbitrary lines, and breakdowns and counts placed anywhere in them, as the reading would hand them over: a
  // text within one line is the half-width form of the line's slice; one running over a line break is given.
  const CHARS = ['工', '作', '动', '态', '共', '计', '其', '中', '条', '1', '2', '０', '９', 'Ａ', 'b', ' ', '\u3000', '，', '、', '。', '\t', '😀'];
  const UNITS = ['条', '件', '%', '万元'];
  const UNIT_INDEX = new Map(mapped(UNITS, (u, i) => [u, i] as const));
  const lineArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((cs) => cs.join(''));
  const doc = fc.array(lineArb, { minLength: 1, maxLength: 6 }).chain((lines) => {
    const textAt = fc
      .tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1), fc.nat(40), fc.nat(40), fc.string({ maxLength: 6 }))
      .map(([l1, l2, c1, c2, other]): TextAt => {
        const [line, endLine] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const character = Math.min(c1, lines[line].length);
        if (line === endLine) {
          const end = Math.max(character, Math.min(c2, lines[line].length));
          return { text: narrowForms(lines[line].slice(character, end)), line, character, endLine, endCharacter: end };
        }
        return { text: other, line, character, endLine, endCharacter: Math.min(c2, lines[endLine].length) };
      });
    const numberAt = fc
      .tuple(textAt, fc.oneof(fc.nat(), fc.double()), fc.constantFrom('', ...UNITS), fc.boolean())
      .map(([t, value, unit, approx]): NumberAt => ({ ...t, value, unit, approx }));
    const section = fc.option(fc.nat(9), { nil: null });
    const enumeration = fc.record({ keyword: textAt, total: numberAt, parts: fc.array(fc.record({ n: numberAt, label: fc.option(textAt, { nil: null }) }), { maxLength: 5 }), section });
    const topic = fc.constantFrom<NarrativeTopic>('received', 'carriedIn', 'carriedOut', 'disclosed', 'review', 'litigation', 'rules', 'normative');
    const count = fc.record({ topic, phrase: textAt, value: numberAt, carriedIn: fc.option(numberAt, { nil: null }), regional: fc.boolean(), section });
    return fc.record({ lines: fc.constant(lines), enumerations: fc.array(enumeration, { maxLength: 30 }), counts: fc.array(count, { maxLength: 30 }) });
  });
  const num = (n: NarrativeNumber) => ({ value: n.value, text: n.text, unit: n.unit, approx: n.approx, range: n.range });
  const snapshot = (s: NarrativeStore) => ({
    enumerations: mapped(s.enumerations, (e) => ({
      keyword: { text: e.keyword.text, range: e.keyword.range },
      total: num(e.total),
      parts: mapped(e.parts, (p) => ({ ...num(p), label: p.label })),
      range: e.range,
      section: e.section,
    })),
    counts: mapped(s.counts, (c) => ({ topic: c.topic, phrase: { text: c.phrase.text, range: c.phrase.range }, value: num(c.value), carriedIn: c.carriedIn && num(c.carriedIn), regional: c.regional, section: c.section })),
  });

  it('every breakdown and count reads the same packed as kept as objects, and as it was given', () => {
    fc.assert(
      fc.property(doc, ({ lines, enumerations, counts }) => {
        const objects = new NarrativeStore(lines, UNITS, UNIT_INDEX, Infinity);
        const packed = new NarrativeStore(lines, UNITS, UNIT_INDEX, 0);
        for (const s of [objects, packed]) {
          for (const e of enumerations) s.addEnumeration(e.keyword, e.total, e.parts, e.section);
          for (const c of counts) s.addCount(c.topic, c.phrase, c.value, c.carriedIn, c.regional, c.section);
        }
        const got = snapshot(packed);
        assert.deepEqual(got, snapshot(objects));
        // … and what was given: a span's text is the original (a number's and a label's the half-width form)
        const range = (t: TextAt) => ({ start: { line: t.line, character: t.character }, end: { line: t.endLine, character: t.endCharacter } });
        const original = (t: TextAt) => (t.line === t.endLine ? lines[t.line].slice(t.character, t.endCharacter) : t.text);
        assert.deepEqual(
          got.counts,
          mapped(counts, (c) => ({
            topic: c.topic,
            phrase: { text: original(c.phrase), range: range(c.phrase) },
            value: { value: c.value.value, text: c.value.text, unit: c.value.unit, approx: c.value.approx, range: range(c.value) },
            carriedIn: c.carriedIn && { value: c.carriedIn.value, text: c.carriedIn.text, unit: c.carriedIn.unit, approx: c.carriedIn.approx, range: range(c.carriedIn) },
            regional: c.regional,
            section: c.section,
          })),
        );
        assert.deepEqual(
          mapped(got.enumerations, (e) => [e.keyword.text, e.total.value, mapped(e.parts, (p) => [p.label, p.value, p.text])]),
          mapped(enumerations, (e) => [original(e.keyword), e.total.value, mapped(e.parts, (p) => [p.label ? p.label.text : '', p.n.value, p.n.text])]),
        );
      }),
      { numRuns: Math.round(300 * RUNS), seed: SEED + 40 },
    );
  });
});
