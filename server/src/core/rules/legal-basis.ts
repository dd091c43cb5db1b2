import type { Rule } from '../rule';
import { documentRulesApply } from './document';
import { mapped } from '../arrays';

export const legalBasis: Rule = {
  meta: {
    id: 'legal-basis',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '2021年度及以后的报告引用了已被替代的2019年格式通知', en: 'A report for 2021 or later cites the superseded 2019 format notice' },
    details: {
      zh: '2021年度起的年度报告格式依据是《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）。报告中只引用国办公开办函〔2019〕60号或其标题“关于政府信息公开工作年度报告有关事项的通知”作为编制依据，说明沿用了旧的依据（往往也沿用了旧表格）。同时引用了〔2021〕30号的不提示。',
      en: 'From the 2021 reports on, the format basis is 国办公开办函〔2021〕30号. A report that cites only 国办公开办函〔2019〕60号 (or its title 关于政府信息公开工作年度报告有关事项的通知) relies on the superseded notice (and often uses the old tables too). No finding when 〔2021〕30号 is also cited.',
    },
    examples: { wrong: '（2022年度报告）依据……（国办公开办函〔2019〕60号），现公布……', right: '（2022年度报告）依据……（国办公开办函〔2021〕30号），现公布……' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year || model.year.value < 2021) return;
    const cites = model.narrative.citations;
    if (cites.some((c) => c.notice === '2021')) return;
    const old = cites.filter((c) => c.notice === '2019');
    if (!old.length) return;
    const main = old.find((c) => c.by === 'number') ?? old[0];
    ctx.report({
      range: main.span.range,
      message: {
        zh: `${model.year.value}年度报告引用了「${main.span.text}」作为编制依据，这是2019年的格式通知，已被国办公开办函〔2021〕30号（《中华人民共和国政府信息公开工作年度报告格式》）替代。`,
        en: `The report for ${model.year.value} cites "${main.span.text}", the 2019 format notice, superseded by 国办公开办函〔2021〕30号.`,
      },
      related: mapped(old.filter((c) => c !== main), (c) => ({ range: c.span.range, message: { zh: '同一旧通知', en: 'the same old notice' } })),
    });
  },
};
