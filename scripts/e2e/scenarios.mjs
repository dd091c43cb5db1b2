/**
 * The scenarios of issue 7, run in order in one VS Code window (each records what it saw in `saw.scenarios`).
 * Expected findings always come from the CLI (`nianbao lint --format json`) on the same text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assert, cliFindings, cliFindingsOfText, cliReport, diffFindings, ROOT } from './reference.mjs';
import { TABLE_RULES } from './fixtures.mjs';

const LONG = 90_000;

export async function runScenarios(c) {
  const { wb, page, results, saw, files, dirs, out } = c;
  const wsPath = (f) => path.join(dirs.ws, f);
  const rowsOf = (rows, file) => rows.filter((r) => r.path === wsPath(file) && r.source === 'nianbao');
  const seedText = fs.readFileSync(wsPath(files.seed002), 'utf8');
  const seedLines = seedText.split('\n');
  const lineOf = (re) => {
    const i = seedLines.findIndex((l) => re.test(l));
    if (i < 0) throw new Error(`seed-002: no line ${re}`);
    return i + 1;
  };
  const report002 = cliReport(wsPath(files.seed002));
  const ref002 = report002.diagnostics;
  const template = report002.template;
  saw.cli = { seed002: ref002 };
  let shotNo = 0;

  async function shot(name) {
    const file = path.join(out, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return path.relative(ROOT, file);
  }

  /** Also writes the README's copy under docs/ when run with --docs. */
  async function docShot(name, clip) {
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, clip });
    if (c.docs) fs.copyFileSync(file, path.join(ROOT, 'docs', `${name}.png`));
    return path.relative(ROOT, file);
  }

  async function scenario(name, fn) {
    if (c.only && !name.includes(c.only) && !name.startsWith('seed 002')) return;
    const record = {};
    saw.scenarios[name] = record;
    const t0 = Date.now();
    try {
      const note = await fn(record);
      record.ms = Date.now() - t0;
      record.screenshot = await shot(name);
      results.pass(name, { ms: record.ms, note });
    } catch (e) {
      record.ms = Date.now() - t0;
      record.error = e instanceof Error ? e.message : String(e);
      if (e?.rows) record.rowsSeen = e.rows;
      if (e?.seen) record.seen = e.seen;
      try {
        record.screenshot = await shot(`FAILED-${name}`);
      } catch {}
      results.fail(name, e, { ms: record.ms, screenshot: record.screenshot });
      try {
        await wb.escape(3);
      } catch {}
    }
  }

  /** Opens a file and, if a failed scenario left it modified, reverts it. */
  async function openClean(file) {
    await wb.openFile(file);
    const dirty = await page.$eval('.tabs-container .tab.active', (t) => t.classList.contains('dirty'));
    if (dirty) {
      await wb.command('File: Revert File');
      await page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
    }
  }

  const problemsEqual = (file, expected) => (rows) => diffFindings(expected, rowsOf(rows, file)).equal;
  function explainDiff(file, expected, rows) {
    const d = diffFindings(expected, rowsOf(rows, file));
    return `missing: ${JSON.stringify(d.missing, null, 1)}\nextra: ${JSON.stringify(d.extra, null, 1)}`;
  }
  async function waitEqual(file, expected, what, timeout = LONG) {
    try {
      return await wb.waitProblems(problemsEqual(file, expected), what, timeout);
    } catch (e) {
      throw Object.assign(new Error(`${e.message}\n${explainDiff(file, expected, e.rows ?? [])}`), { rows: e.rows });
    }
  }

  // ------------------------------------------------------------------------------------------------------
  await scenario('seed 002 as .txt: activation, status bar item, Problems panel = CLI', async (r) => {
    await wb.openFile(files.seed002);
    const errors = ref002.filter((d) => d.severity === 'error').length;
    const warnings = ref002.filter((d) => d.severity === 'warning').length;
    const expectedStatus = `年报 ${template}版 · ${errors || warnings ? `✗${errors} ⚠${warnings}` : '✓'}`;
    const item = await wb.waitReportItem((i) => i.text === expectedStatus, LONG).catch(async (e) => {
      throw new Error(`${e.message}; expected "${expectedStatus}"`);
    });
    r.statusItem = item;
    const rows = await waitEqual(files.seed002, ref002, 'the CLI findings of seed-002.txt');
    const mine = rowsOf(rows, files.seed002);
    r.problems = mine;
    // severities as the CLI says
    for (const d of ref002) {
      const row = mine.find((x) => x.rule === d.rule && x.line === d.line && x.column === d.column && x.message === d.message);
      assert(row && row.severity === d.severity, `severity of ${d.rule} at ${d.line}:${d.column}: panel ${row?.severity}, CLI ${d.severity}`);
    }
    // the findings the issue names, spelled out
    const totals = mine.filter((x) => x.rule === 'relation-mismatch');
    const l339 = lineOf(/^\t（七）总计/) + 1;
    assert(totals.some((x) => x.line === l339) && totals.some((x) => x.line === l339 + 6), `relation errors on the （七）总计 cells (lines ${l339}, ${l339 + 6}) missing`);
    assert(totals.every((x) => x.message.startsWith('勾稽关系不符')), 'relation messages are not the Chinese ones');
    const date = mine.find((x) => x.rule === 'date-in-year');
    assert(date && date.message.includes('2022年1月18日') && date.line === lineOf(/2022年1月18日/), 'the 2022年1月18日 date error is missing');
    await wb.gotoLine(l339 - 8);
    await wb.waitStatusText(`Ln ${l339 - 8},`);
    // the README's picture: the wrong totals in the editor, the Problems panel and the status bar item
    r.docShot = await docShot('problems', { x: 330, y: 370, width: 1070, height: 630 });
    return `${mine.length} problems = CLI; status "${item.text}"`;
  });

  // ------------------------------------------------------------------------------------------------------
  await scenario('hover: label 7.属于行政执法案卷 explains, wrong total shows the breakdown', async (r) => {
    await openClean(files.seed002);
    await wb.gotoLine(lineOf(/^\t7\.属于行政执法案卷/));
    const label = await wb.showHover((h) => {
      const t = h.innerText;
      return t.includes('行政执法案卷') && /条例|件数/.test(t);
    }, 'the explanation of 7.属于行政执法案卷');
    r.labelHover = label.text;
    await wb.escape();
    await wb.page.waitForSelector('.monaco-hover', { state: 'hidden' }).catch(() => {});
    const total = lineOf(/^\t（七）总计/) + 1;
    await wb.gotoLine(total);
    const breakdown = await wb.showHover(
      (h) => [...h.querySelectorAll('table th, table td')].some((cell) => (cell.textContent || '').includes('勾稽关系')),
      'the breakdown table (勾稽关系) of the wrong total',
    );
    r.totalHover = breakdown.text;
    assert(breakdown.text.includes('勾稽关系'), 'no 勾稽关系 in the hover');
    // the README's picture: the hover scrolled down to its breakdown table (the last part of the hover)
    // (Ctrl+K Ctrl+I again focuses the hover; End scrolls it to the bottom)
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForFunction(() => !!document.activeElement?.closest('.monaco-hover'), null, { timeout: 10_000 }).catch(() => {});
    await page.keyboard.press('End');
    await page
      .waitForFunction(() => {
        const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => h.offsetParent !== null);
        const table = hover?.querySelector('table');
        if (!hover || !table) return false;
        const a = hover.getBoundingClientRect(), b = table.getBoundingClientRect();
        return b.top >= a.top && b.top < a.bottom;
      }, null, { timeout: 10_000 })
      .catch(() => {});
    const box = await page.locator('.monaco-hover').filter({ hasText: '勾稽关系' }).last().boundingBox();
    if (box) {
      const x = Math.max(0, box.x - 80), y = Math.max(0, box.y - 40);
      r.docShot = await docShot('hover', { x, y, width: Math.min(1400 - x, box.width + 160), height: Math.min(1000 - y, box.height + 90) });
    }
    await wb.escape();
    return 'both hovers rendered';
  });

  // ------------------------------------------------------------------------------------------------------
  const totalLine = lineOf(/^\t（七）总计/) + 1;
  let afterFix = null;
  await scenario('quick fix: Ctrl+. on the wrong total offers 将合计改为 1, applying it removes the problem', async (r) => {
    await openClean(files.seed002);
    await waitEqual(files.seed002, ref002, 'the findings of seed-002.txt');
    await wb.gotoLine(totalLine);
    const titles = await wb.openQuickFix();
    r.offered = titles;
    assert(titles.some((t) => t.includes('将合计改为 1')), `offered: ${titles.join(' | ')}`);
    r.applied = await wb.chooseQuickFix('将合计改为 1');
    const fixedLines = [...seedLines];
    fixedLines[totalLine - 1] = fixedLines[totalLine - 1].replace(/0$/, '1');
    const expected = cliFindingsOfText(fixedLines.join('\n'));
    assert(!expected.some((d) => d.rule === 'relation-mismatch' && d.line === totalLine), 'the CLI still reports the fixed total (fixture assumption broken)');
    const rows = await waitEqual(files.seed002, expected, `the problem on line ${totalLine} to go (CLI findings of the fixed text)`);
    r.problemsAfter = rowsOf(rows, files.seed002);
    afterFix = fixedLines;
    return `applied "${r.applied}"`;
  });

  // ------------------------------------------------------------------------------------------------------
  await scenario('typing a digit into a section 三 cell updates the Problems panel', async (r) => {
    // After the quick fix (total 自然人 = 1): a 2 typed into （一）予以公开·自然人 makes the total wrong again.
    // Without it (that scenario failed): from the original text, a 1 typed into the wrong total mends it.
    let base, cellLine, digit;
    if (afterFix) {
      await wb.openFile(files.seed002);
      base = afterFix;
      cellLine = lineOf(/^\t（一）予以公开/) + 1;
      digit = '2';
    } else {
      await openClean(files.seed002);
      base = seedLines;
      cellLine = totalLine;
      digit = '1';
      r.note = 'quick fix scenario failed: typed into the total instead';
    }
    assert(/^\t0$/.test(base[cellLine - 1]), `line ${cellLine} is not a 0 cell`);
    const before = cliFindingsOfText(base.join('\n'));
    await waitEqual(files.seed002, before, 'the findings before typing');
    const edited = [...base];
    edited[cellLine - 1] = `\t${digit}`;
    const expected = cliFindingsOfText(edited.join('\n'));
    const sizeBefore = (await wb.readProblems()).length;
    const sizeAfter = sizeBefore - before.length + expected.length;
    await wb.gotoLine(cellLine);
    await page.keyboard.press('Shift+End');
    r.cell = { line: cellLine, typed: digit };
    const t0 = Date.now();
    await page.keyboard.type(digit);
    if (sizeAfter !== sizeBefore) {
      // first sign in the Problems panel: its number of rows changes
      await page.waitForFunction(
        (n) => {
          const row = document.querySelector('.markers-panel .monaco-list-row');
          return !!row && Number(row.getAttribute('aria-setsize')) === n;
        },
        sizeAfter,
        { timeout: LONG, polling: 'raf' },
      );
      r.typingToProblemsMs = Date.now() - t0;
    }
    const rows = await waitEqual(files.seed002, expected, 'the CLI findings of the edited text');
    r.typingToSettledMs = Date.now() - t0;
    r.typingToProblemsMs ??= r.typingToSettledMs;
    r.problemsAfter = rowsOf(rows, files.seed002);
    await wb.command('File: Revert File');
    await waitEqual(files.seed002, ref002, 'the original findings after File: Revert File');
    return `typing → Problems panel ${r.typingToProblemsMs} ms (all rows = CLI after ${r.typingToSettledMs} ms)`;
  });

  // ------------------------------------------------------------------------------------------------------
  await scenario('outline view lists the six sections', async (r) => {
    await openClean(files.seed002);
    await wb.command('Explorer: Focus on Outline View');
    const expected = seedLines.filter((l) => /^[一二三四五六]、/.test(l)).map((l) => l.trim());
    assert(expected.length === 6, `seed has ${expected.length} section headings`);
    let top = [];
    const deadline = Date.now() + LONG;
    for (;;) {
      const rows = await wb.readOutline();
      top = rows.filter((x) => x.level === 1).map((x) => x.label.replace(/\s*\([^)]*\)$/, ''));
      if (JSON.stringify(top) === JSON.stringify(expected) || Date.now() > deadline) break;
      await wb.nextFrames(5);
    }
    r.outline = top;
    assert(JSON.stringify(top) === JSON.stringify(expected), `outline top level: ${JSON.stringify(top)}; expected ${JSON.stringify(expected)}`);
    await wb.focusEditor();
    return top.join(' / ');
  });

  // ------------------------------------------------------------------------------------------------------
  await scenario('user setting nianbao.rules relation-mismatch: off removes its problems', async (r) => {
    await openClean(files.seed002);
    await waitEqual(files.seed002, ref002, 'the findings of seed-002.txt');
    // as a user does it: Preferences: Open User Settings (JSON), edit, save, close
    // (code-server does not notice settings.json written behind its back)
    const write = async (extra) => {
      await wb.command('Preferences: Open User Settings (JSON)');
      // (VS Code 1.139 opens it in a modal editor part, without a tab)
      await page.waitForFunction(() => !!document.activeElement?.closest('.part.editor[class*="modal-editor"] .monaco-editor'));
      const text = JSON.stringify({ ...c.userSettings, ...extra }); // one line: no auto-indent while it is inserted
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(text);
      await page.keyboard.press('Control+S');
      for (const deadline = Date.now() + 30_000; ; ) {
        const saved = fs.readFileSync(c.settingsFile, 'utf8');
        if (saved === text) break;
        assert(Date.now() < deadline, `settings.json not saved as typed: ${saved}`);
        await wb.nextFrames(5);
      }
      const modal = '.part.editor[class*="modal-editor"]';
      await page.keyboard.press('Escape');
      const closed = await page.waitForSelector(modal, { state: 'hidden', timeout: 5000 }).then(() => true, () => false);
      if (!closed) {
        // VS Code may have touched the buffer after the save (a settings migration): the disk has our text
        const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
        if (await dontSave.count()) await dontSave.click();
        else await page.click(`${modal} .codicon-close, ${modal} .codicon-chrome-close`);
      }
      await page.waitForSelector(modal, { state: 'hidden' });
      await wb.focusEditor();
    };
    await write({ 'nianbao.rules': { 'relation-mismatch': 'off' } });
    const expected = ref002.filter((d) => d.rule !== 'relation-mismatch');
    assert(expected.length < ref002.length, 'seed 002 has no relation errors to turn off');
    const rows = await waitEqual(files.seed002, expected, 'relation-mismatch problems to go');
    r.problemsWithRuleOff = rowsOf(rows, files.seed002);
    await write({});
    await waitEqual(files.seed002, ref002, 'relation-mismatch problems to come back after the setting is removed');
    return `${ref002.length - expected.length} relation problems gone, back after removing the setting`;
  });

  // ------------------------------------------------------------------------------------------------------
  await scenario('table preview of seed 002 marks the （七）总计 cells; clicking one jumps the editor', async (r) => {
    await openClean(files.seed002);
    await wb.command('年报表格预览');
    // the webview lives in nested iframes: find the frame that holds the rendered grid
    const wrongLines = new Set(ref002.filter((d) => d.rule === 'relation-mismatch').map((d) => d.line - 1));
    let frame = null;
    let marked = [];
    for (const deadline = Date.now() + LONG; !frame; ) {
      for (const f of page.frames()) {
        try {
          const cells = await f.$$eval('td.nb-bad[data-line]', (tds) => tds.map((td) => ({ line: Number(td.getAttribute('data-line')), text: (td.textContent || '').trim() })));
          if (cells.length) {
            frame = f;
            marked = cells;
            break;
          }
        } catch {}
      }
      if (!frame) {
        assert(Date.now() < deadline, 'no preview webview with marked cells appeared');
        await wb.nextFrames(5);
      }
    }
    r.marked = marked;
    r.previewScreenshot = await shot('table preview with the marked cells');
    assert(marked.length === wrongLines.size, `marked cells ${JSON.stringify(marked)}; wrong totals on lines ${[...wrongLines].map((l) => l + 1)}`);
    for (const m of marked) assert(wrongLines.has(m.line), `cell on line ${m.line + 1} marked, but the CLI reports no wrong total there`);
    // click the second wrong total: the editor must move its cursor to that line
    const target = marked[marked.length - 1];
    // the click goes to whichever frame holds the cell now (a preview re-rendered under the pointer replaces
    // its frame); when no jump follows within a few seconds the cell is clicked again, as a user would
    const cell = `td.nb-bad[data-line="${target.line}"]`;
    const clickCell = async () => {
      for (const f of [frame, ...page.frames()]) {
        try {
          if (f.isDetached() || !(await f.$(cell))) continue;
          await f.click(cell, { timeout: 5000 });
          return true;
        } catch {}
      }
      return false;
    };
    r.clicks = 0;
    let clickedAt = 0;
    const want = `Ln ${target.line + 1},`;
    for (const deadline = Date.now() + LONG; ; ) {
      if (Date.now() - clickedAt > 3000 && (await clickCell())) {
        r.clicks++;
        clickedAt = Date.now();
      }
      const items = await wb.statusItems();
      const sel = items.find((i) => /^Ln \d+, Col \d+/.test(i.text));
      if (sel && sel.text.startsWith(want)) {
        r.cursor = sel.text;
        break;
      }
      assert(Date.now() < deadline, `the editor did not jump to line ${target.line + 1} after ${r.clicks} click(s): ${sel?.text}`);
      await wb.nextFrames(5);
    }
    await wb.command('View: Close All Editor Groups');
    await openClean(files.seed002);
    return `${marked.length} cells marked (${marked.map((m) => m.line + 1).join(', ')}); ${r.clicks} click(s) → ${r.cursor}`;
  });

  // ------------------------------------------------------------------------------------------------------
  const mdRef = cliFindings(wsPath(files.markdown)).filter((d) => TABLE_RULES.has(d.rule));
  saw.cli.markdown = mdRef;
  await scenario('not a report: a plain text file gets no status bar item', async (r) => {
    await wb.openFile(files.notes);
    await wb.waitReportItemHidden(LONG);
    r.statusItems = await wb.statusItems();
    return 'status bar item hidden';
  });

  await scenario('Markdown draft (pipe tables) gives the same table findings as the CLI', async (r) => {
    assert(mdRef.some((d) => d.rule === 'relation-mismatch') && mdRef.some((d) => d.rule === 'cell-missing'), 'fixture: the CLI finds no table errors in the draft');
    await wb.openFile(files.markdown);
    r.statusItem = await wb.waitReportItem((i) => i.text.startsWith('年报 2021版'), LONG);
    const rows = await wb.waitProblems(
      (rows) => diffFindings(mdRef, rowsOf(rows, files.markdown).filter((x) => TABLE_RULES.has(x.rule))).equal,
      'the CLI table findings of the Markdown draft',
      LONG,
    );
    r.problems = rowsOf(rows, files.markdown);
    return `${mdRef.length} table findings = CLI`;
  });

  await scenario('not a report: the plain text file has no problems', async (r) => {
    // notes.txt was opened before the Markdown draft, whose findings are now shown: the server has answered for it
    const rows = await wb.readProblems();
    r.rows = rows.filter((x) => x.path === wsPath(files.notes));
    assert(r.rows.length === 0, `problems on ${files.notes}: ${JSON.stringify(r.rows)}`);
    await wb.openFile(files.notes);
    await wb.waitReportItemHidden(LONG);
    const again = (await wb.readProblems()).filter((x) => x.path === wsPath(files.notes));
    assert(again.length === 0, `problems on ${files.notes}: ${JSON.stringify(again)}`);
    return 'no problems';
  });
}
