import type { Rule } from '../rule';

export const rowUnreadable: Rule = {
  meta: {
    id: 'row-unreadable',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '表格中有一行无法读取', en: 'A table row cannot be read' },
    details: {
      zh: '某一行的数字个数多于表格列数、数字找不到所属的行标题，或同一行标题重复出现。其他行照常检查，但这一行不参与勾稽关系校验。',
      en: 'A row has more numbers than the table has columns, numbers have no row label, or a row label appears twice. The other rows are still checked; this one is left out of the relations.',
    },
    examples: { wrong: '一、本年新收政府信息公开申请数量⇥1⇥0⇥0⇥0⇥0⇥0⇥0⇥1⇥5', right: '一、本年新收政府信息公开申请数量⇥1⇥0⇥0⇥0⇥0⇥0⇥1' },
  },
  check(ctx) {
    for (const t of ctx.model.tables) for (const p of t.problems) if (p.scope === 'row') ctx.report({ range: p.range, message: p.message });
  },
};
