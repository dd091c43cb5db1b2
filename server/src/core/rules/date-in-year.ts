import type { Rule } from '../rule';
import { documentRulesApply } from './document';

export const dateInYear: Rule = {
  meta: {
    id: 'date-in-year',
    category: 'date',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '落款日期不在报告年度之后', en: 'The signature date is not after the reporting year' },
    details: {
      zh: '年度报告总结的是报告年度（1月1日至12月31日）的工作，只能在下一年成文发布。落款日期落在报告年度之内或之前（例如2022年度报告落款“2022年1月18日”），几乎都是沿用了上一年度报告的日期，应改为实际成文日期（部门一般在次年1月31日前）。只写了年、月的日期同样检查年份。',
      en: 'An annual report covers the reporting year and can only be signed after it ends. A signature date inside (or before) the reporting year — e.g. "2022年1月18日" on a 2022 report — is almost always copied from last year\'s report. Dates with only year and month are checked too.',
    },
    examples: { wrong: '2022年度报告落款：\n韶关市浈江区人民政府办公室\n2022年1月18日', right: '2022年度报告落款：\n韶关市浈江区人民政府办公室\n2023年1月18日' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year) return;
    const sig = model.narrative.signature;
    if (!sig) return;
    const y = model.year.value;
    if (sig.date.year > y) return;
    ctx.report({
      range: sig.date.range,
      message: {
        zh: `落款日期「${sig.date.text}」在报告年度${y}年${sig.date.year === y ? '之内' : '之前'}。${y}年度报告应在${y + 1}年1月1日之后成文发布，这很可能是沿用了上一年度报告的日期。`,
        en: `The signature date "${sig.date.text}" is ${sig.date.year === y ? 'inside' : 'before'} the reporting year ${y}. A report for ${y} is signed in ${y + 1} or later; the date was probably copied from last year's report.`,
      },
      related: [{ range: model.year.range, message: { zh: `报告年度：${y}年`, en: `reporting year: ${y}` } }],
    });
  },
};
