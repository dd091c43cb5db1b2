/**
 * Issue 4: hovers on every official label and on the seeds' cells; every fix the seeds offer applies cleanly,
 * removes its finding and adds no error or warning; fix-all is idempotent; converting the 2019 tables of seeds
 * 000 and 002 yields 2021 tables whose relations hold where values carried over.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  confirmFixes,
  convertAll,
  disableFix,
  fixAllEdits,
  hoverAt,
  lint,
  parseReport,
  TEMPLATES,
  type LintDiagnostic,
  type LintResult,
  type Position,
  type Range,
} from '../server/src/core';
import { renderSkeleton } from '../server/src/core/skeleton';
import { draft } from './helpers';

const DIR = 'test/fixtures/seeds';
const SEEDS = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort()
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(DIR, f), 'utf8') }));
const seed = (n: string): string => SEEDS.find((s) => s.name === n)!.text;

const inside = (r: Range): Position => ({ line: r.start.line, character: r.start.character + (r.end.line === r.start.line && r.end.character > r.start.character ? 0 : 0) });
const key = (d: LintDiagnostic): string => `${d.rule}|${d.message.zh}`;

function serious(ds: LintDiagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity === 'error' || d.severity === 'warning') m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}

describe('hovers', () => {
  it('every official label of both templates has an explanation', () => {
    const missing: string[] = [];
    for (const tpl of Object.values(TEMPLATES)) {
      for (const t of tpl.tables) {
        if (t.caption && !t.explain) missing.push(`${tpl.id} ${t.id} caption`);
        if (t.cornerLabel && !t.labelExplain?.[t.cornerLabel]) missing.push(`${tpl.id} ${t.id} ${t.cornerLabel}`);
        for (const s of t.spanningLabels ?? []) if (!t.labelExplain?.[s]) missing.push(`${tpl.id} ${t.id} ${s}`);
        for (const c of t.columns) if (!c.explain) missing.push(`${tpl.id} ${t.id} column ${c.label}`);
        for (const r of t.rows) if (r.label && !r.explain) missing.push(`${tpl.id} ${t.id} row ${r.label}`);
      }
      for (const s of tpl.sections) if (!s.explain) missing.push(`${tpl.id} section ${s.heading}`);
    }
    assert.deepEqual(missing, []);
  });

  it('hovering every label of every table of a skeleton in both formats gives its explanation', () => {
    for (const tpl of ['2019', '2021'] as const) {
      const r = lint(renderSkeleton(tpl, tpl === '2019' ? 2020 : 2023, 'tabs'));
      let labels = 0;
      for (const t of r.model.tables) {
        const refs = [...(t.caption ? [t.caption] : []), ...t.headers, ...[...t.rows.values()].map((x) => x.label).filter((l) => l.text)];
        for (const l of refs) {
          const h = hoverAt(r, inside(l.range));
          assert.ok(h, `${tpl} no hover on ${l.text}`);
          assert.ok(h.markdown.length > l.text.length + 10, `${tpl} thin hover on ${l.text}`);
          labels++;
        }
      }
      assert.ok(labels > 40, `${tpl}: only ${labels} labels`);
      for (const s of r.model.sections) assert.ok(hoverAt(r, s.heading.range.start), `no hover on ${s.heading.title}`);
    }
  });

  it('on a wrong total of seed 002 the hover shows the relations as a table with reported, computed and ✗', () => {
    const r = lint(seed('002'));
    const h = hoverAt(r, { line: 338, character: 1 });
    assert.ok(h);
    assert.match(h.markdown, /\*\*（七）总计·自然人\*\*：0/);
    assert.match(h.markdown, /\| 勾稽关系 \| 本格 \| 填报 \| 计算 \| 结果 \|/);
    assert.match(h.markdown, /（七）总计 = （一）至（六）各项之和（自然人列） \| 合计 \| 0 \| 1 \| ✗/);
    assert.match(h.markdown, /第一项加第二项之和，等于第三项加第四项之和（自然人列） \| 合计 \| 0 \| 1 \| ✗/);
  });

  it('on 7.属于行政执法案卷 of seed 002 the hover explains what it counts and its legal basis', () => {
    const r = lint(seed('002'));
    const h = hoverAt(r, { line: 218, character: 2 });
    assert.ok(h);
    assert.match(h.markdown, /行政执法案卷/);
    assert.match(h.markdown, /《条例》第十六条/);
    assert.match(h.markdown, /2019 年版格式/);
  });

  it('every number cell of every seed has a hover naming its row and column', () => {
    for (const { name, text } of SEEDS) {
      const r = lint(text);
      for (const t of r.model.tables) {
        if (!t.readable) continue;
        for (const row of t.rows.values()) {
          for (const c of row.cells.values()) {
            if (c.state !== 'number') continue;
            const h = hoverAt(r, c.range.start);
            assert.ok(h, `${name}: no hover at ${c.range.start.line + 1}:${c.range.start.character + 1}`);
            assert.match(h.markdown, /\*\*.+·.+\*\*：/, `${name} ${c.row}/${c.col}`);
          }
        }
      }
    }
  });
});

/** Every fix a result offers, with its diagnostic. */
function offered(r: LintResult): { d: LintDiagnostic; f: LintDiagnostic['fixes'][number] }[] {
  return r.diagnostics.flatMap((d) => d.fixes.map((f) => ({ d, f })));
}

function linesTouched(edits: { range: Range }[]): number[] {
  return edits.flatMap((e) => {
    const out: number[] = [];
    for (let l = e.range.start.line; l <= e.range.end.line; l++) out.push(l);
    return out;
  });
}

describe('fixes on the seeds', () => {
  it('every certain (confirmed preferred) fix removes its finding, adds no error or warning and edits only its finding', () => {
    let checked = 0;
    for (const { name, text } of SEEDS) {
      const r = lint(text);
      const confirmed = confirmFixes(r);
      for (const d of confirmed) {
        for (const f of d.fixes.filter((x) => x.preferred)) {
          const fixed = applyEdits(r.model, f.edits);
          const after = lint(fixed).diagnostics;
          assert.ok(after.filter((x) => key(x) === key(d)).length < r.diagnostics.filter((x) => key(x) === key(d)).length, `${name}: "${f.title.zh}" leaves ${key(d)}`);
          const before = serious(r.diagnostics);
          for (const [k, n] of serious(after)) assert.ok(n <= (before.get(k) ?? 0), `${name}: "${f.title.zh}" adds ${k}`);
          // the edit stays on the finding's lines or its table
          const table = r.model.tables.find((t) => d.range.start.line >= t.firstLine && d.range.start.line <= t.lastLine);
          for (const l of linesTouched(f.edits)) {
            const ok = (l >= d.range.start.line && l <= d.range.end.line) || (table && l >= table.firstLine && l <= table.lastLine) || d.related.some((x) => l >= x.range.start.line && l <= x.range.end.line);
            assert.ok(ok, `${name}: "${f.title.zh}" edits line ${l + 1}, outside its finding`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked >= 5, `only ${checked} certain fixes on the seeds`);
  });

  it('every fixable finding of the seeds offers a fix, and every offered edit applies inside the document', () => {
    for (const { name, text } of SEEDS) {
      const r = lint(text);
      for (const { d, f } of offered(r)) {
        for (const e of f.edits) {
          assert.ok(e.range.start.line < r.model.lines.length && e.range.end.line < r.model.lines.length, `${name} ${d.rule}`);
        }
        assert.doesNotThrow(() => applyEdits(r.model, f.edits));
      }
      for (const d of r.diagnostics) {
        if (['relation-mismatch', 'template-version', 'official-label'].includes(d.rule) && d.severity !== 'info') {
          assert.ok(d.fixes.length > 0, `${name}: ${d.rule} at line ${d.range.start.line + 1} offers no fix`);
        }
      }
    }
  });

  it('the wrong totals of seed 002 offer "将合计改为 1" as a suggestion, not a certain fix, and applying both clears the relation errors', () => {
    const r = lint(seed('002'));
    const rel = r.diagnostics.filter((d) => d.rule === 'relation-mismatch');
    assert.equal(rel.length, 4);
    for (const d of rel) {
      assert.match(d.fixes[0].title.zh, /^将合计改为 1/);
      assert.equal(d.fixes[0].preferred, false);
      assert.ok(d.related.length >= 3, 'the summed cells are listed as related information');
    }
    const edits = [rel[0].fixes[0].edits[0], rel[2].fixes[0].edits[0]];
    const after = lint(applyEdits(r.model, edits)).diagnostics;
    assert.deepEqual(after.filter((d) => d.rule === 'relation-mismatch'), []);
  });

  it('fix-all applies only certain fixes and is idempotent', () => {
    for (const { name, text } of SEEDS) {
      const r = lint(text);
      const edits = fixAllEdits(r);
      const once = applyEdits(r.model, edits);
      const r2 = lint(once);
      const twice = applyEdits(r2.model, fixAllEdits(r2));
      assert.equal(twice, once, `${name}: fix-all changed the text a second time`);
      const before = serious(r.diagnostics);
      for (const [k, n] of serious(r2.diagnostics)) assert.ok(n <= (before.get(k) ?? 0), `${name}: fix-all adds ${k}`);
      // no arithmetic suggestion is ever part of fix-all
      const totals = r.diagnostics.filter((d) => d.rule === 'relation-mismatch').flatMap((d) => d.fixes.flatMap((f) => f.edits));
      for (const t of totals) assert.ok(!edits.includes(t), `${name}: fix-all includes a total`);
    }
  });

  it('fix-all keeps CRLF line endings and touches nothing but the fixed text', () => {
    const crlf = seed('003').replace(/\r?\n/g, '\r\n');
    const r = lint(crlf);
    const out = applyEdits(r.model, fixAllEdits(r));
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF appeared');
    assert.equal(out.split('\r\n').length, crlf.split('\r\n').length);
    assert.match(out, /社会公益组织/);
    assert.match(out, /2\.其他法律行政法规禁止公开/);
  });

  it('"在此行停用该规则" inserts a directive that silences exactly that finding', () => {
    const r = lint(seed('002'));
    const d = r.diagnostics.find((x) => x.rule === 'date-in-year')!;
    const f = disableFix(r, d);
    assert.match(f.title.zh, /在此行停用规则 date-in-year/);
    const after = lint(applyEdits(r.model, f.edits)).diagnostics;
    assert.deepEqual(after.filter((x) => x.rule === 'date-in-year'), []);
    assert.deepEqual(after.filter((x) => x.rule === 'inline-directive'), []);
    assert.equal(after.filter((x) => x.rule === 'relation-mismatch').length, 4);
  });

  it('in a Markdown table the rule is disabled around the table, which stays a table', () => {
    const md = readFileSync('examples/2023-shili-shujuju.md', 'utf8').replace('| （七）总计 | 10 |', '| （七）总计 | 9 |');
    const r = lint(md);
    const d = r.diagnostics.find((x) => x.rule === 'relation-mismatch')!;
    assert.ok(d);
    const fixed = applyEdits(r.model, disableFix(r, d).edits);
    const after = lint(fixed);
    assert.deepEqual(after.diagnostics.filter((x) => x.rule === 'relation-mismatch'), []);
    assert.equal(after.model.tables.find((t) => t.kind === 'applications')!.rows.size, 30);
  });

  it('converting the 2019 tables of seeds 000 and 002 gives 2021 tables; relations hold where values carried over', () => {
    for (const n of ['000', '002']) {
      const r = lint(seed(n));
      const out = convertAll(r.model);
      const after = lint(out);
      assert.deepEqual(after.diagnostics.filter((d) => d.rule === 'template-version').map((d) => d.message.zh), [], n);
      const m = parseReport(out);
      for (const t of m.tables) assert.equal(t.template, '2021', `${n} ${t.id}`);
      assert.ok(!m.tables.some((t) => t.id === 'a9'), `${n}: 第二十条第（九）项 removed`);
      const apps = m.tables.find((t) => t.kind === 'applications')!;
      assert.equal(apps.rows.get('r3_6_3')!.cells.get('total')!.raw, '0', `${n}: （六）其他处理 carried to 3.其他`);
      // values carried over, relations that can be evaluated still agree with the original's
      const before = new Set(r.relations.filter((x) => x.status === 'mismatch').map((x) => x.def.id));
      for (const x of after.relations.filter((y) => y.status === 'mismatch')) assert.ok(before.has(x.def.id), `${n}: conversion broke ${x.def.id}`);
      // every 2021 cell without a 2019 counterpart is left empty and flagged
      assert.ok(after.diagnostics.some((d) => d.rule === 'cell-missing' && /本年废止件数/.test(d.message.zh)), n);
    }
  });

  it('converting the 2019 tables of a draft whose cells are apart by spaces gives 2021 tables that read, values carried over', () => {
    const two = ['2', '0', '0', '0', '0', '0', '2'];
    // a 2022 report written in the 2019 format (as seeds 000 and 002)
    const text = draft({ template: '2019', layout: 'spaces', title: '东莞市测试局2022年政府信息公开工作年度报告', apps: { r1: two, r3_1: two, r3_7: two } });
    const r = lint(text);
    assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'relation-mismatch'), [], 'the draft adds up');
    assert.ok(r.diagnostics.some((d) => d.rule === 'template-version'));
    assert.equal(r.model.tables.find((t) => t.kind === 'applications')!.layout, 'spaces');
    const after = lint(convertAll(r.model));
    assert.deepEqual(after.diagnostics.filter((d) => d.rule === 'template-version' || d.rule === 'relation-mismatch' || d.rule === 'row-unreadable'), []);
    const apps = after.model.tables.find((t) => t.kind === 'applications')!;
    assert.equal(apps.template, '2021');
    assert.equal(apps.rows.get('r1')!.cells.get('total')!.raw, '2');
    assert.equal(apps.rows.get('r3_1')!.cells.get('natural')!.raw, '2');
  });

  it('a missing section is inserted with its heading (and table) at the right place', () => {
    const r = lint(seed('004'));
    const d = r.diagnostics.find((x) => x.rule === 'section-structure')!;
    const fixed = applyEdits(r.model, d.fixes[0].edits);
    const after = lint(fixed);
    assert.deepEqual(after.diagnostics.filter((x) => x.rule === 'section-structure'), []);
    assert.equal(after.model.sections[after.model.sections.length - 1].heading.title, '其他需要报告的事项');
    // removing section 四 of seed 003 and inserting it back brings the review table in the tab layout
    const text = seed('003');
    const cut = text.replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、存在的主要问题)/, '');
    const r3 = lint(cut);
    const d3 = r3.diagnostics.find((x) => x.rule === 'section-structure')!;
    const back = lint(applyEdits(r3.model, d3.fixes[0].edits));
    assert.deepEqual(back.diagnostics.filter((x) => x.rule === 'section-structure'), []);
    const review = back.model.tables.find((t) => t.kind === 'review')!;
    assert.equal(review.layout, 'tabs');
    assert.ok(back.diagnostics.some((x) => x.rule === 'cell-missing' && /行政复议、行政诉讼表格有15个/.test(x.message.zh)));
  });

  it('mixed numbering offers to renumber the whole level', () => {
    const r = lint(seed('001'));
    const d = r.diagnostics.find((x) => x.rule === 'numbering')!;
    const renumber = d.fixes.find((f) => /重新编号/.test(f.title.zh))!;
    assert.ok(renumber);
    const after = lint(applyEdits(r.model, renumber.edits));
    assert.deepEqual(after.diagnostics.filter((x) => x.rule === 'numbering'), []);
  });
});
