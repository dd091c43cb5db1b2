import type { Heading } from '../model';
import type { Fix, TextEdit } from '../types';
import { toChineseNumeral } from '../parser/lines';
import type { Rule } from '../rule';
import { documentRulesApply } from './document';
import { mapped } from '../arrays';

const RANK: Record<Heading['style'], number> = { cn: 1, 'paren-cn': 2, arabic: 3, 'paren-arabic': 4 };

function optional<T>(x: T | null): T[] {
  return x ? [x] : [];
}

function markerOf(style: Heading['style'], n: number): string {
  switch (style) {
    case 'cn':
      return `${toChineseNumeral(n)}、`;
    case 'paren-cn':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic':
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/**
 * "Renumber the whole sequence at that level": the peers of `list[at]` are the headings of the same level
 * (styles in `styles`) that follow one another, skipping deeper headings and stopping at a shallower one.
 * They are renumbered 1, 2, 3 … in `target` style, counting from the first peer.
 */
function renumberFix(list: Heading[], at: number, styles: Heading['style'][], target: Heading['style']): Fix | null {
  const rank = Math.min(...mapped(styles, (st) => RANK[st]));
  const isPeer = (h: Heading): boolean => styles.includes(h.style);
  const shallower = (h: Heading): boolean => !isPeer(h) && RANK[h.style] < rank;
  let a = at;
  for (let j = at - 1; j >= 0; j--) {
    if (shallower(list[j])) break;
    if (isPeer(list[j])) a = j;
  }
  const peers: Heading[] = [];
  for (let j = a; j < list.length; j++) {
    if (shallower(list[j])) break;
    if (isPeer(list[j])) peers.push(list[j]);
  }
  if (peers.length < 2) return null;
  const edits: TextEdit[] = [];
  peers.forEach((h, k) => {
    const want = markerOf(target, k + 1);
    if (h.marker !== want) edits.push({ range: h.markerRange, newText: want });
  });
  if (!edits.length) return null;
  return {
    title: { zh: `将本级${peers.length}项重新编号为「${markerOf(target, 1)}」至「${markerOf(target, peers.length)}」`, en: `Renumber the ${peers.length} items of this level ${markerOf(target, 1)}–${markerOf(target, peers.length)}` },
    edits,
    preferred: false,
  };
}

export const numbering: Rule = {
  meta: {
    id: 'numbering',
    category: 'format',
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: { zh: '序号层级混用、重复或跳号', en: 'Numbering styles mixed within one level, or ordinals duplicated or skipped' },
    details: {
      zh:
        '公文的序号层级依次为“一、”“（一）”“1.”“（1）”。同一层级的各项应使用同一种序号并连续编号：不能前两项写“（1）（2）”、后面接着写“（三）（四）”，也不能重复或跳号。正文中“一是……二是……三是……”的列举同样应连续，不能出现“一是……三是……三是……”。每处问题标在有问题的序号上。',
      en:
        'Official documents number their levels 一、 / （一） / 1. / （1）. Items of one level use one style and consecutive ordinals: not （1）（2） followed by （三）（四）, no duplicates, no gaps. The same holds for 一是…二是…三是 enumerations inside paragraphs. Each finding is placed on the offending marker.',
    },
    examples: { wrong: '（1）优化政务公开平台建设。\n（2）完善政务工作机制。\n（三）加大主动公开力度。', right: '（一）优化政务公开平台建设。\n（二）完善政务工作机制。\n（三）加大主动公开力度。' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    // headings of levels 2–4, grouped by section
    const starts = mapped(model.sections, (s) => s.startLine);
    const groups = new Map<number, Heading[]>();
    for (const h of model.headings) {
      if (h.level === 1) continue;
      // the last section starting at or before the heading (sections are in line order): binary search, so
      // that a document of thousands of sections and headings is not quadratic
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= h.line) lo = mid + 1;
        else hi = mid;
      }
      const g = lo - 1;
      const list = groups.get(g) ?? [];
      list.push(h);
      groups.set(g, list);
    }
    for (const list of groups.values()) {
      const last = new Map<Heading['style'], Heading>();
      const mixedDone = new Set<Heading>();
      for (let i = 0; i < list.length; i++) {
        const h = list[i];
        for (const [style] of last) if (RANK[style] > RANK[h.style]) last.delete(style);
        const prevSame = last.get(h.style);
        const before = i > 0 ? list[i - 1] : null;
        if (!prevSame) {
          if (h.ordinal > 1 && before && before.style !== h.style && before.ordinal === h.ordinal - 1 && !mixedDone.has(before)) {
            // the items before were numbered in another style: （1）（2） then （三）
            const run: Heading[] = [];
            for (let j = i - 1; j >= 0 && list[j].style === before.style; j--) {
              run.unshift(list[j]);
              if (list[j].ordinal === 1) break;
            }
            for (const r of run) {
              mixedDone.add(r);
              const want = markerOf(h.style, r.ordinal);
              ctx.report({
                range: r.markerRange,
                message: {
                  zh: `同一层级的序号混用：此处写作「${r.marker}」，而同级的后续各项写作「${h.marker}」等，应统一为「${want}」。`,
                  en: `Numbering styles mixed within one level: "${r.marker}" here, "${h.marker}" for the following items; use "${want}".`,
                },
                related: [{ range: h.markerRange, message: { zh: `同级的「${h.marker}」`, en: `same-level item "${h.marker}"` } }],
                fixes: [
                  { title: { zh: `改为「${want}」`, en: `Change to "${want}"` }, edits: [{ range: r.markerRange, newText: want }], preferred: false },
                  ...optional(renumberFix(list, list.indexOf(r), [r.style, h.style], h.style)),
                ],
              });
            }
          }
        } else if (h.ordinal === prevSame.ordinal) {
          ctx.report({
            range: h.markerRange,
            message: { zh: `序号「${h.marker}」与第${prevSame.line + 1}行重复，应为「${markerOf(h.style, h.ordinal + 1)}」。`, en: `The ordinal "${h.marker}" repeats line ${prevSame.line + 1}; expected "${markerOf(h.style, h.ordinal + 1)}".` },
            related: [{ range: prevSame.markerRange, message: { zh: '前一个相同序号', en: 'the same ordinal before' } }],
            fixes: optional(renumberFix(list, i, [h.style], h.style)),
          });
        } else if (h.ordinal > prevSame.ordinal + 1) {
          ctx.report({
            range: h.markerRange,
            message: {
              zh: `序号跳号：「${prevSame.marker}」之后是「${h.marker}」，缺少「${markerOf(h.style, prevSame.ordinal + 1)}」。`,
              en: `Ordinal skipped: "${h.marker}" follows "${prevSame.marker}"; "${markerOf(h.style, prevSame.ordinal + 1)}" is missing.`,
            },
            fixes: optional(renumberFix(list, i, [h.style], h.style)),
          });
        } else if (h.ordinal < prevSame.ordinal && h.ordinal !== 1) {
          ctx.report({
            range: h.markerRange,
            message: { zh: `序号顺序颠倒：「${h.marker}」出现在「${prevSame.marker}」之后。`, en: `Ordinals out of order: "${h.marker}" after "${prevSame.marker}".` },
            fixes: optional(renumberFix(list, i, [h.style], h.style)),
          });
        }
        last.set(h.style, h);
      }
    }
    // 一是…二是…三是
    for (const seq of model.narrative.shiSequences) {
      const ms = seq.markers;
      for (let i = 1; i < ms.length; i++) {
        const a = ms[i - 1];
        const b = ms[i];
        if (b.ordinal === a.ordinal + 1) continue;
        const expected = `${toChineseNumeral(a.ordinal + 1)}是`;
        const zh =
          b.ordinal === a.ordinal
            ? `列举序号重复：「${a.text}」之后又是「${b.text}」，应为「${expected}」。`
            : b.ordinal > a.ordinal
              ? `列举序号跳号：「${a.text}」之后是「${b.text}」，缺少「${expected}」。`
              : `列举序号顺序颠倒：「${a.text}」之后是「${b.text}」。`;
        ctx.report({
          range: b.range,
          message: { zh, en: `Enumeration out of sequence: "${b.text}" follows "${a.text}"; expected "${expected}".` },
          related: [{ range: a.range, message: { zh: `前一项「${a.text}」`, en: `previous item "${a.text}"` } }],
          fixes: b.ordinal === a.ordinal || b.ordinal > a.ordinal ? [{ title: { zh: `改为「${expected}」`, en: `Change to "${expected}"` }, edits: [{ range: b.range, newText: expected }], preferred: false }] : [],
        });
        break;
      }
    }
  },
};
