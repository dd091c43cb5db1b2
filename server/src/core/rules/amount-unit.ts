import type { Rule } from '../rule';
import { documentRulesApply } from './document';

export const amountUnit: Rule = {
  meta: {
    id: 'amount-unit',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '金额没有写明单位（元或万元）', en: 'An amount has no unit (元 or 万元)' },
    details: {
      zh: '2019年版格式第二十条第（九）项“采购总金额”一列在表中没有规定单位，实务中有的写元、有的写万元，读者无法判断金额大小。应在表头或数字后写明“元”或“万元”。2021年版第二十条第（八）项的表头已规定单位为万元，不在此检查之列。',
      en: 'The 采购总金额 column of the 2019 format has no unit in the template; reports write 元 or 万元 or nothing, so readers cannot tell the amount. Write the unit in the header or after the number.',
    },
    examples: { wrong: '政府集中采购⇥36⇥960.49', right: '政府集中采购⇥36⇥960.49万元' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    for (const table of model.tables) {
      if (table.id !== 'a9' || !table.readable) continue;
      const header = table.headers.find((h) => h.key === 'amount');
      if (header && /元/.test(header.text)) continue;
      for (const row of table.rows.values()) {
        const cell = row.cells.get('amount');
        if (!cell || cell.value.kind !== 'number' || cell.value.unit) continue;
        if (cell.value.value === 0) continue;
        ctx.report({
          range: cell.range,
          message: {
            zh: `采购总金额「${cell.raw}」没有写明单位，读者无法判断是元还是万元；请在表头或数字后注明“元”或“万元”。`,
            en: `The procurement amount "${cell.raw}" has no unit; write 元 or 万元 in the header or after the number.`,
          },
          related: header ? [{ range: header.range, message: { zh: '表头：采购总金额（未注明单位）', en: 'header: 采购总金额 (no unit)' } }] : [],
        });
      }
    }
  },
};
