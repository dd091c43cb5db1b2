import { LazyFix } from '../lazyfix';
import type { ReportModel, Section } from '../model';
import { renderTable, type SkeletonLayout } from '../skeleton';
import { toChineseNumeral } from '../parser/lines';
import type { Rule } from '../rule';
import { expectedTemplate, SECTIONS, TEMPLATES, type TemplateId } from '../templates';
import type { Fix, RelatedInfo, TextEdit } from '../types';
import { documentRulesApply, lastTextRange } from './document';
import { mapped } from '../arrays';

const official = (n: number): string => `${toChineseNumeral(n)}、${SECTIONS.find((s) => s.number === n)?.heading ?? ''}`;
const ALL = mapped(SECTIONS, (s) => official(s.number)).join('；');
/** At most this many displaced sections are named with an extra one. */
const SHOWN = 8;
const written = (s: Section): string => `${s.heading.marker}${s.heading.title}`;

export const sectionStructure: Rule = {
  meta: {
    id: 'section-structure',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: { zh: '报告应恰好由六个部分组成（一至六，顺序和序号正确）', en: 'The report must consist of exactly the six sections 一 to 六, in order' },
    details: {
      zh:
        `年度报告格式规定了六个部分：${ALL}。《条例》第五十条要求报告内容“不能遗漏，也不宜泛化”。缺少某一部分、增加格式之外的编号部分（例如把“信息处理费统计情况”单列为“五、”，使后面的部分变成六、七）、序号重复或顺序颠倒都是错误。缺少的部分标在它应出现的位置（下一部分的标题，或文末）；多出的部分标在其标题上，其后因此错位的序号作为相关信息列出，不再逐条重复提示。信息处理费等其他事项应写在“六、其他需要报告的事项”中。`,
      en:
        'The format prescribes six sections (总体情况, 主动公开政府信息情况, 收到和处理政府信息公开申请情况, 政府信息公开行政复议、行政诉讼情况, 存在的主要问题及改进情况, 其他需要报告的事项). A missing section, an extra numbered section (e.g. 五、信息处理费统计情况 pushing the others to 六 and 七), duplicated or out-of-order numbers are errors. A missing section is reported where it belongs (the next heading, or the end of the text); an extra one on its heading, with the headings it displaced as related information.',
    },
    examples: {
      wrong: '四、政府信息公开行政复议、行政诉讼情况\n五、信息处理费统计情况\n六、存在的主要问题及改进情况\n七、其他需要报告的事项',
      right: '四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项（信息处理费情况写在这里）',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    const secs = model.sections;
    if (!secs.length) return;
    const handled = new Set<Section>();
    // extra sections (not one of the six); the official sections numbered wrongly after one are listed with it
    // (at most SHOWN of them: a long paste of repeated reports must not make this quadratic)
    const misnumbered: number[] = [];
    for (let k = 0; k < secs.length; k++) if (secs[k].official !== null && secs[k].number !== secs[k].official) misnumbered.push(k);
    let after = 0;
    for (let i = 0; i < secs.length; i++) {
      const s = secs[i];
      if (s.official !== null) continue;
      handled.add(s);
      while (after < misnumbered.length && misnumbered[after] <= i) after++;
      const count = misnumbered.length - after;
      for (let k = after; k < misnumbered.length && !handled.has(secs[misnumbered[k]]); k++) handled.add(secs[misnumbered[k]]);
      const displaced = mapped(misnumbered.slice(after, after + SHOWN), (k) => secs[k]);
      const more = count > displaced.length ? '等' : '';
      const fee = /收费|处理费/.test(s.heading.title);
      const related: RelatedInfo[] = mapped(displaced, (d) => ({
        range: d.heading.markerRange,
        message: { zh: `「${written(d)}」的序号应为「${toChineseNumeral(d.official!)}、」`, en: `"${written(d)}" should be numbered ${toChineseNumeral(d.official!)}、` },
      }));
      ctx.report({
        range: s.heading.range,
        message: {
          zh:
            `「${written(s)}」不是年度报告格式规定的六个部分之一（${ALL}）。` +
            (fee ? '信息处理费情况应写在“六、其他需要报告的事项”中，不单列一部分。' : '这部分内容应并入相应的部分。') +
            (count ? `其后${count}个部分的序号因此错位（${mapped(displaced, (d) => `${written(d)}应为${toChineseNumeral(d.official!)}、`).join('；')}${more}）。` : ''),
          en:
            `"${written(s)}" is not one of the six sections of the format.` +
            (fee ? ' The 信息处理费 (information processing fee) belongs in 六、其他需要报告的事项, not in a section of its own.' : ' Merge its content into the matching section.') +
            (count ? ` ${count} following section(s) are misnumbered as a result.` : ''),
        },
        related,
      });
    }
    // numbers that differ from the section they stand for
    for (const s of secs) {
      if (handled.has(s) || s.official === null || s.number === s.official) continue;
      handled.add(s);
      ctx.report({
        range: s.heading.markerRange,
        message: {
          zh: `「${written(s)}」是第${toChineseNumeral(s.official)}部分，序号应为「${toChineseNumeral(s.official)}、」。`,
          en: `"${written(s)}" is section ${s.official}; it should be numbered ${toChineseNumeral(s.official)}、.`,
        },
      });
    }
    // duplicates and order
    const seen = new Map<number, Section>();
    let maxSoFar = 0;
    for (const s of secs) {
      if (s.official === null) continue;
      const first = seen.get(s.official);
      if (first) {
        ctx.report({
          range: s.heading.range,
          message: {
            zh: `第${toChineseNumeral(s.official)}部分「${official(s.official)}」重复出现（第${first.heading.line + 1}行已有）。`,
            en: `Section ${s.official} (${official(s.official)}) appears twice (already at line ${first.heading.line + 1}).`,
          },
          related: [{ range: first.heading.range, message: { zh: '第一次出现', en: 'first occurrence' } }],
        });
        continue;
      }
      seen.set(s.official, s);
      if (s.official < maxSoFar) {
        ctx.report({
          range: s.heading.range,
          message: {
            zh: `「${official(s.official)}」的位置不对：它应排在第${toChineseNumeral(maxSoFar)}部分之前。`,
            en: `"${official(s.official)}" is out of order: it belongs before section ${maxSoFar}.`,
          },
        });
      }
      maxSoFar = Math.max(maxSoFar, s.official);
    }
    // missing sections, grouped by where they belong
    const missing = mapped(SECTIONS, (d) => d.number).filter((n) => !seen.has(n));
    if (!missing.length) return;
    const groups: number[][] = [];
    for (const n of missing) {
      const g = groups[groups.length - 1];
      if (g && g[g.length - 1] === n - 1) g.push(n);
      else groups.push([n]);
    }
    for (const g of groups) {
      const next = secs.find((s) => s.official !== null && s.official > g[g.length - 1]);
      const range = next ? next.heading.range : lastTextRange(model);
      const names = mapped(g, (n) => `「${official(n)}」`).join('');
      ctx.report({
        range,
        fixes: [insertSectionsFix(model, g, next ? next.heading.line : null)],
        message: {
          zh: `缺少${names}${g.length > 1 ? `共${g.length}个部分` : '部分'}。年度报告必须包含格式规定的全部六个部分，没有内容的部分也应保留标题并写明“无”或相应情况。` + (next ? `应放在「${written(next)}」之前。` : '应放在文末。'),
          en: `Missing section(s): ${mapped(g, (n) => official(n)).join(', ')}. The report must contain all six sections (write 无 or the facts when there is nothing to report)` + (next ? `; insert before "${written(next)}".` : '; add at the end.'),
        },
      });
    }
  },
};

/** Insert the official headings of the missing sections (with the empty official table for 二/三/四) where they belong. */
function insertSectionsFix(model: ReportModel, numbers: number[], beforeLine: number | null): Fix {
  const names = mapped(numbers, official).join('、');
  // the text renders whole tables: computed only when a client asks for the fix
  return new LazyFix(
    beforeLine !== null ? { zh: `插入「${names}」`, en: `Insert "${names}"` } : { zh: `在文末插入「${names}」`, en: `Insert "${names}" at the end` },
    false,
    () => insertSectionsEdits(model, numbers, beforeLine),
  );
}

function insertSectionsEdits(model: ReportModel, numbers: number[], beforeLine: number | null): TextEdit[] {
  const eol = model.eol;
  const layouts = mapped(model.tables, (t) => t.layout).filter((l): l is SkeletonLayout => l === 'cells' || l === 'tabs' || l === 'markdown');
  const layout: SkeletonLayout = layouts.length ? mostCommon(layouts) : 'tabs';
  const tpl: TemplateId = (model.year ? expectedTemplate(model.year.value) : null) ?? model.template ?? '2021';
  const blocks: string[] = [];
  for (const n of numbers) {
    const lines = [official(n), ''];
    for (const def of TEMPLATES[tpl].tables.filter((d) => d.section === n)) lines.push(...renderTable(def, layout), '');
    blocks.push(lines.join(eol));
  }
  const text = blocks.join(eol);
  if (beforeLine !== null) return [{ range: { start: { line: beforeLine, character: 0 }, end: { line: beforeLine, character: 0 } }, newText: text + eol }];
  const last = model.lines.length - 1;
  const end = { line: last, character: model.lines[last].length };
  return [{ range: { start: end, end }, newText: eol + eol + text.replace(/(\r?\n|\r)+$/, '') + eol }];
}

function mostCommon<T>(xs: T[]): T {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
