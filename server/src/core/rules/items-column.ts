import type { Rule } from '../rule';
import { cellInt, documentRulesApply } from './document';
import type { RelatedInfo } from '../types';

export const itemsColumn: Rule = {
  meta: {
    id: 'items-column',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '2019年版“处理决定数量”疑似填成了本年事项数', en: '2019 format: 处理决定数量 looks like this year’s item count' },
    details: {
      zh:
        '2019年版格式第二十条第（五）（六）项中，“上一年项目数量”和“本年增/减”统计的是事项（项目）的个数，“处理决定数量”统计的是本年实际作出的决定件数，三者之间没有加减关系。如果表中每一行都恰好满足“处理决定数量 = 上一年项目数量 + 本年增/减”（且确有增减），多半是把本年事项个数误填进了“处理决定数量”一列。',
      en:
        'In the 2019 format, 上一年项目数量 and 本年增/减 count items, 处理决定数量 counts decisions made this year; they are unrelated. When every row has 处理决定数量 = 上一年项目数量 + 本年增/减 (with a real change), the column was most likely filled with this year’s item count.',
    },
    examples: { wrong: '行政许可⇥173⇥-13⇥160\n行政处罚⇥31⇥-28⇥3', right: '行政许可⇥173⇥-13⇥2856（本年作出的许可决定件数）' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    for (const table of model.tables) {
      if (table.template !== '2019' || (table.id !== 'a5' && table.id !== 'a6') || !table.readable) continue;
      let rows = 0;
      let changed = 0;
      let allEqual = true;
      const related: RelatedInfo[] = [];
      let first = null as null | { range: import('../types').Range };
      for (const key of table.rowOrder) {
        const last = cellInt(table, key, 'lastYear');
        const change = cellInt(table, key, 'change');
        const dec = cellInt(table, key, 'decisions');
        if (!last || !change || !dec) continue;
        rows++;
        if (change.value !== 0) changed++;
        if (last.value + change.value !== dec.value) allEqual = false;
        if (!first) first = dec.cell;
        related.push({ range: dec.cell.range, message: { zh: `${last.value} ${change.value >= 0 ? '+' : '−'} ${Math.abs(change.value)} = ${dec.value}`, en: `${last.value} ${change.value >= 0 ? '+' : '-'} ${Math.abs(change.value)} = ${dec.value}` } });
      }
      if (!first || rows === 0 || changed === 0 || !allEqual) continue;
      ctx.report({
        range: first.range,
        message: {
          zh: '本表每一行的“处理决定数量”都恰好等于“上一年项目数量＋本年增/减”，疑似把本年事项个数填进了“处理决定数量”；该列应填本年实际作出的决定件数。',
          en: 'In every row 处理决定数量 equals 上一年项目数量 + 本年增/减: the column seems to hold this year’s item count instead of the number of decisions made.',
        },
        related,
      });
    }
  },
};
