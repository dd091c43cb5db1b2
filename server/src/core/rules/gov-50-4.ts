import type { Rule } from '../rule';
import { documentRulesApply, sectionByOfficial } from './document';

export const gov504: Rule = {
  meta: {
    id: 'gov-50-4',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '人民政府的报告未写工作考核、社会评议和责任追究结果（《条例》第五十条第四项）', en: 'A people\'s government report lacks the results of assessment, public evaluation and accountability (条例 art. 50(4))' },
    details: {
      zh: '《条例》第五十条第（四）项规定，各级人民政府（含乡镇人民政府）的年度报告还应当包括工作考核、社会评议和责任追究结果情况；格式要求写在“一、总体情况”的监督保障部分。机关类型从标题判断（可在设置中指定）。正文中没有出现“考核”“评议”“追究（问责）”中的某一项时给出警告，标在监督保障小标题上（没有时标在第一部分标题上）。本规则只能确认是否提及，不能判断是否写明了“结果”。',
      en: 'Art. 50(4) of the 条例: reports of people\'s governments at every level (towns included) must give the results of work assessment (工作考核), public evaluation (社会评议) and accountability (责任追究), in the 监督保障 part of section 一. The kind of body comes from the title (configurable). A warning when one of the three is not mentioned at all, placed on the 监督保障 sub-heading (or the heading of section 一).',
    },
    examples: { wrong: '（八）监督管理方面。将政务信息公开纳入政府绩效考核体系。', right: '（八）监督保障。全年开展政务公开工作考核1次，社会评议满意度98%，未发生责任追究情况。' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || ctx.bodyKind() !== '人民政府') return;
    const o = model.narrative.oversight;
    const missing: string[] = [];
    if (!o.assessment) missing.push('工作考核');
    if (!o.review) missing.push('社会评议');
    if (!o.accountability) missing.push('责任追究');
    if (!missing.length) return;
    const s1 = sectionByOfficial(model, 1);
    const sub = model.headings.find((h) => h.level > 1 && /监督/.test(h.title) && (!s1 || (h.line >= s1.startLine && h.line <= s1.endLine)));
    const range = sub ? { start: sub.markerRange.start, end: sub.range.end } : s1 ? s1.heading.range : model.title?.range;
    if (!range) return;
    ctx.report({
      range,
      message: {
        zh: `本报告是人民政府的年度报告，按《条例》第五十条第（四）项应写明工作考核、社会评议和责任追究结果情况，正文中没有提到${missing.join('、')}。`,
        en: `This is a people's government report: 条例 art. 50(4) requires the results of assessment, public evaluation and accountability; the text does not mention ${missing.join(', ')}.`,
      },
    });
  },
};
