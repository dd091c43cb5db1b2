import type { Rule } from '../rule';
import { cellPlace, findCells } from './document';

export const cellNotNumber: Rule = {
  meta: {
    id: 'cell-not-number',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '表格单元格不是有效数字，或件数写成了小数', en: 'A table cell is not a valid number, or a count has decimals' },
    details: {
      zh: '统计表单元格只能填写数字：件数为非负整数，第二十条第（八）项的收费金额可以带小数（单位万元）。单元格中的文字、带小数的件数都无法参与勾稽关系校验。',
      en: 'Table cells hold numbers only: counts are non-negative integers, the fee amount of 第二十条第（八）项 may have decimals (in 万元). Text in a cell, or a count with decimals, cannot take part in the relations.',
    },
    examples: { wrong: '行政许可⇥约120件左右', right: '行政许可⇥120' },
  },
  check(ctx) {
    for (const { def, cell: c, col } of findCells(ctx.model, (x) => x.value.kind === 'invalid' || (x.value.kind === 'number' && x.value.decimals > 0))) {
      if (c.value.kind === 'invalid') {
        const where = cellPlace(def, c);
        ctx.report({
          range: c.range,
          message: { zh: `单元格（${where}）的内容“${c.raw}”不是数字。`, en: `Cell (${where}) holds "${c.raw}", which is not a number.` },
        });
      } else if (c.value.kind === 'number' && c.value.decimals > 0 && col.kind !== 'amount') {
        const where = cellPlace(def, c);
        ctx.report({
          range: c.range,
          message: { zh: `单元格（${where}）是件数，应为整数，不能是“${c.raw}”。`, en: `Cell (${where}) is a count and must be an integer, not "${c.raw}".` },
        });
      }
    }
  },
};
