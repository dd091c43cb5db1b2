import type { Rule } from '../rule';
import { documentRulesApply } from './document';

export const yearMismatch: Rule = {
  meta: {
    id: 'year-mismatch',
    category: 'date',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '正文所述报告年度与标题年度不一致', en: 'The text claims a different reporting year than the title' },
    details: {
      zh: '标题确定了报告年度Y。导语中“现公布X年……年度报告”、前四部分以“X年，”开头的段落若写的是另一年份，多半是沿用了往年报告的文字。第五部分谈下一年的打算、与往年的比较不在检查之列。',
      en: 'The title fixes the reporting year Y. An introduction saying "现公布X年…年度报告", or a paragraph of sections 一–四 opening with "X年，", for another year X is usually text copied from an earlier report. Section 五 (plans, comparisons) is not checked.',
    },
    examples: { wrong: '2022年政府信息公开工作年度报告\n……现公布2021年政府信息公开工作年度报告。', right: '2022年政府信息公开工作年度报告\n……现公布2022年政府信息公开工作年度报告。' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year || model.year.source !== 'title') return;
    const y = model.year.value;
    for (const c of model.narrative.yearClaims) {
      if (c.year === y) continue;
      if (c.kind === 'report' && !(c.section === null || c.section === 1)) continue;
      if (c.kind === 'lead' && !(c.section === null || (c.section >= 1 && c.section <= 4))) continue;
      ctx.report({
        range: c.yearRange,
        message: {
          zh: c.kind === 'report' ? `正文称这是${c.year}年的年度报告，而标题是${y}年。` : `这一段以“${c.year}年”开头，而本报告是${y}年度报告，可能沿用了往年报告的文字。`,
          en: c.kind === 'report' ? `The text calls this the report for ${c.year}, the title says ${y}.` : `This paragraph opens with ${c.year} in a report for ${y}; it may be copied from an earlier report.`,
        },
        related: [{ range: model.year.range, message: { zh: `标题年度：${y}年`, en: `title year: ${y}` } }],
      });
    }
  },
};
