import { convertTableFix } from '../convert';
import type { LabelRef, Table } from '../model';
import type { Rule } from '../rule';
import { expectedTemplate, TEMPLATES, type TemplateId } from '../templates';
import type { Range, RelatedInfo } from '../types';
import { documentRulesApply, writtenLabels } from './document';
import { mapped } from '../arrays';

const NAME: Record<TemplateId, string> = { '2019': '2019年版（试行）格式（国办公开办函〔2019〕60号）', '2021': '2021年版格式（国办公开办函〔2021〕30号）' };
const NAME_EN: Record<TemplateId, string> = { '2019': 'the 2019 format (国办公开办函〔2019〕60号)', '2021': 'the 2021 format (国办公开办函〔2021〕30号)' };

/** Header or row labels of the table that exist only in `tpl`. */
function onlyIn(table: Table, tpl: TemplateId): LabelRef[] {
  return writtenLabels(table, false, (h) => h.match.entry.templates.length === 1 && h.match.entry.templates[0] === tpl);
}

function expectedLabels(tpl: TemplateId, id: string): { zh: string; en: string } | null {
  const def = TEMPLATES[tpl].tables.find((t) => t.id === id);
  if (!def) return null;
  if (def.kind === 'active') {
    const cols = mapped(def.columns, (c) => c.label).join('、');
    const rows = mapped(def.rows, (r) => r.label).join('、');
    return { zh: `列为「${cols}」，行为「${rows}」`, en: `columns "${cols}", rows "${rows}"` };
  }
  if (def.kind === 'applications') {
    const items = mapped(def.rows.filter((r) => r.parent === 'r3_6'), (r) => `「${r.label}」`);
    if (items.length) return { zh: `（六）其他处理分为${items.length}行：${items.join('')}`, en: `（六）其他处理 split into ${items.length} rows` };
    return { zh: '（六）其他处理为一行', en: '（六）其他处理 as a single row' };
  }
  return null;
}

export const templateVersion: Rule = {
  meta: {
    id: 'template-version',
    category: 'template',
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: { zh: '表格格式版本与报告年度不符（2019年版与2021年版格式混用）', en: 'The table format does not match the reporting year (2019 and 2021 formats mixed up)' },
    details: {
      zh:
        '2019、2020年度报告使用《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）；2021年度及以后的报告使用修订后的格式（国办公开办函〔2021〕30号）。2021年版格式的第二部分列为“本年制发件数、本年废止件数、现行有效件数”“本年处理决定数量”“本年收费金额（单位：万元）”，删去了第二十条第（九）项；第三部分“（六）其他处理”分为三行。报告年度在2021年及以后却使用“本年新制作数量”“上一年项目数量”“其他对外管理服务事项”“第二十条第（九）项”或一行的“（六）其他处理”，是套用了旧模板；第二部分已改用2021年版但“（六）其他处理”仍是一行的混用写法同样是错误。每张表只提示一次，标在第一个旧版表头（或表题、行标题）上，并写明应使用的标签。2018年度及以前的报告没有统一格式，见 pre-2019-format。',
      en:
        'Reports for 2019 and 2020 use the trial format of 国办公开办函〔2019〕60号; reports for 2021 and later use the revised format of 国办公开办函〔2021〕30号 (columns 本年制发件数/本年废止件数/现行有效件数, 本年处理决定数量, 本年收费金额（单位：万元）; no 第二十条第（九）项; （六）其他处理 split into three rows). Old labels in a 2021+ report, new labels in a 2019/2020 report, and the mixed form (2021 section 二 with a one-row （六）其他处理) are errors. One finding per table, on the first old header (or the caption / row label), naming the expected labels.',
    },
    examples: {
      wrong: '2022年度报告：\n第二十条第（一）项\n信息内容⇥本年新制作数量⇥本年新公开数量⇥对外公开总数量',
      right: '2022年度报告：\n第二十条第（一）项\n信息内容⇥本年制发件数⇥本年废止件数⇥现行有效件数',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    const decided = model.tables.filter((t) => t.templateSource === 'header' || t.templateSource === 'rows');
    if (!decided.length) return;
    const year = model.year?.value ?? null;
    let want: TemplateId | null = year !== null ? expectedTemplate(year) : null;
    const activeTpl = mapped(decided.filter((t) => t.kind === 'active'), (t) => t.template);
    const section2 = activeTpl.length && activeTpl.every((t) => t === activeTpl[0]) ? activeTpl[0] : null;
    if (!want) {
      // no year: only the mixed form is certain (section 二 in one format, section 三 in the other)
      if (!section2) return;
      want = section2;
    }
    const yearZh = year !== null ? `${year}年度报告` : '本报告第二部分';
    const yearEn = year !== null ? `A report for ${year}` : 'Section 二 of this report';
    for (const table of decided) {
      if (table.template === want) continue;
      const old = table.template;
      const oldLabels = onlyIn(table, old);
      let range: Range;
      let found: string;
      if (table.kind === 'applications') {
        const row = old === '2019' ? table.rows.get('r3_6') : mapped(table.rowOrder, (k) => table.rows.get(k)!).find((r) => r.key.startsWith('r3_6_'));
        if (!row) continue;
        range = row.label.range;
        found = row.label.match.entry.official || row.label.text.replace(/\s+/g, '');
      } else if (!TEMPLATES[want].tables.some((t) => t.id === table.id) && table.caption) {
        range = table.caption.range;
        found = table.caption.match.entry.official || table.caption.text.replace(/\s+/g, '');
      } else {
        const first = oldLabels.find((l) => l.match.entry.role === 'column') ?? oldLabels[0];
        if (!first) continue;
        range = first.range;
        found = first.text.replace(/\s+/g, '');
      }
      const exp = expectedLabels(want, table.id);
      const mixed = table.kind === 'applications' && section2 === want && want === '2021';
      const caption = table.caption ? table.caption.text.replace(/\s+/g, '') : table.kind === 'applications' ? '第三部分' : '第四部分';
      let zh: string;
      let en: string;
      if (!exp && table.kind === 'active') {
        zh = `${caption}表格是${NAME[old]}才有的表格，${yearZh}应使用${NAME[want]}，该格式已删去此表。`;
        en = `The ${caption} table exists only in ${NAME_EN[old]}; ${yearEn.toLowerCase()} must use ${NAME_EN[want]}, which has no such table.`;
      } else if (table.kind === 'applications') {
        zh = `${mixed ? '第二部分已使用2021年版格式，但' : ''}「${found}」是${NAME[old]}的写法；${yearZh}应使用${NAME[want]}：${exp?.zh ?? ''}。`;
        en = `${mixed ? 'Section 二 uses the 2021 format but ' : ''}"${found}" follows ${NAME_EN[old]}; ${yearEn.toLowerCase()} must use ${NAME_EN[want]}: ${exp?.en ?? ''}.`;
      } else {
        zh = `${caption}表格使用了${NAME[old]}的「${found}」；${yearZh}应使用${NAME[want]}，该表${exp?.zh ?? ''}。`;
        en = `The ${caption} table uses "${found}" of ${NAME_EN[old]}; ${yearEn.toLowerCase()} must use ${NAME_EN[want]}: ${exp?.en ?? ''}.`;
      }
      const others = oldLabels.filter((l) => l.range.start.line !== range.start.line || l.range.start.character !== range.start.character).slice(0, 8);
      const related: RelatedInfo[] = mapped(others, (l) => ({ range: l.range, message: { zh: `旧版标签「${l.text.replace(/\s+/g, '')}」`, en: `old label "${l.text.replace(/\s+/g, '')}"` } }));
      const convert = want === '2021' && old === '2019' ? convertTableFix(model, table) : null;
      ctx.report({ range, message: { zh, en }, related, fixes: convert ? [convert] : [] });
    }
  },
};
