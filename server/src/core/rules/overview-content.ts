import type { Rule } from '../rule';
import type { Severity } from '../types';
import { listEn, listZh } from '../text';
import { cellInt, documentRulesApply, rangeOfHeadingTitle, sectionByOfficial, tableOf } from './document';
import { mapped } from '../arrays';

/** The topics 国办公开办函〔2021〕30号 asks section 一 to cover. */
const TOPICS: { zh: string; en: string; re: RegExp }[] = [
  { zh: '主动公开', en: 'proactive disclosure', re: /主动公开|公开.{0,6}信息\d|发布.{0,6}信息/ },
  { zh: '依申请公开', en: 'disclosure on request', re: /依申请|申请公开|公开申请|申请件|收到.{0,10}申请|受理.{0,10}申请|申请.{0,4}\d/ },
  { zh: '政府信息管理', en: 'information management', re: /信息管理|审查|审核|保密|三审|发布流程|动态调整|公开目录/ },
  { zh: '政府信息公开平台建设', en: 'disclosure platforms', re: /平台|网站|新媒体|公众号|公开栏|专栏|政务公开专区/ },
  { zh: '监督保障', en: 'supervision and safeguards', re: /监督|考核|培训|保障|问责|评议/ },
];

export const overviewContent: Rule = {
  meta: {
    id: 'overview-content',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '“一、总体情况”没有覆盖应写的内容', en: 'Section 一 does not cover what it should' },
    details: {
      zh:
        '“一、总体情况”应概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面的情况。表格显示本年有政府信息公开申请，或有行政复议、行政诉讼案件，而总体情况只字未提时给出警告；其余方面缺失时给出提示（按关键词判断，措辞不同可能误报，可在配置中调低级别）。',
      en:
        'Section 一 should cover proactive disclosure, disclosure on request, information management, platforms and supervision. A warning when the tables show applications or review/litigation cases that section 一 never mentions; a note for the other missing topics (keyword based).',
    },
    examples: { wrong: '一、总体情况\n（一）基本情况……（只写主动公开）', right: '一、总体情况\n（一）主动公开……（二）依申请公开：本年收到申请1件……' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    const section = sectionByOfficial(model, 1);
    if (!section) return;
    const paragraphs = model.paragraphLines.filter((line) => line > section.startLine && line <= section.endLine);
    const text = mapped(paragraphs, (line) => model.lines[line]).join('\n');
    if (text.trim().length === 0) return;
    const apps = tableOf(model, 'apps');
    const received = (cellInt(apps, 'r1', 'total')?.value ?? 0) + (cellInt(apps, 'r2', 'total')?.value ?? 0);
    const review = tableOf(model, 'review');
    const cases = ['fy_zj', 'zs_zj', 'hs_zj'].reduce((s, c) => s + (cellInt(review, 'data', c)?.value ?? 0), 0);
    const serious: { zh: string; en: string }[] = [];
    const mild: string[] = [];
    const mildEn: string[] = [];
    for (const t of TOPICS) {
      if (t.re.test(text)) continue;
      if (t.zh === '依申请公开' && received > 0) serious.push({ zh: `依申请公开（表格显示本年收到和结转申请${received}件）`, en: `disclosure on request (${received} applications in the table)` });
      else {
        mild.push(t.zh);
        mildEn.push(t.en);
      }
    }
    if (cases > 0 && !/复议|诉讼/.test(text)) serious.push({ zh: `行政复议、行政诉讼（第四部分显示${cases}件）`, en: `review/litigation (${cases} cases in section 四)` });
    // the finding sits on the first paragraph of the section: the content that lacks the topics
    const firstPara = paragraphs.length ? paragraphs[0] : null;
    const lineText = firstPara !== null ? model.lines[firstPara] : '';
    const range =
      firstPara !== null
        ? { start: { line: firstPara, character: lineText.length - lineText.trimStart().length }, end: { line: firstPara, character: lineText.trimEnd().length } }
        : rangeOfHeadingTitle(section);
    if (serious.length) {
      ctx.report({
        range,
        message: {
          zh: `“一、总体情况”没有提到${listZh(mapped(serious, (s) => s.zh))}，而表格中有相应数据；总体情况应概述这些工作。`,
          en: `Section 一 does not mention ${listEn(mapped(serious, (s) => s.en))}, although the tables report them.`,
        },
      });
    }
    if (mild.length) {
      const severity: Severity = 'info';
      ctx.report({
        range,
        severity,
        message: {
          zh: `“一、总体情况”似乎没有写到${listZh(mild)}方面的情况（格式要求概述主动公开、依申请公开、政府信息管理、平台建设、监督保障）。`,
          en: `Section 一 seems not to cover ${listEn(mildEn)}.`,
        },
      });
    }
  },
};
