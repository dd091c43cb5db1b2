import type { Rule } from '../rule';
import { documentRulesApply } from './document';

export const statPeriod: Rule = {
  meta: {
    id: 'stat-period',
    category: 'date',
    defaultSeverity: 'error',
    fixable: 'fix',
    description: { zh: '统计期限与报告年度不符', en: 'The statistics period does not match the reporting year' },
    details: {
      zh: '报告中说明统计期限的句子（如“本报告中所列数据的统计期限自Y年1月1日起至Y年12月31日止”“本报告内容涵盖Y年1月1日至Y年12月31日”）必须与报告年度一致。年份不符通常是沿用了上一年度报告的文字。错误标在写错的年份上，可一键改为报告年度。',
      en: 'The sentence stating the statistics period (Y年1月1日 … Y年12月31日) must name the reporting year. A wrong year is usually copied from last year\'s report. The finding is on the wrong year, with a fix.',
    },
    examples: { wrong: '（2022年度报告）统计期限自2021年1月1日起至2021年12月31日止。', right: '（2022年度报告）统计期限自2022年1月1日起至2022年12月31日止。' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year) return;
    const y = model.year.value;
    for (const p of model.narrative.periods) {
      for (const part of [p.start, p.end]) {
        if (!part || part.year === y) continue;
        ctx.report({
          range: part.range,
          message: {
            zh: `统计期限写的是${part.year}年，而这是${y}年度报告，统计期限应为${y}年1月1日至${y}年12月31日。`,
            en: `The statistics period names ${part.year}, but this is the report for ${y}; the period is ${y}-01-01 to ${y}-12-31.`,
          },
          related: [{ range: model.year.range, message: { zh: `报告年度：${y}年`, en: `reporting year: ${y}` } }],
          fixes: [{ title: { zh: `改为${y}`, en: `Change to ${y}` }, edits: [{ range: part.range, newText: String(y) }], preferred: true }],
        });
      }
    }
  },
};
