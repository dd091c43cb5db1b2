import type { Table } from '../model';
import type { Rule } from '../rule';
import { dataRows, tableDef, TEMPLATES } from '../templates';
import { listEn, listZh } from '../text';
import type { Range } from '../types';
import { mapped } from '../arrays';

export const rowMissing: Rule = {
  meta: {
    id: 'row-missing',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '已识别的表格缺少模板规定的行（或第二部分缺少整张表）', en: 'A recognised table lacks a row of the template (or section 二 lacks a whole table)' },
    details: {
      zh: '格式模板规定了每张表的全部行，即使数字为 0 也不能删减（“严禁擅自删减报告事项”）。缺行会让勾稽关系无法校验。第二部分应包含模板规定的全部第二十条各项表格。',
      en: 'The template fixes every row of every table; rows must not be deleted even when their numbers are 0. A missing row stops the relations from being checked. Section 二 must contain every 第二十条 table of the template.',
    },
    examples: { wrong: '（六）其他处理 下只有 1. 和 2. 两项', right: '（六）其他处理 下有 1. 2. 3. 三项' },
  },
  check(ctx) {
    const { model } = ctx;
    for (const table of model.tables) {
      const def = tableDef(table.template, table.id);
      if (!def || def.kind === 'review') continue;
      const expected = dataRows(def.rows);
      const missing = expected.filter((r) => !table.rows.has(r.key));
      if (!missing.length || missing.length === expected.length) continue;
      if (missing.length > 6) {
        ctx.report({
          range: anchor(table, mapped(def.rows, (r) => r.key), missing[0].key),
          message: {
            zh: `表格缺少${missing.length}行：${listZh(mapped(missing, (r) => r.label), 8)}。`,
            en: `The table lacks ${missing.length} rows: ${listEn(mapped(missing, (r) => r.label), 8)}.`,
          },
        });
        continue;
      }
      for (const r of missing) {
        ctx.report({
          range: anchor(table, mapped(def.rows, (x) => x.key), r.key),
          message: { zh: `表格缺少「${r.label}」一行。`, en: `The table lacks the row "${r.label}".` },
        });
      }
    }
    // section 二: every 第二十条 table of the format
    const active = model.tables.filter((t) => t.kind === 'active');
    if (active.length && model.template) {
      const present = new Set(mapped(active, (t) => t.id));
      const section = model.sections.find((s) => s.official === 2);
      for (const def of TEMPLATES[model.template].tables) {
        if (def.kind !== 'active' || present.has(def.id)) continue;
        ctx.report({
          range: section ? section.heading.range : active[0].caption!.range,
          message: { zh: `第二部分缺少「${def.caption}」表格。`, en: `Section 二 lacks the ${def.caption} table.` },
        });
      }
    }
  },
};

/** Where a missing row belongs: the label of the next row present (or the last row present). */
function anchor(table: Table, order: string[], key: string): Range {
  const at = order.indexOf(key);
  for (let i = at + 1; i < order.length; i++) {
    const r = table.rows.get(order[i]);
    if (r && r.label.text) return r.label.range;
  }
  for (let i = at - 1; i >= 0; i--) {
    const r = table.rows.get(order[i]);
    if (r && r.label.text) return r.label.range;
  }
  return table.caption?.range ?? table.headers[0]?.range ?? { start: { line: table.firstLine, character: 0 }, end: { line: table.firstLine, character: 0 } };
}
