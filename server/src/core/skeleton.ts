/**
 * The official skeleton of a report, generated from the template data: the title, the six headings,
 * the tables of sections 二, 三 and 四 and a 落款 placeholder. `renderTable` renders one official table in
 * one of the three layouts the parser reads (and is reused by quick fixes that insert a missing table),
 * so whatever it renders must parse back into the same table with all its rows.
 */
import { applicationsHeader, reviewHeader, TEMPLATES, type TableDef, type TemplateId } from './templates';
import { mapped } from './arrays';

export type SkeletonLayout = 'cells' | 'tabs' | 'markdown';

/** Value of one cell by row key and column key; `undefined` (or no function at all) leaves the cell empty. */
export type CellValues = (row: string, col: string) => string | undefined;

/** Placeholder for the name of the reporting body in the title and the 落款. */
export const BODY_PLACEHOLDER = 'XXXX（机关全称）';

/** The grid of one table: header rows first, then one row per official row (a row is a list of cells). */
function tableGrid(def: TableDef, values: CellValues | undefined): string[][] {
  const cell = (row: string, col: string): string => values?.(row, col) ?? '';
  const grid: string[][] = [];
  if (def.kind === 'active') {
    grid.push([def.caption ?? '']);
    grid.push([def.cornerLabel ?? '', ...mapped(def.columns, (c) => c.label)]);
    for (const r of def.rows) grid.push([r.label, ...mapped(def.columns, (c) => cell(r.key, c.key))]);
    return grid;
  }
  if (def.kind === 'applications') {
    const { note, applicant, organisations, natural, total, organisationColumns: orgs } = applicationsHeader(def);
    grid.push([note, '', applicant]);
    grid.push(['', '', natural?.label ?? '', organisations, ...mapped(orgs.slice(1), () => ''), total?.label ?? '']);
    grid.push(['', '', '', ...mapped(orgs, (c) => c.label)]);
    for (const r of def.rows) {
      if (r.heading) {
        grid.push([r.label]);
        continue;
      }
      const cells = mapped(def.columns, (c) => cell(r.key, c.key));
      // a group row （三）（四）（五） carries no numbers unless the caller gives its subtotals
      if (r.items && cells.every((v) => v === '')) grid.push([r.label]);
      else grid.push([r.label, ...cells]);
    }
    return grid;
  }
  // review: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five results each, one row of fifteen numbers
  const { review, litigation, direct, afterReview, groups } = reviewHeader(def);
  const results = mapped(groups[0] ?? [], (c) => c.label);
  const pad = (n: number): string[] => new Array<string>(Math.max(0, n)).fill('');
  grid.push([review, ...pad(results.length - 1), litigation]);
  grid.push([...results, direct, ...pad(results.length - 1), afterReview]);
  grid.push([...pad(results.length), ...mapped(groups[1] ?? [], (c) => c.label), ...mapped(groups[2] ?? [], (c) => c.label)]);
  for (const r of def.rows) grid.push(mapped(def.columns, (c) => cell(r.key, c.key)));
  return grid;
}

function layoutGrid(grid: string[][], layout: SkeletonLayout): string[] {
  if (layout === 'tabs') return mapped(grid, (r) => r.join('\t'));
  if (layout === 'markdown') {
    const width = Math.max(...mapped(grid, (r) => r.length));
    const md = (r: string[]): string => `| ${[...r, ...new Array<string>(width - r.length).fill('')].join(' | ')} |`;
    return [md(grid[0]), `|${new Array<string>(width).fill(' --- ').join('|')}|`, ...mapped(grid.slice(1), md)];
  }
  // cells: one cell per line, each prefixed by a tab; a blank line between rows (as Word's text export writes it)
  const out: string[] = [];
  grid.forEach((r, i) => {
    if (i > 0) out.push('');
    for (const c of r) out.push('\t' + c);
  });
  return out;
}

/** The lines of one official table in the given layout (no blank line before or after). */
export function renderTable(def: TableDef, layout: SkeletonLayout, values?: CellValues): string[] {
  return layoutGrid(tableGrid(def, values), layout);
}

const SECTION_HINTS: Record<number, string[]> = {
  1: [
    '（一）主动公开',
    '（请填写本年度主动公开工作情况。）',
    '',
    '（二）依申请公开',
    '（请填写本年度依申请公开工作情况。）',
    '',
    '（三）政府信息管理',
    '（请填写本年度政府信息管理工作情况。）',
    '',
    '（四）政府信息公开平台建设',
    '（请填写本年度政府信息公开平台建设情况。）',
    '',
    '（五）监督保障',
    '（请填写本年度监督保障工作情况；各级人民政府还应写明工作考核、社会评议和责任追究结果情况。）',
  ],
  5: ['（请填写本年度政府信息公开工作存在的主要问题、改进情况，以及上一年度所列问题的整改情况。）'],
  6: ['（请报告本年度收取信息处理费的情况，没有收取的也应写明；以及其他需要报告的事项。）'],
};

/**
 * The whole skeleton of a report of `year` in the given format: title, opening sentence with the statistics
 * period, the six official headings, every table (empty cells unless `values` fills them), and a 落款 placeholder.
 */
export function renderSkeleton(template: TemplateId, year: number, layout: SkeletonLayout, bodyName?: string, values?: CellValues): string {
  const tpl = TEMPLATES[template];
  const body = bodyName?.trim() || BODY_PLACEHOLDER;
  const notice = template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const heading = (text: string): string => (layout === 'markdown' ? `## ${text}` : text);
  const lines: string[] = [];
  lines.push(layout === 'markdown' ? `# ${body}${year}年政府信息公开工作年度报告` : `${body}${year}年政府信息公开工作年度报告`, '');
  lines.push(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${notice}）要求编制。` +
      `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  );
  const numerals = ['一', '二', '三', '四', '五', '六'];
  for (const section of tpl.sections) {
    lines.push(heading(`${numerals[section.number - 1]}、${section.heading}`), '');
    const tables = tpl.tables.filter((t) => t.section === section.number);
    for (const table of tables) lines.push(...renderTable(table, layout, values), '');
    const hints = SECTION_HINTS[section.number];
    if (hints) lines.push(...hints, '');
  }
  lines.push(body, `${year + 1}年X月X日`, '');
  return lines.join('\n');
}
