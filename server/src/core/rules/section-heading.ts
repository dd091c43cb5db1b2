import { toChineseNumeral } from '../parser/lines';
import type { Rule } from '../rule';
import { SECTIONS } from '../templates';
import { documentRulesApply } from './document';

export const sectionHeading: Rule = {
  meta: {
    id: 'section-heading',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: { zh: '章节标题与格式规定的标题不一致', en: 'A section heading differs from the official heading' },
    details: {
      zh: '六个部分的标题由格式规定（一、总体情况 …… 六、其他需要报告的事项）。能认出是哪一部分、但措辞不同的标题（如“五、政府信息公开工作存在的主要问题及改进情况”）给出警告并提供改为规定标题的修复建议。',
      en: 'The six section headings are fixed by the format. A heading that is recognisably one of them but worded differently gets a warning and a suggestion to use the official heading.',
    },
    examples: { wrong: '五、政府信息公开工作存在的主要问题及改进情况', right: '五、存在的主要问题及改进情况' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    for (const s of model.sections) {
      if (!s.variant || s.official === null) continue;
      const heading = SECTIONS.find((d) => d.number === s.official)!.heading;
      const range = { start: s.heading.markerRange.end, end: s.heading.range.end };
      const text = model.lines[range.start.line].slice(range.start.character, range.end.character);
      if (text.replace(/\s+/g, '') === heading) continue;
      ctx.report({
        range,
        message: {
          zh: `第${toChineseNumeral(s.official)}部分的标题应为「${heading}」（格式规定的标题），此处写作「${s.heading.title}」。`,
          en: `The heading of section ${s.official} should read "${heading}" (the official heading); found "${s.heading.title}".`,
        },
        fixes: [{ title: { zh: `改为「${heading}」`, en: `Change to "${heading}"` }, edits: [{ range, newText: heading }], preferred: false }],
      });
    }
  },
};
