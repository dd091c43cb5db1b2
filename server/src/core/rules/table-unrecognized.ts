import type { Rule } from '../rule';

const SECTION_TABLE: Record<number, { kind: 'active' | 'applications' | 'review'; zh: string; en: string }> = {
  2: { kind: 'active', zh: '第二十条各项统计表', en: 'the 第二十条 tables' },
  3: { kind: 'applications', zh: '政府信息公开申请情况统计表', en: 'the applications table' },
  4: { kind: 'review', zh: '行政复议、行政诉讼情况统计表', en: 'the review/litigation table' },
};

export const tableUnrecognized: Rule = {
  meta: {
    id: 'table-unrecognized',
    category: 'table',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '未能识别或读取统计表', en: 'A statistical table was not recognised or could not be read' },
    details: {
      zh: '第二、三、四部分应各有模板规定的统计表。若某部分下找不到表格（例如表格以图片形式插入），或表格文本的单元格顺序被打乱（常见于从 PDF 转换的文本），本工具无法检查该表的数字，只给出这一条提示。',
      en: 'Sections 二, 三 and 四 each hold tables of the template. When a section has no readable table (an image, or PDF text whose cell order is scrambled), its numbers cannot be checked and this single note is given instead.',
    },
    examples: { wrong: '三、收到和处理政府信息公开申请情况\n（表格为图片）', right: '三、收到和处理政府信息公开申请情况\n（以文字表格填写全部行列）' },
  },
  check(ctx) {
    const { model } = ctx;
    for (const t of model.tables) for (const p of t.problems) if (p.scope === 'table') ctx.report({ range: p.range, message: p.message });
    for (const s of model.sections) {
      const want = s.official !== null ? SECTION_TABLE[s.official] : undefined;
      if (!want || model.tables.some((t) => t.kind === want.kind)) continue;
      if (model.sections.find((x) => x.official === s.official) !== s) continue;
      ctx.report({
        range: s.heading.range,
        message: { zh: `「${s.heading.title}」下没有识别出${want.zh}，表中数字未能检查。`, en: `No ${want.en} recognised under "${s.heading.title}"; its numbers were not checked.` },
      });
    }
  },
};
