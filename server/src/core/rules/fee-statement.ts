import type { Rule } from '../rule';
import type { RelatedInfo } from '../types';
import { cellInt, documentRulesApply, sectionByOfficial, tableOf } from './document';

export const feeStatement: Rule = {
  meta: {
    id: 'fee-statement',
    category: 'text',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '第六部分没有说明信息处理费收取情况', en: 'Section 六 does not state the information processing fee' },
    details: {
      zh: '2021年版格式要求在“六、其他需要报告的事项”中报告依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况，没有收取也应写明（如“本年度未收取信息处理费”）。缺少说明时给出提示；若第三部分“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”大于0，说明发出过收费通知，此时必须说明，给出警告。',
      en: 'The 2021 format expects section 六 to report the information processing fee (国办函〔2020〕109号), or state that none was collected. A note when missing; a warning when row 三（六）2 (applicants who did not pay a fee notice) is above 0, since fee notices were then issued.',
    },
    examples: { wrong: '六、其他需要报告的事项\n无。', right: '六、其他需要报告的事项\n本年度未收取信息处理费。' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year || model.year.value < 2021) return;
    const fees = model.narrative.feeMentions;
    if (fees.some((f) => f.section === 6)) return;
    const apps = tableOf(model, 'apps');
    const unpaid = apps && apps.template === '2021' ? cellInt(apps, 'r3_6_2', 'total') : null;
    const required = !!unpaid && unpaid.value > 0;
    const six = sectionByOfficial(model, 6);
    const range = six ? six.heading.range : required ? unpaid!.cell.range : null;
    if (!range) return;
    const elsewhere = fees[0];
    const related: RelatedInfo[] = [];
    if (required) related.push({ range: unpaid!.cell.range, message: { zh: `逾期未缴费 ${unpaid!.value} 件`, en: `${unpaid!.value} unpaid fee notices` } });
    if (elsewhere) related.push({ range: elsewhere.span.range, message: { zh: '信息处理费写在了这里', en: 'the fee is mentioned here' } });
    ctx.report({
      range,
      severity: required ? 'warning' : undefined,
      message: {
        zh:
          (required
            ? `第三部分有${unpaid!.value}件申请因逾期未按收费通知缴费而不再处理，说明发出过收费通知；`
            : '') +
          `“六、其他需要报告的事项”应说明信息处理费的收取情况（没有收取也应写明“本年度未收取信息处理费”）。` +
          (elsewhere ? `报告在第${elsewhere.span.range.start.line + 1}行提到了信息处理费，但不在第六部分。` : ''),
        en:
          (required ? `${unpaid!.value} application(s) lapsed for unpaid fee notices, so notices were issued; ` : '') +
          'section 六 should state the information processing fee collected (or that none was).' +
          (elsewhere ? ` The fee is mentioned at line ${elsewhere.span.range.start.line + 1}, outside section 六.` : ''),
      },
      related,
    });
  },
};
