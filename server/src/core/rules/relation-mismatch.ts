import { cellName, colLabel, difference, expectedTotal, formatInterval, rowLabel } from '../relations';
import type { Rule } from '../rule';
import type { Fix, RelatedInfo } from '../types';

export const relationMismatch: Rule = {
  meta: {
    id: 'relation-mismatch',
    category: 'table',
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: { zh: '表格勾稽关系不成立（合计与各项之和不符）', en: 'A table relation does not hold (a total differs from the sum of its parts)' },
    details: {
      zh:
        '按格式模板检查每一个求和关系：第三部分每列“第一项加第二项之和，等于第三项加第四项之和”、（七）总计等于（一）至（六）各项之和、每行总计等于自然人与五类法人或其他组织之和、写了小计的分组行等于其各项之和，以及第四部分行政复议、未经复议直接起诉、复议后起诉各自的总计。提示标在填报的合计数字上，“相关信息”列出参与求和的每个单元格。带小数的金额按书写精度允许舍入误差。',
      en:
        'Checks every sum relation of the template: in section 三, new + carried over = handled total + carried forward in every column, (7) total = sum of results (1)–(6), every row total = the six applicant columns, written group subtotals = their items; in section 四 the three group totals. The finding is placed on the reported total; related information lists every summed cell. Decimal amounts get a rounding tolerance.',
    },
    examples: {
      wrong: '（七）总计 的自然人列填 0，而（四）无法提供 1.本机关不掌握相关政府信息 的自然人列为 1。',
      right: '（七）总计 的自然人列填 1，等于（一）至（六）各项之和。',
    },
  },
  check(ctx) {
    for (const r of ctx.relations()) {
      if (r.status !== 'mismatch' || !r.totalCell || !r.reported || !r.computed) continue;
      const def = r.tableDef;
      const where =
        r.def.family === 'rowsum'
          ? { zh: `「${rowLabel(def, r.def.total.row)}」行`, en: `row "${rowLabel(def, r.def.total.row)}"` }
          : def.kind === 'review'
            ? { zh: '', en: '' }
            : { zh: `${colLabel(def, r.def.total.col)}列`, en: `column ${colLabel(def, r.def.total.col)}` };
      const totalLabel = cellName(def, r.def.total);
      const reported = formatInterval(r.reported, r.scale);
      const computed = formatInterval(r.computed, r.scale);
      const diff = difference(r);
      const related: RelatedInfo[] = [];
      for (const o of r.operands) {
        for (const c of o.cells) {
          const name = cellName(def, { row: c.row, col: c.col });
          const sign = o.weight === -1 ? '减去 ' : '';
          const signEn = o.weight === -1 ? 'minus ' : '';
          related.push({ range: c.range, message: { zh: `${sign}${name} = ${c.raw || '（空）'}`, en: `${signEn}${name} = ${c.raw || '(blank)'}` } });
        }
      }
      const fixes: Fix[] = [];
      const expected = expectedTotal(r);
      if (expected !== null && r.totalCell.state === 'number') {
        fixes.push({
          title: { zh: `将合计改为 ${expected}（${totalLabel}）`, en: `Change the total to ${expected} (${totalLabel})` },
          edits: [{ range: r.totalCell.range, newText: expected }],
          preferred: false,
        });
      }
      ctx.report({
        range: r.totalCell.range,
        message: {
          zh: `勾稽关系不符：「${r.def.name.zh}」${where.zh ? `（${where.zh}）` : ''}。${totalLabel}填报 ${reported}，计算值 ${computed}，相差 ${diff}。`,
          en: `Relation does not hold: "${r.def.name.en}"${where.en ? ` (${where.en})` : ''}. ${totalLabel} reports ${reported}, computed ${computed}, difference ${diff}.`,
        },
        related,
        fixes,
      });
    }
  },
};
