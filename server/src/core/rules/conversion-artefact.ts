import type { Rule } from '../rule';

export const conversionArtefact: Rule = {
  meta: {
    id: 'conversion-artefact',
    category: 'format',
    defaultSeverity: 'info',
    fixable: 'fix',
    description: { zh: '文本中残留转换痕迹（书签标记、表格竖排单字、网页导航文字）', en: 'Conversion artefacts left in the text (bookmark markers, stray characters of vertical cells, web-page chrome)' },
    details: {
      zh: '从Word、PDF或网页转换来的草稿常残留“[bookmark: _GoBack]”之类的书签标记、竖排单元格拆出的单个字（如单独一行的“开”）、网页的“当前位置：首页＞……”“打印本页”等文字。它们不是报告内容，发布前应删除。书签标记可一键删除。',
      en: 'Drafts converted from Word, PDF or web pages often keep bookmark markers such as "[bookmark: _GoBack]", single characters split off vertical table cells, or web-page chrome ("当前位置：首页＞…", "打印本页"). Remove them before publishing; bookmark markers can be removed automatically.',
    },
    examples: { wrong: '[bookmark: _GoBack]三是加大政务公开的主动性和创造性。', right: '三是加大政务公开的主动性和创造性。' },
  },
  check(ctx) {
    const { model } = ctx;
    for (const a of model.narrative.artefacts) {
      const bookmark = a.kind === 'bookmark';
      ctx.report({
        range: a.span.range,
        message: bookmark
          ? { zh: `文本中残留Word书签标记「${a.span.text}」，应删除。`, en: `A Word bookmark marker "${a.span.text}" was left in the text; remove it.` }
          : { zh: `这一行像是网页导航或页面功能文字（「${a.span.text.slice(0, 20)}」），不属于报告内容。`, en: `This line looks like web-page chrome ("${a.span.text.slice(0, 20)}"), not report content.` },
        fixes: bookmark ? [{ title: { zh: '删除书签标记', en: 'Remove the bookmark marker' }, edits: [{ range: a.span.range, newText: '' }], preferred: true }] : [],
      });
    }
    for (const t of model.tables) {
      for (const s of t.strays) {
        const text = s.text.replace(/\s+/g, '');
        if (!text || text.length > 3) continue;
        ctx.report({
          range: s.range,
          message: {
            zh: `表格中有一个孤立的「${text}」，多半是竖排单元格（如“不予公开”）转换时拆出的字，应删除或放回原单元格。`,
            en: `A stray "${text}" inside the table, most likely split off a vertical cell during conversion; remove it.`,
          },
        });
      }
    }
  },
};
