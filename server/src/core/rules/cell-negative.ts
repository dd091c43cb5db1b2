import type { Rule } from '../rule';
import { cellPlace, findCells } from './document';

export const cellNegative: Rule = {
  meta: {
    id: 'cell-negative',
    category: 'table',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '不允许为负数的单元格填了负数', en: 'A negative value in a column that does not allow it' },
    details: {
      zh: '件数和金额都不能为负数。只有2019年版格式第二十条第（五）（六）（八）项的“本年增/减”一列可以是负数。',
      en: 'Counts and amounts cannot be negative. Only the 本年增/减 column of the 2019 format may hold negative numbers.',
    },
    examples: { wrong: '行政处罚⇥-3', right: '行政处罚⇥3' },
  },
  check(ctx) {
    for (const { def, cell: c, col } of findCells(ctx.model, (x) => x.value.kind === 'number' && x.value.digits.startsWith('-'))) {
      if (col.kind === 'signed') continue;
      const where = cellPlace(def, c);
      ctx.report({
        range: c.range,
        message: { zh: `单元格（${where}）不能为负数：${c.raw}。`, en: `Cell (${where}) cannot be negative: ${c.raw}.` },
      });
    }
  },
};
