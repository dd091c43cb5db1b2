import * as assert from 'node:assert/strict';
import { lint, parseReport, renderSkeleton, renderTable, TEMPLATES, type Cell, type TemplateId } from '../server/src/core';

// The skeleton of 新建年报 and the tables quick fixes insert are generated from the template data; whatever
// renderTable writes must parse back into the same official table with every row, in all three layouts.

const LAYOUTS = ['cells', 'tabs', 'markdown'] as const;
const CASES: { template: TemplateId; year: number }[] = [
  { template: '2021', year: 2024 },
  { template: '2019', year: 2020 },
];
const SECTION_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('report skeleton (core/skeleton)', () => {
  for (const { template, year } of CASES) {
    for (const layout of LAYOUTS) {
      describe(`${template} format, ${layout} layout`, () => {
        const text = renderSkeleton(template, year, layout);
        const model = parseReport(text);
        const defs = TEMPLATES[template].tables;

        it('has the title, the six official headings in order and a 落款 placeholder', () => {
          const lines = text.split('\n');
          assert.match(lines[0], new RegExp(`XXXX（机关全称）${year}年政府信息公开工作年度报告$`));
          assert.equal(model.year?.value, year);
          assert.deepEqual(
            model.sections.map((s) => s.official),
            [1, 2, 3, 4, 5, 6],
          );
          const at = SECTION_HEADINGS.map((h) => lines.findIndex((l) => l.replace(/^#+\s*/, '') === h));
          assert.ok(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])), `headings in order: ${at.join(',')}`);
          assert.ok(text.includes(`统计期限自${year}年1月1日起至${year}年12月31日止`));
          assert.ok(text.trimEnd().endsWith(`${year + 1}年X月X日`));
        });

        it('every official table is recognised with all its rows and its template', () => {
          assert.equal(model.template, template);
          assert.deepEqual(
            model.tables.map((t) => t.id),
            defs.map((d) => d.id),
          );
          for (const def of defs) {
            const table = model.tables.find((t) => t.id === def.id)!;
            assert.equal(table.template, template, def.id);
            assert.equal(table.layout, layout, def.id);
            assert.ok(table.readable, `${def.id} readable`);
            assert.deepEqual(table.problems, [], `${def.id} parse problems`);
            assert.deepEqual([...table.rows.keys()].sort(), def.rows.map((r) => r.key).sort(), `${def.id} rows`);
          }
        });

        it('leaves every data cell empty, so no table rule but cell-missing fires', () => {
          for (const table of model.tables) {
            for (const row of table.rows.values()) for (const cell of row.cells.values()) assert.notEqual(cell.state, 'number', `${table.id} ${row.key}.${cell.col}`);
          }
          const rules = new Set(lint(text).diagnostics.map((d) => d.rule));
          for (const rule of ['relation-mismatch', 'row-missing', 'row-unreadable', 'table-unrecognized', 'cell-not-number', 'section-structure', 'section-heading', 'numbering']) {
            assert.ok(!rules.has(rule), `${rule} fires on the skeleton`);
          }
        });

        it('filled with 0 everywhere, it gives no relation mismatch and no missing cell', () => {
          const filled = renderSkeletonWith(template, year, layout, () => '0');
          const result = lint(filled);
          const found = result.diagnostics.filter((d) => ['relation-mismatch', 'cell-missing', 'cell-not-number', 'row-missing'].includes(d.rule));
          assert.deepEqual(
            found.map((d) => `${d.range.start.line + 1} ${d.rule} ${d.message.zh}`),
            [],
          );
          const tables = result.model.tables;
          assert.equal(tables.length, defs.length);
          for (const table of tables) for (const row of table.rows.values()) for (const cell of row.cells.values()) assert.equal(cell.state, 'number', `${table.id} ${row.key}.${cell.col}`);
        });
      });
    }
  }

  it('renderTable puts the given values into the right cells (row, column) and they parse back', () => {
    const def = TEMPLATES['2021'].tables.find((t) => t.id === 'apps')!;
    const value = (row: string, col: string): string | undefined => {
      if (def.rows.find((r) => r.key === row)?.items) return undefined;
      const rowIndex = def.rows.findIndex((r) => r.key === row);
      const colIndex = def.columns.findIndex((c) => c.key === col);
      return String(rowIndex * 10 + colIndex);
    };
    for (const layout of LAYOUTS) {
      const text = ['某某局2022年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...renderTable(def, layout, value), ''].join('\n');
      const table = parseReport(text).tables.find((t) => t.id === 'apps');
      assert.ok(table, layout);
      for (const row of def.rows) {
        if (row.heading || row.items) continue;
        for (const col of def.columns) {
          const cell: Cell | undefined = table.rows.get(row.key)?.cells.get(col.key);
          assert.equal(cell?.raw, value(row.key, col.key), `${layout} ${row.key}.${col.key}`);
        }
      }
    }
  });

  it('renders each layout as documented: cells one per line with a tab, tabs one row per line, markdown pipes', () => {
    const def = TEMPLATES['2021'].tables.find((t) => t.id === 'a6')!;
    assert.deepEqual(renderTable(def, 'tabs', () => '0'), ['第二十条第（六）项', '信息内容\t本年处理决定数量', '行政处罚\t0', '行政强制\t0']);
    assert.deepEqual(renderTable(def, 'cells', () => '0'), ['\t第二十条第（六）项', '', '\t信息内容', '\t本年处理决定数量', '', '\t行政处罚', '\t0', '', '\t行政强制', '\t0']);
    assert.deepEqual(renderTable(def, 'markdown'), ['| 第二十条第（六）项 |  |', '| --- | --- |', '| 信息内容 | 本年处理决定数量 |', '| 行政处罚 |  |', '| 行政强制 |  |']);
  });

  it('uses the body name when one is given', () => {
    const text = renderSkeleton('2021', 2023, 'tabs', '东莞市测试局');
    assert.ok(text.startsWith('东莞市测试局2023年政府信息公开工作年度报告\n'));
    assert.equal(parseReport(text).body?.name, '东莞市测试局');
  });
});

/** The skeleton with every cell filled by `value` (table by table, the same way renderSkeleton lays them out). */
function renderSkeletonWith(template: TemplateId, year: number, layout: (typeof LAYOUTS)[number], value: (row: string, col: string) => string): string {
  const empty = renderSkeleton(template, year, layout);
  let out = empty;
  for (const def of TEMPLATES[template].tables) {
    const blank = renderTable(def, layout).join('\n');
    assert.ok(out.includes(blank), `table ${def.id} not found verbatim in the skeleton`);
    out = out.replace(blank, renderTable(def, layout, value).join('\n'));
  }
  return out;
}
