import type { Rule } from '../rule';
import { documentRulesApply, lastTextRange } from './document';

export const signatureMissing: Rule = {
  meta: {
    id: 'signature-missing',
    category: 'date',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '报告末尾没有落款（机关名称和成文日期）', en: 'No signature block (body name and date) at the end' },
    details: {
      zh: '年度报告正式文本一般在末尾署机关名称和成文日期，日期是检查是否按期发布的依据。网页版常省略落款，格式也未明确要求，因此只作提示。只对已写到第五、六部分的报告提示。',
      en: 'The formal text usually ends with the body\'s name and the date, which is what the deadline check reads. Web versions often omit it and the format does not clearly require it, so this is a note, given only once the draft reaches sections 五/六.',
    },
    examples: { wrong: '六、其他需要报告的事项\n无。', right: '六、其他需要报告的事项\n无。\n\n某某局\n2023年1月20日' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || model.narrative.signature) return;
    if (!model.sections.some((s) => s.official !== null && s.official >= 5)) return;
    ctx.report({
      range: lastTextRange(model),
      message: {
        zh: '报告末尾没有落款（机关名称和成文日期），无法核对是否在法定期限内发布。',
        en: 'No signature block (body name and date) at the end; the publication deadline cannot be checked.',
      },
    });
  },
};
