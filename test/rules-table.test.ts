import * as assert from 'node:assert/strict';
import { lint, RULES, type LintDiagnostic } from '../server/src/core';
import { applyEdits, draft, formatFinding, lineOf, linesOf, rangeInside, row, TABLE_RULES, tableFindings, textAt } from './helpers';

const of = (text: string, rule: string): LintDiagnostic[] => lint(text).diagnostics.filter((d) => d.rule === rule);
/** Errors and warnings of every rule, as `rule message` (positions left out: a fix may shift later columns). */
const serious = (text: string): string[] =>
  lint(text)
    .diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.rule} ${d.message.zh}`);

/** Apply a fix and check that its finding is gone and that no other error or warning appeared. */
function applyAndRecheck(text: string, d: LintDiagnostic, fixIndex = 0): string {
  const fix = d.fixes[fixIndex];
  assert.ok(fix, `${d.rule} offers a fix`);
  const before = new Set(serious(text));
  const fixed = applyEdits(text, fix.edits);
  const after = lint(fixed).diagnostics;
  assert.ok(!after.some((x) => x.rule === d.rule && x.message.zh === d.message.zh), `the finding is gone after "${fix.title.zh}"`);
  const added = serious(fixed).filter((x) => !before.has(x));
  assert.deepEqual(added, [], 'no new error or warning');
  return fixed;
}

describe('rules: registry', () => {
  it('has the seven table rules with their documented defaults', () => {
    assert.equal(TABLE_RULES.length, 7);
    const byId = new Map(RULES.map((r) => [r.meta.id, r.meta]));
    const want: [string, string, string | false][] = [
      ['relation-mismatch', 'error', 'suggestion'],
      ['cell-missing', 'warning', 'fix'],
      ['cell-not-number', 'warning', false],
      ['cell-negative', 'error', false],
      ['row-missing', 'warning', false],
      ['row-unreadable', 'warning', false],
      ['table-unrecognized', 'info', false],
    ];
    for (const [id, severity, fixable] of want) {
      const m = byId.get(id);
      assert.ok(m, id);
      assert.equal(m.defaultSeverity, severity, id);
      assert.equal(m.fixable, fixable, id);
    }
  });

  it('finds nothing in consistent drafts of either format and any layout', () => {
    for (const template of ['2019', '2021'] as const)
      for (const layout of ['tabs', 'cells', 'markdown'] as const) assert.deepEqual(tableFindings(draft({ template, layout })), [], `${template} ${layout}`);
  });

  it('can be switched off or given another severity by settings', () => {
    const text = draft({ apps: { r1: row(1), r3_4_1: row(1) } });
    const off = lint(text, { rules: { 'relation-mismatch': 'off' }, bodyKind: 'auto', reportYear: null });
    assert.equal(off.diagnostics.filter((d) => d.rule === 'relation-mismatch').length, 0);
    const warn = lint(text, { rules: { 'relation-mismatch': 'warning' }, bodyKind: 'auto', reportYear: null });
    assert.ok(warn.diagnostics.filter((d) => d.rule === 'relation-mismatch').every((d) => d.severity === 'warning'));
  });
});

describe('rule relation-mismatch', () => {
  // seed 002: one application, answered 本机关不掌握, but （七）总计 left at 0
  const text = draft({ apps: { r1: row(1), r3_4_1: row(1) } });
  const totalLine = lineOf(text, '（七）总计');

  it('fires on the reported total, once per broken relation, with the summed cells as related information', () => {
    const ds = of(text, 'relation-mismatch');
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, textAt(text, d.range), d.severity]),
      [
        [totalLine, '0', 'error'],
        [totalLine, '0', 'error'],
        [totalLine, '0', 'error'],
        [totalLine, '0', 'error'],
      ],
    );
    const natural = ds.filter((d) => d.range.start.character === '（七）总计\t'.length);
    assert.deepEqual(
      natural.map((d) => d.message.zh).sort(),
      [
        '勾稽关系不符：「第一项加第二项之和，等于第三项加第四项之和」（自然人列）。（七）总计·自然人填报 0，计算值 1，相差 -1。',
        '勾稽关系不符：「（七）总计 = （一）至（六）各项之和」（自然人列）。（七）总计·自然人填报 0，计算值 1，相差 -1。',
      ],
    );
    const result = natural.find((d) => d.message.zh.includes('各项之和'))!;
    assert.match(result.message.en, /^Relation does not hold/);
    // （一）（二） and the items of （三）（四）（五）（六）
    assert.equal(result.related.length, 2 + 8 + 3 + 5 + 3);
    const lines = linesOf(text);
    for (const r of result.related) assert.ok(rangeInside(r.range, lines));
    assert.ok(result.related.some((r) => r.message.zh === '（四）无法提供·自然人'.replace('（四）无法提供', '1.本机关不掌握相关政府信息') + ' = 1'));
    const identity = natural.find((d) => d.message.zh.includes('第三项加第四项'))!;
    assert.ok(identity.related.some((r) => r.message.zh.startsWith('减去 四、结转下年度继续办理·自然人')));
  });

  it('offers the computed total as a suggestion (not preferred), which removes that finding', () => {
    const ds = of(text, 'relation-mismatch');
    for (const d of ds) {
      assert.equal(d.fixes.length, 1);
      assert.equal(d.fixes[0].preferred, false, 'never part of fix-all');
      assert.match(d.fixes[0].title.zh, /^将合计改为 1（（七）总计·(自然人|总计)）$/);
      const fixed = applyEdits(text, d.fixes[0].edits);
      assert.ok(!lint(fixed).diagnostics.some((x) => x.rule === d.rule && x.message.zh === d.message.zh));
    }
    // both suggested totals together make the table consistent
    const natural = ds.find((d) => d.fixes[0].title.zh.includes('自然人'))!;
    const total = ds.find((d) => d.fixes[0].title.zh.includes('总计·总计'))!;
    const fixed = applyEdits(text, [...natural.fixes[0].edits, ...total.fixes[0].edits]);
    assert.deepEqual(tableFindings(fixed), []);
  });

  it('does not fire when a summand is blank (unknown is not a mismatch)', () => {
    const t = draft({ apps: { r1: row(1), r3_4_1: ['', '0', '0', '0', '0', '0', '1'], r3_7: row(1) } });
    assert.deepEqual(of(t, 'relation-mismatch'), []);
    assert.equal(of(t, 'cell-missing').length, 1);
  });

  it('fires on a row total, and in section 四', () => {
    const t = draft({ apps: { r2: ['1', '1', '0', '0', '0', '0', '3'], r4: ['1', '1', '0', '0', '0', '0', '3'] }, review: ['1', '0', '0', '0', '0', ...new Array<string>(10).fill('0')] });
    const ds = of(t, 'relation-mismatch');
    assert.deepEqual(
      ds.map((d) => d.message.zh),
      [
        '勾稽关系不符：「总计 = 自然人与五类法人或其他组织之和」（「二、上年结转政府信息公开申请数量」行）。二、上年结转政府信息公开申请数量·总计填报 3，计算值 2，相差 1。',
        '勾稽关系不符：「总计 = 自然人与五类法人或其他组织之和」（「四、结转下年度继续办理」行）。四、结转下年度继续办理·总计填报 3，计算值 2，相差 1。',
        '勾稽关系不符：「行政复议总计 = 结果维持＋结果纠正＋其他结果＋尚未审结」。行政复议·总计填报 0，计算值 1，相差 -1。',
      ],
    );
  });
});

describe('rule cell-missing', () => {
  it('fires once per row, on the row label, listing the blank and placeholder columns, with a preferred fix', () => {
    const t = draft({ apps: { r3_1: ['', '/', '—', '-', '－', '0', '0'] } });
    const ds = of(t, 'cell-missing');
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(textAt(t, d.range), '（一）予以公开');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message.zh, '「（一）予以公开」有5个单元格未填写数字（自然人、商业企业、科研机构、社会公益组织、法律服务机构）。没有发生的事项应填 0，空白或“/”“—”视为缺数。');
    assert.equal(d.related.length, 5);
    assert.deepEqual(
      d.related.map((r) => r.message.zh),
      ['自然人：空白', '商业企业：/', '科研机构：—', '社会公益组织：-', '法律服务机构：－'],
    );
    assert.equal(d.fixes.length, 1);
    assert.equal(d.fixes[0].preferred, true);
    assert.equal(d.fixes[0].title.zh, '将5个未填写的单元格填为 0');
    const fixed = applyAndRecheck(t, d);
    assert.match(fixed, /^（一）予以公开\t0\t0\t0\t0\t0\t0\t0$/m);
    assert.deepEqual(tableFindings(fixed), []);
  });

  it('fires in the tabs and markdown layouts and its fix works there too', () => {
    for (const layout of ['tabs', 'markdown'] as const) {
      const t = draft({ layout, apps: { r3_3_5: ['0', '', '0', '0', '', '0', '0'] } });
      const ds = of(t, 'cell-missing');
      assert.equal(ds.length, 1, layout);
      const fixed = applyAndRecheck(t, ds[0]);
      assert.deepEqual(tableFindings(fixed), [], layout);
    }
  });

  // In the Word → text layout an empty cell is a line holding only the tab (regression: it used to end the row).
  it('cells layout: a line holding only the tab is an empty cell of the row, not a row break', () => {
    const t = draft({ layout: 'cells', apps: { r3_3_5: ['0', '', '0', '0', '', '0', '0'] } });
    const ds = lint(t).diagnostics.filter((d) => TABLE_RULES.includes(d.rule));
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['cell-missing'],
      ds.map(formatFinding).join('\n'),
    );
    assert.match(ds[0].message.zh, /有2个单元格未填写数字（商业企业、法律服务机构）/);
    const fixed = applyAndRecheck(t, ds[0]);
    assert.deepEqual(tableFindings(fixed), []);
  });

  it('gives no fix when a cell is absent (short row), and still reports it', () => {
    const t = draft().replace(/^（一）予以公开\t.*$/m, '（一）予以公开\t0\t0');
    const ds = of(t, 'cell-missing');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /有5个单元格未填写数字/);
    assert.deepEqual(ds[0].fixes, []);
  });

  it('reports the blank cells of seed 003 line 53 (short row with blanks) without a fix', () => {
    const t = draft().replace(/^（一）予以公开\t.*$/m, '三、本年度办理结果\t(一) 予以公开\t\t\t\t\t\t0').replace(/^三、本年度办理结果\n/m, '');
    const ds = of(t, 'cell-missing');
    assert.equal(ds.length, 1);
    assert.equal(textAt(t, ds[0].range), '(一) 予以公开');
    assert.match(ds[0].message.zh, /^「（一）予以公开」有6个单元格未填写数字（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）/);
    assert.deepEqual(ds[0].fixes, [], 'the 自然人 cell is absent: no certain place to write 0');
  });

  it('names the review table when a cell of section 四 is blank', () => {
    const review = new Array<string>(15).fill('0');
    review[3] = '/';
    const t = draft({ review });
    const ds = of(t, 'cell-missing');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /^行政复议、行政诉讼表格有1个单元格未填写数字（尚未审结）/);
    assert.equal(textAt(t, ds[0].range), '/');
    applyAndRecheck(t, ds[0]);
  });

  // The fill-0 fix is certain (preferred, part of fix-all) only where 0 agrees with every relation touching the cells.
  it('its preferred fix never turns a blank into a relation error (fill 0 only where 0 is consistent)', () => {
    const cases = [
      // 自然人 left blank, but the row total says 1 and so do 一 and （七）
      draft({ apps: { r1: row(1), r3_1: ['', '0', '0', '0', '0', '0', '1'], r3_7: row(1) } }),
      // the 总计 of （七） left blank while its parts add up to 4 (seed 001 with one cell deleted)
      draft({ apps: { r1: row(3, 1), r3_1: row(3, 1), r3_7: ['3', '1', '0', '0', '0', '0', ''] } }),
      // the item of a group left blank while the group row carries 1 (seed 004 （三） with a number)
      draft({ apps: { r1: row(1), r3_3_1: ['', '', '', '', '', '', ''], r3_7: row(1) }, groups: { r3_3: row(1) } }),
    ];
    const problems: string[] = [];
    for (const t of cases) {
      for (const d of of(t, 'cell-missing')) {
        for (const f of d.fixes.filter((x) => x.preferred)) {
          const added = of(applyEdits(t, f.edits), 'relation-mismatch').map((x) => x.message.zh);
          if (added.length) problems.push(`${d.message.zh.slice(0, 30)}… → "${f.title.zh}" adds ${added.length} relation error(s), e.g. ${added[0]}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('offers filling 0 as a suggestion only, titled "check first", where 0 disagrees with a total', () => {
    const t = draft({ apps: { r1: row(1), r3_1: ['', '0', '0', '0', '0', '0', '1'], r3_7: row(1) } });
    const ds = of(t, 'cell-missing');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].fixes.length, 1);
    const f = ds[0].fixes[0];
    assert.equal(f.preferred, false);
    assert.equal(f.title.zh, '将1个未填写的单元格填为 0（与合计不符，请先核对）');
    assert.equal(f.title.en, 'Fill the 1 empty cells with 0 (disagrees with a total: check first)');
    assert.deepEqual(f.edits.map((e) => e.newText), ['0']);
  });

  it('does not fire on zeros nor on a group row left without numbers', () => {
    assert.deepEqual(of(draft(), 'cell-missing'), []);
  });
});

describe('rule cell-not-number', () => {
  it('fires on text in a cell, on the cell', () => {
    const t = draft({ apps: { r3_1: ['约1件', '0', '0', '0', '0', '0', '0'] } });
    const ds = of(t, 'cell-not-number');
    assert.equal(ds.length, 1);
    assert.equal(textAt(t, ds[0].range), '约1件');
    assert.equal(ds[0].message.zh, '单元格（（一）予以公开·自然人）的内容“约1件”不是数字。');
    assert.deepEqual(ds[0].fixes, []);
  });

  it('fires on a count written with decimals', () => {
    const t = draft({ apps: { r1: ['1.5', '0', '0', '0', '0', '0', '1.5'] } });
    const ds = of(t, 'cell-not-number');
    assert.equal(ds.length, 2);
    assert.equal(ds[0].message.zh, '单元格（一、本年新收政府信息公开申请数量·自然人）是件数，应为整数，不能是“1.5”。');
  });

  it('does not fire on amounts with decimals, numbers with a unit, full-width digits or placeholders', () => {
    const t = draft().replace(/^行政事业性收费\t0$/m, '行政事业性收费\t4443.19');
    assert.deepEqual(of(t, 'cell-not-number'), []);
    const t2019 = draft({ template: '2019' }).replace(/^政府集中采购\t0\t0$/m, '政府集中采购\t36\t555000元');
    assert.deepEqual(of(t2019, 'cell-not-number'), []);
    assert.deepEqual(of(draft({ apps: { r3_1: ['０', '/', '0', '0', '0', '0', '0'] } }), 'cell-not-number'), []);
  });
});

describe('rule cell-negative', () => {
  it('fires on a negative count, on the cell, as an error', () => {
    const t = draft({ apps: { r2: ['-1', '1', '0', '0', '0', '0', '0'], r4: ['-1', '1', '0', '0', '0', '0', '0'] } });
    const ds = of(t, 'cell-negative');
    assert.equal(ds.length, 2);
    assert.equal(textAt(t, ds[0].range), '-1');
    assert.equal(ds[0].severity, 'error');
    assert.equal(ds[0].message.zh, '单元格（二、上年结转政府信息公开申请数量·自然人）不能为负数：-1。');
  });

  it('fires in section 二 of the 2021 format and in section 四', () => {
    const t = draft().replace(/^行政处罚\t0$/m, '行政处罚\t-3');
    assert.equal(of(t, 'cell-negative').length, 1);
    const review = new Array<string>(15).fill('0');
    review[0] = '－2';
    review[4] = '－2';
    assert.equal(of(draft({ review }), 'cell-negative').length, 2);
  });

  it('does not fire on the 本年增/减 column of the 2019 format (seed 004: 行政许可 173 -13 160)', () => {
    const t = draft({ template: '2019' }).replace(/^行政许可\t0\t0\t0$/m, '行政许可\t173\t-13\t160');
    assert.deepEqual(of(t, 'cell-negative'), []);
    assert.deepEqual(tableFindings(t), []);
  });
});

describe('rule row-missing', () => {
  it('fires for one missing row, on the label of the next row', () => {
    const t = draft({ apps: { r3_3_2: null } });
    const ds = of(t, 'row-missing');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message.zh, '表格缺少「2.其他法律行政法规禁止公开」一行。');
    assert.equal(textAt(t, ds[0].range), '3.危及“三安全一稳定”');
  });

  it('fires once for many missing rows', () => {
    const gone = Object.fromEntries(['r3_3_1', 'r3_3_2', 'r3_3_3', 'r3_3_4', 'r3_3_5', 'r3_3_6', 'r3_3_7'].map((k) => [k, null]));
    const ds = of(draft({ apps: gone }), 'row-missing');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /^表格缺少7行：1\.属于国家秘密、2\.其他法律行政法规禁止公开/);
  });

  it('fires when section 二 lacks a table of the format, on the section heading', () => {
    const t = draft().replace(/第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t0\n行政强制\t0\n/, '');
    const ds = of(t, 'row-missing');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message.zh, '第二部分缺少「第二十条第（六）项」表格。');
    assert.equal(textAt(t, ds[0].range), '二、主动公开政府信息情况');
  });

  it('does not fire on complete tables of either format', () => {
    assert.deepEqual(of(draft({ template: '2019' }), 'row-missing'), []);
    assert.deepEqual(of(draft({ template: '2021', layout: 'cells' }), 'row-missing'), []);
  });
});

describe('rule row-unreadable', () => {
  it('fires on a row with more values than columns, and the other rows are still checked', () => {
    const t = draft({ apps: { r1: ['1', '0', '0', '0', '0', '0', '0', '1', '5'], r3_4_1: row(1) } });
    const ds = of(t, 'row-unreadable');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message.zh, '无法读取“一、本年新收政府信息公开申请数量”一行：有9个数值，而该表只有7列。');
    assert.equal(textAt(t, ds[0].range), '一、本年新收政府信息公开申请数量');
    assert.equal(of(t, 'relation-mismatch').length, 2, 'result sums still checked; the identity is unknown without 一');
  });

  it('fires on numbers without a row label', () => {
    const t = draft().replace(/^(（一）予以公开\t.*)$/m, '$1\n\t5\t0\t0\t0\t0\t0\t5');
    const ds = of(t, 'row-unreadable');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message.zh, '这一行数字不属于表格中的任何一行（找不到行标题）。');
  });

  it('fires on a row label written twice', () => {
    const t = draft().replace(/^(（一）予以公开\t.*)$/m, '$1\n$1');
    const ds = of(t, 'row-unreadable');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message.zh, '表格中“（一）予以公开”一行重复出现，只读取第一次出现的数据。');
    assert.equal(ds[0].range.start.line, lineOf(t, '（一）予以公开') + 1);
  });

  it('does not fire on a complete table', () => {
    assert.deepEqual(of(draft({ layout: 'cells' }), 'row-unreadable'), []);
  });
});

describe('rule table-unrecognized', () => {
  it('fires on the section heading when section 三 has no table (an image)', () => {
    const full = draft();
    const t = full.slice(0, full.indexOf('三、收到和处理')) + '三、收到和处理政府信息公开申请情况\n（表格见附图）\n\n' + full.slice(full.indexOf('四、政府信息公开行政复议'));
    const ds = of(t, 'table-unrecognized');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].message.zh, '「收到和处理政府信息公开申请情况」下没有识别出政府信息公开申请情况统计表，表中数字未能检查。');
    assert.equal(textAt(t, ds[0].range), '三、收到和处理政府信息公开申请情况');
  });

  it('fires once when the table of section 三 is scrambled PDF text, and no relation is checked there', () => {
    const full = draft();
    const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '（七）总计', '四、结转下年度继续办理'];
    const stream = ['自然人', '商业企业', '1', '2', '3', ...labels, '0', '0', '0'].join('\n');
    const t = full.slice(0, full.indexOf('三、收到和处理')) + '三、收到和处理政府信息公开申请情况\n' + stream + '\n\n' + full.slice(full.indexOf('四、政府信息公开行政复议'));
    const r = lint(t);
    const table = r.model.tables.find((x) => x.kind === 'applications')!;
    assert.equal(table.layout, 'stream');
    assert.equal(table.readable, false);
    const ds = r.diagnostics.filter((d) => d.rule === 'table-unrecognized');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message.zh, /^无法按行读取此表格/);
    assert.ok(!r.relations.some((x) => x.table === table));
    assert.ok(!r.diagnostics.some((d) => ['relation-mismatch', 'cell-missing', 'cell-not-number'].includes(d.rule)));
  });

  it('does not fire on readable tables', () => {
    assert.deepEqual(of(draft({ layout: 'markdown' }), 'table-unrecognized'), []);
  });
});
