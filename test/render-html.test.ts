import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapeHtml, lint, renderBatchFromTexts, renderBatchHtml, renderReportHtml, renderTable, TEMPLATES, type TableDef, type TemplateId } from '../server/src/core';

// The HTML renderer (core/render-html.ts) behind the VS Code table preview and the CLI's --format html: every
// official table as a grid with the official merged headers, failing relations marked on exactly their cells,
// everything from the document escaped, a self-contained page. NIANBAO_UPDATE_SNAPSHOTS=1 rewrites the snapshot.

const SEEDS = 'test/fixtures/seeds';
const SEED_002 = '002_7eb68c448bcdd812.txt';
const SNAPSHOT = 'test/fixtures/html/002.expected.html';
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort();
const readSeed = (f: string): string => readFileSync(join(SEEDS, f), 'utf8');

// ---------------------------------------------------------------------------------------------------------------
// a tiny HTML reader for the checks: tables, rows, cells with their spans and attributes

interface CellTag {
  tag: 'th' | 'td';
  attrs: Record<string, string>;
  inner: string;
}

function attrsOf(open: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of open.matchAll(/\s([a-z-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** The <table class="nb-grid"> elements with their data-table id and their thead / tbody rows. */
function gridTables(html: string): { id: string; open: string; head: CellTag[][]; body: CellTag[][] }[] {
  const out: { id: string; open: string; head: CellTag[][]; body: CellTag[][] }[] = [];
  for (const m of html.matchAll(/(<table class="nb-grid[^"]*"[^>]*>)([\s\S]*?)<\/table>/g)) {
    const rows = (part: string): CellTag[][] =>
      [...part.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1].matchAll(/<(th|td)(\s[^>]*)?>([\s\S]*?)<\/\1>/g)].map((c) => ({ tag: c[1] as 'th' | 'td', attrs: attrsOf(c[2] ?? ''), inner: c[3] })),
      );
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(m[2])?.[1] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[2])?.[1] ?? '';
    out.push({ id: attrsOf(m[1])['data-table'] ?? '', open: m[1], head: rows(head), body: rows(body) });
  }
  return out;
}

/** Widths of the rows of a table section once rowspans and colspans are laid out (every row must be full). */
function rowWidths(rows: CellTag[][]): number[] {
  const carry: number[] = []; // remaining rowspan per column
  const widths: number[] = [];
  for (const row of rows) {
    let col = 0;
    const next = carry.map((n) => Math.max(0, n - 1));
    const take = (): void => {
      while ((carry[col] ?? 0) > 0) col++;
    };
    for (const c of row) {
      take();
      const span = Number(c.attrs.colspan ?? 1);
      const rs = Number(c.attrs.rowspan ?? 1);
      for (let k = 0; k < span; k++) {
        next[col + k] = Math.max(next[col + k] ?? 0, rs - 1);
        carry[col + k] = carry[col + k] ?? 0;
      }
      col += span;
    }
    take();
    widths.push(Math.max(col, carry.length));
    carry.length = 0;
    carry.push(...next.map((n) => n ?? 0));
  }
  return widths;
}

const dataCells = (rows: CellTag[][]): CellTag[] => rows.flat().filter((c) => c.tag === 'td' && (c.attrs.class ?? '').split(' ').includes('nb-cell'));

/** Every start tag is well formed: a name and only double-quoted attributes (so no text can break out of one). */
function assertWellFormedTags(html: string): void {
  for (const m of html.matchAll(/<(?!\/|!DOCTYPE)[^>]*>/g)) {
    assert.match(m[0], /^<[a-z][a-z0-9]*(\s+[a-z-]+="[^"<>]*")*\s*>$/, `malformed tag ${m[0].slice(0, 120)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// a complete draft with every cell 0, built from the template data

function zeroDraft(template: TemplateId, year: number, layout: 'tabs' | 'cells' | 'markdown'): string {
  const tpl = TEMPLATES[template];
  const numerals = ['一', '二', '三', '四', '五', '六'];
  const lines = [`某某市某某局${year}年政府信息公开工作年度报告`, ''];
  for (const s of tpl.sections) {
    lines.push(`${numerals[s.number - 1]}、${s.heading}`, '');
    for (const def of tpl.tables.filter((t) => t.section === s.number)) {
      const groups = new Set(def.rows.filter((r) => r.items || r.heading).map((r) => r.key));
      lines.push(...renderTable(def, layout, (row) => (groups.has(row) ? undefined : '0')), '');
    }
    if (s.number === 1 || s.number >= 5) lines.push('本年度无其他需要报告的事项。', '');
  }
  lines.push('某某市某某局', `${year + 1}年1月20日`, '');
  return lines.join('\n');
}

function expectedShape(def: TableDef): { width: number; headRows: number; bodyRows: number; cellsPerRow: number } {
  if (def.kind === 'active') return { width: def.columns.length + 1, headRows: 2, bodyRows: def.rows.length, cellsPerRow: def.columns.length };
  if (def.kind === 'applications') return { width: 3 + def.columns.length, headRows: 3, bodyRows: def.rows.filter((r) => !r.heading && !r.items).length, cellsPerRow: def.columns.length };
  return { width: def.columns.length, headRows: 3, bodyRows: def.rows.length, cellsPerRow: def.columns.length };
}

describe('HTML report renderer (core/render-html)', () => {
  describe('every table of both formats as a grid with the official layout', () => {
    for (const template of ['2021', '2019'] as const) {
      for (const layout of ['tabs', 'cells', 'markdown'] as const) {
        it(`${template} format, ${layout} layout`, () => {
          const year = template === '2021' ? 2023 : 2020;
          const result = lint(zeroDraft(template, year, layout));
          assert.equal(result.model.template, template);
          const html = renderReportHtml(result, { fragment: true });
          const tables = gridTables(html);
          const defs = TEMPLATES[template].tables;
          assert.deepEqual(
            tables.map((t) => t.id),
            defs.map((d) => d.id),
            'one grid per official table, in order',
          );
          for (const def of defs) {
            const t = tables.find((x) => x.id === def.id)!;
            const shape = expectedShape(def);
            assert.equal(t.head.length, shape.headRows, `${def.id}: header rows`);
            assert.equal(t.body.length, shape.bodyRows, `${def.id}: body rows`);
            assert.deepEqual(rowWidths(t.head), new Array(shape.headRows).fill(shape.width), `${def.id}: header grid is ${shape.width} wide`);
            assert.deepEqual(rowWidths(t.body), new Array(shape.bodyRows).fill(shape.width), `${def.id}: body grid is ${shape.width} wide`);
            for (const [i, row] of t.body.entries()) assert.equal(dataCells([row]).length, shape.cellsPerRow, `${def.id}: data cells of body row ${i}`);
            for (const c of dataCells(t.body)) {
              assert.equal(c.inner, '0', `${def.id}: every cell shows its 0`);
              assert.match(c.attrs['data-line'] ?? '', /^\d+$/, `${def.id}: the cell carries its source line`);
            }
            assert.ok(!/nb-bad|nb-part|nb-empty|nb-absent/.test(t.open + JSON.stringify(t.body)), `${def.id}: nothing marked on a consistent all-zero draft`);
          }
          assertWellFormedTags(html);
        });
      }
    }

    it('draws the official merged headers of sections 二, 三 and 四', () => {
      const html = renderReportHtml(lint(zeroDraft('2021', 2023, 'tabs')), { fragment: true });
      const tables = gridTables(html);
      const apps = tables.find((t) => t.id === 'apps')!;
      const th = (rows: CellTag[][], text: string): CellTag | undefined => rows.flat().find((c) => c.tag === 'th' && c.inner.includes(text));
      assert.deepEqual([th(apps.head, '申请人情况')?.attrs.colspan], ['7']);
      assert.equal(th(apps.head, '法人或其他组织')?.attrs.colspan, '5');
      assert.equal(th(apps.head, '自然人')?.attrs.rowspan, '2');
      assert.equal(th(apps.head, '总计')?.attrs.rowspan, '2');
      assert.equal(th(apps.head, '勾稽关系')?.attrs.colspan, '3', 'the corner note');
      assert.equal(th(apps.body, '三、本年度办理结果')?.attrs.rowspan, '22', '三、 spans (一)…(七): 2+8+3+5+3+1');
      assert.equal(th(apps.body, '（三）不予公开')?.attrs.rowspan, '8');
      assert.equal(th(apps.body, '（四）无法提供')?.attrs.rowspan, '3');
      assert.equal(th(apps.body, '（五）不予处理')?.attrs.rowspan, '5');
      assert.equal(th(apps.body, '（六）其他处理')?.attrs.rowspan, '3');
      assert.equal(th(apps.body, '一、本年新收')?.attrs.colspan, '3');
      assert.equal(th(apps.body, '（七）总计')?.attrs.colspan, '2');
      const review = tables.find((t) => t.id === 'review')!;
      assert.equal(th(review.head, '行政复议')?.attrs.colspan, '5');
      assert.equal(th(review.head, '行政诉讼')?.attrs.colspan, '10');
      assert.equal(th(review.head, '未经复议直接起诉')?.attrs.colspan, '5');
      assert.equal(th(review.head, '复议后起诉')?.attrs.colspan, '5');
      const a1 = tables.find((t) => t.id === 'a1')!;
      assert.equal(th(a1.head, '第二十条第（一）项')?.attrs.colspan, '4');
      assert.ok(th(a1.head, '信息内容'));
      // 2019: （六）其他处理 is one row; five 第二十条 tables
      const html2019 = renderReportHtml(lint(zeroDraft('2019', 2020, 'tabs')), { fragment: true });
      const t2019 = gridTables(html2019);
      assert.deepEqual(
        t2019.filter((t) => /^a\d/.test(t.id)).map((t) => t.id),
        ['a1', 'a5', 'a6', 'a8', 'a9'],
      );
      const apps2019 = t2019.find((t) => t.id === 'apps')!;
      assert.equal(th(apps2019.body, '（六）其他处理')?.attrs.colspan, '2');
      assert.equal(th(apps2019.body, '三、本年度办理结果')?.attrs.rowspan, '20');
    });

    it('shows the template version and the year on top, and a missing table as a note', () => {
      const text = zeroDraft('2021', 2023, 'tabs');
      const html = renderReportHtml(lint(text), { fragment: true });
      assert.match(html, /报告年度：<b>2023<\/b>/);
      assert.match(html, /表格格式：<b>2021年版格式/);
      const en = renderReportHtml(lint(text), { fragment: true, locale: 'en' });
      assert.match(en, /Reporting year: ?<b>2023<\/b>|Reporting year：<b>2023<\/b>/);
      // drop the review table: a note instead
      const cut = text.slice(0, text.indexOf('行政复议\t')) + text.slice(text.indexOf('五、'));
      const html2 = renderReportHtml(lint(cut), { fragment: true });
      assert.ok(!gridTables(html2).some((t) => t.id === 'review'));
      assert.match(html2, /class="nb-note nb-missing-table" data-table="review"/);
    });

    it('marks blank, placeholder and unreadable cells, and shows an unreadable table as a note', () => {
      let text = zeroDraft('2021', 2023, 'tabs');
      text = text.replace(/^(行政许可)\t0$/m, '$1\t');
      text = text.replace(/^(行政处罚)\t0$/m, '$1\t/');
      text = text.replace(/^(行政强制)\t0$/m, '$1\t12a');
      const result = lint(text);
      const html = renderReportHtml(result, { fragment: true });
      const tables = gridTables(html);
      const a5 = dataCells(tables.find((t) => t.id === 'a5')!.body);
      assert.match(a5[0].attrs.class, /nb-empty/);
      assert.equal(a5[0].inner, '空');
      const a6 = dataCells(tables.find((t) => t.id === 'a6')!.body);
      assert.match(a6[0].attrs.class, /nb-placeholder/);
      assert.match(a6[0].inner, /^\/<span class="nb-tag">空<\/span>$/);
      assert.match(a6[1].attrs.class, /nb-invalid/);
      assert.match(a6[1].inner, /12a/);
      result.model.tables.find((t) => t.id === 'review')!.readable = false;
      const html2 = renderReportHtml(result, { fragment: true });
      assert.ok(!gridTables(html2).some((t) => t.id === 'review'));
      assert.match(html2, /class="nb-note nb-unreadable" data-table="review"/);
    });
  });

  describe('seed 002: a failing relation marks exactly its cells', () => {
    const result = lint(readSeed(SEED_002));
    const html = renderReportHtml(result, { fragment: true });
    const cells = gridTables(html).flatMap((t) => dataCells(t.body).map((c) => ({ ...c, table: t.id })));

    it('marks the two （七）总计 cells (lines 339 and 345) as wrong totals with the computed value, and no other cell', () => {
      const bad = cells.filter((c) => c.attrs.class.split(' ').includes('nb-bad'));
      assert.deepEqual(
        bad.map((c) => Number(c.attrs['data-line']) + 1),
        [339, 345],
      );
      for (const c of bad) {
        assert.equal(c.table, 'apps');
        assert.equal(c.inner, '<span class="nb-sym">✗</span>0 → 应为 1', 'symbol and the computed value, for black-and-white print');
        assert.match(c.attrs.title, /（七）总计/);
      }
    });

    it('marks the operands of the failing relations (and only cells of the 自然人 and 总计 columns)', () => {
      const part = cells.filter((c) => c.attrs.class.split(' ').includes('nb-part'));
      assert.ok(part.length > 0);
      const lines = new Set(part.map((c) => Number(c.attrs['data-line']) + 1));
      // 一、本年新收 (L114, L120), 1.本机关不掌握 (L242, L248), 四、结转 (L348, L354)
      for (const l of [114, 120, 242, 248, 348, 354]) assert.ok(lines.has(l), `line ${l} marked as part of the failing relation`);
      const model = result.model;
      const apps = model.tables.find((t) => t.id === 'apps')!;
      const allowed = new Set<number>();
      for (const row of apps.rows.values()) for (const col of ['natural', 'total']) {
        const c = row.cells.get(col);
        if (c) allowed.add(c.range.start.line + 1);
      }
      for (const l of lines) assert.ok(allowed.has(l), `line ${l} is not in the 自然人 or 总计 column`);
      assert.ok(part.every((c) => c.table === 'apps'));
      assert.ok(part.every((c) => c.inner.startsWith('<span class="nb-sigma">Σ</span>')));
    });

    it('lists the findings by section with their line numbers', () => {
      assert.match(html, /<h3 class="nb-fsec">三、收到和处理政府信息公开申请情况（\d+）<\/h3>/);
      assert.match(html, /<span class="nb-line" data-line="338" data-ch="1">第 339 行<\/span><span class="nb-msg">勾稽关系不符/);
      const order = [...html.matchAll(/<h3 class="nb-fsec">([^（<]+)/g)].map((m) => m[1]);
      assert.deepEqual(order, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']);
    });

    it('matches the HTML snapshot (NIANBAO_UPDATE_SNAPSHOTS=1 rewrites it)', () => {
      const page = renderReportHtml(result, { fileName: SEED_002 });
      if (process.env.NIANBAO_UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
        mkdirSync(dirname(SNAPSHOT), { recursive: true });
        writeFileSync(SNAPSHOT, page);
      }
      const expected = readFileSync(SNAPSHOT, 'utf8');
      if (page !== expected) {
        const a = page.split('\n');
        const b = expected.split('\n');
        const i = a.findIndex((l, k) => l !== b[k]);
        assert.fail(`HTML of seed 002 differs from ${SNAPSHOT} at line ${i + 1}:\n- ${b[i]?.slice(0, 300)}\n+ ${a[i]?.slice(0, 300)}\n(NIANBAO_UPDATE_SNAPSHOTS=1 npm test rewrites the snapshot)`);
      }
    });
  });

  describe('escaping: nothing from the document is ever markup', () => {
    const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', `"'&amp;`];

    it('escapes hostile text in the title, cells, messages, the file name and the batch page', () => {
      let text = zeroDraft('2021', 2023, 'tabs');
      text = text.replace(/^某某市某某局2023年/, `某某"'&<script>alert(1)</script>局2023年`);
      text = text.replace(/^(行政许可)\t0$/m, '$1\t<img src=x onerror=alert(1)>');
      text = text.replace(/^(行政处罚)\t0$/m, `$1\t"'&amp;<b>`);
      text = text.replace('本年度无其他需要报告的事项。', '<script>alert(1)</script><img src=x onerror=alert(1)>');
      const result = lint(text);
      assert.ok(result.model.title?.text.includes('<script>'), 'the hostile title is read as the title');
      assert.ok(result.diagnostics.some((d) => d.message.zh.includes('<img')), 'a message quotes the hostile cell');
      const pages = [
        renderReportHtml(result, { fileName: `<script>alert(1)</script>"'.txt` }),
        renderReportHtml(result, { fragment: true, lineLinks: true, locale: 'en', fileName: '<img src=x onerror=alert(1)>' }),
        renderBatchHtml([
          { file: `<script>alert(1)</script>"'&.txt`, result },
          { file: '<img src=x onerror=alert(1)>.txt', result: null, error: '<script>alert(1)</script>' },
        ]),
        renderBatchFromTexts([{ file: '"><script>alert(1)</script>', text }]),
      ];
      for (const html of pages) {
        assert.ok(!/<script/i.test(html), 'no <script');
        assert.ok(!/<img/i.test(html), 'no <img');
        assert.ok(!/<b>"/.test(html) && !/&amp;<b>/.test(html), 'the <b> of the cell is text');
        assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
        assertWellFormedTags(html);
      }
      assert.ok(pages[1].includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(pages[0].includes('&quot;&#39;&amp;amp;&lt;b&gt;'), 'quotes and ampersands of a cell are escaped');
    });

    it('escapeHtml escapes the five special characters and nothing else', () => {
      assert.equal(escapeHtml(HOSTILE.join(' ')), '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;amp;');
      assert.equal(escapeHtml('（七）总计 0 → 1'), '（七）总计 0 → 1');
    });
  });

  describe('the batch page', () => {
    const reports = seedFiles.map((f) => ({ file: f, result: lint(readSeed(f)) }));
    const html = renderBatchHtml(reports);

    it('is self-contained: no script, no external resource, inline CSS with print rules', () => {
      assert.ok(html.startsWith('<!DOCTYPE html>'));
      assert.ok(!/<script/i.test(html));
      assert.ok(!/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i.test(html), 'no remote src/href');
      assert.ok(!/url\(\s*["']?(https?:)?\/\//i.test(html), 'no remote url() in the CSS');
      assert.ok(!/<link|<iframe|<object|<embed|@import/i.test(html));
      assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
      assertWellFormedTags(html);
      const single = renderReportHtml(reports[2].result, { fileName: SEED_002 });
      assert.ok(!/<script|https?:\/\/[^\s"<]*\.(css|js|png|woff2?)/i.test(single));
      const fragment = renderReportHtml(reports[2].result, { fragment: true });
      assert.ok(!/<html|<head|<style|<body/.test(fragment), 'a fragment is only the body part');
    });

    it('has a summary row per report, linking to its anchor, with the key numbers', () => {
      const summary = /<table class="nb-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
      const rows = [...summary.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
      assert.equal(rows.length, seedFiles.length);
      seedFiles.forEach((f, i) => {
        assert.ok(rows[i][1].includes(`<a href="#nb-r${i + 1}">${f}</a>`), f);
        assert.ok(html.includes(`<section class="nb-report" id="nb-r${i + 1}">`), `anchor of ${f}`);
      });
      // seed 002: 本年新收 1, 上年结转 0, 办理结果总计 0, 结转 0, 行政复议 1, 行政诉讼 0
      const cells002 = [...rows[2][1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
      assert.equal(cells002[1], '韶关市浈江区人民政府办公室');
      assert.deepEqual(cells002.slice(2, 10), ['2022', '2019', '1', '0', '0', '0', '1', '0']);
      const errors = reports[2].result.diagnostics.filter((d) => d.severity === 'error').length;
      assert.equal(cells002[10], String(errors));
      assert.ok(gridTables(html).length >= seedFiles.length * 3, 'the tables of every report');
    });

    it('shows a file that could not be read with its error', () => {
      const page = renderBatchFromTexts([
        { file: 'a.txt', text: readSeed(SEED_002) },
        { file: 'b.docx', text: null, error: '文件为空' },
      ]);
      assert.match(page, /<a href="#nb-r2">b\.docx<\/a><\/td><td colspan="11" class="nb-has-error">无法读取：文件为空/);
      assert.match(page, /<section class="nb-report" id="nb-r2"><h1>b\.docx<\/h1>/);
    });

    it('uses the given findings instead of its own when the CLI passes them (e.g. --quiet)', () => {
      const text = readSeed(SEED_002);
      const only = lint(text).diagnostics.filter((d) => d.rule === 'date-in-year');
      const page = renderBatchFromTexts([{ file: 'a.txt', text, diagnostics: only }]);
      assert.match(page, /检查结果（1）/);
      assert.equal((page.match(/class="nb-cell nb-bad"/g) ?? []).length, 2, 'the table marks still come from the relations');
    });
  });
});
