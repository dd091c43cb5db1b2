import type { Rule } from '../rule';
import { isPre2019 } from './document';

export const pre2019Format: Rule = {
  meta: {
    id: 'pre-2019-format',
    category: 'template',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '报告早于全国统一格式（2018年度及以前），不按统一格式检查', en: 'The report predates the unified format (2018 or earlier); format checks are skipped' },
    details: {
      zh:
        '全国统一的年度报告格式自2019年度报告起施行（国办公开办函〔2019〕60号）。2018年度及以前的报告按旧《条例》（国务院令第492号）第三十二条自由撰写，常附各省自定的“政府信息公开情况统计表”（指标名称、计量单位……）。对这类报告只给出这一条提示，章节、表格版本、落款日期等文档检查不再逐项提示，以免误报。',
      en:
        'The unified report format applies from the 2019 reports on. Reports for 2018 and earlier were free-form (old 条例 art. 32), often with a provincial statistics table (指标名称, 计量单位 …). Such a report gets this single note; the document checks (sections, format version, dates …) are not applied.',
    },
    examples: { wrong: '2018年度报告，附“政府信息公开情况统计表”（指标名称、计量单位）', right: '（2018年度报告无需改写；本提示仅说明未按统一格式检查）' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.isReport && !model.narrative.preFormatMarkers.length) return;
    if (!isPre2019(model)) return;
    const range = model.year?.range ?? model.title?.range ?? model.narrative.preFormatMarkers[0]?.range;
    if (!range) return;
    const y = model.year?.value;
    ctx.report({
      range,
      message: {
        zh: `${y ? `这是${y}年度的报告，` : '本报告'}早于全国统一的年度报告格式（2019年度起施行），未按统一格式检查章节、表格和日期。`,
        en: `${y ? `This report is for ${y} and ` : 'This report '}predates the unified format (applies from the 2019 reports on); sections, tables and dates were not checked against it.`,
      },
    });
  },
};
