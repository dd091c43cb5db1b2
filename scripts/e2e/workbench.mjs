/**
 * Driving the VS Code workbench (served by code-server) through playwright-core, the way a person would: the
 * keyboard shortcuts of the issue (Ctrl+P, Ctrl+G, Ctrl+K Ctrl+I, Ctrl+., Ctrl+Shift+M, F1) and reading what the
 * DOM shows. Every wait is on DOM state; nothing sleeps for a fixed time.
 */

const DEFAULT_TIMEOUT = 30_000;
/** The text of the extension's status bar item: "年报 2019版 · ✗2 ⚠1" (or "Report 2019 · …" in English). */
const REPORT_ITEM = /^(年报|Report)(\s|$)/;

/** page.waitForFunction with a readable error. */
async function waitFor(page, what, fn, arg, options = {}) {
  try {
    return await page.waitForFunction(fn, arg, { timeout: DEFAULT_TIMEOUT, ...options });
  } catch (e) {
    throw new Error(`timed out waiting for ${what} (${String(e.message).split('\n')[0]})`);
  }
}

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 120_000 });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  }

  async quickInputOpen() {
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  }

  async quickInputClosed() {
    await this.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }

  /** Ctrl+P, the file name, Enter; waits until the file is the active editor tab. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    await this.quickInputOpen();
    await this.page.keyboard.type(name);
    await waitFor(this.page, `Quick Open to list ${name}`, (n) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row[data-index="0"]');
      return !!row && (row.getAttribute('aria-label') || row.textContent || '').includes(n);
    }, name);
    await this.page.keyboard.press('Enter');
    await this.quickInputClosed();
    await waitFor(this.page, `${name} to be the active editor`, (n) => {
      const tab = document.querySelector('.tabs-container .tab.active');
      return !!tab && (tab.getAttribute('aria-label') || tab.textContent || '').includes(n);
    }, name);
    await this.page.waitForSelector('.editor-instance .monaco-editor .view-lines');
  }

  /** F1, the command's title, Enter (the first entry must carry the title). */
  async command(title) {
    await this.page.keyboard.press('F1');
    await this.quickInputOpen();
    await this.page.keyboard.type(title);
    await waitFor(this.page, `the command palette to offer "${title}"`, (t) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row[data-index="0"]');
      return !!row && (row.getAttribute('aria-label') || row.textContent || '').includes(t);
    }, title);
    await this.page.keyboard.press('Enter');
    await this.quickInputClosed();
  }

  async focusEditor() {
    await this.page.keyboard.press('Control+1');
    await waitFor(this.page, 'the editor to have the focus', () => !!document.activeElement?.closest('.editor-instance .monaco-editor'), null);
  }

  async escape(times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  /** Ctrl+G to a 1-based line, then Home: the cursor on the line's first non-blank character. */
  async gotoLine(line) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.quickInputOpen();
    await this.page.keyboard.type(String(line));
    await waitFor(this.page, `Go to Line to read line ${line}`, (l) => document.querySelector('.quick-input-widget')?.textContent?.includes(`line ${l}`), line);
    await this.page.keyboard.press('Enter');
    await this.quickInputClosed();
    await this.waitStatusText(`Ln ${line},`);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Home');
  }

  async statusItems() {
    return this.page.$$eval('.part.statusbar .statusbar-item', (items) =>
      items
        .filter((e) => e.offsetParent !== null && getComputedStyle(e).display !== 'none')
        .map((e) => ({ id: e.id, text: (e.textContent || '').trim(), ariaLabel: e.getAttribute('aria-label') || '' })),
    );
  }

  async waitStatusText(text, timeout = DEFAULT_TIMEOUT) {
    await waitFor(
      this.page,
      `the status bar to show "${text}"`,
      (t) => [...document.querySelectorAll('.part.statusbar .statusbar-item')].some((e) => e.offsetParent !== null && (e.textContent || '').includes(t)),
      text,
      { timeout },
    );
  }

  /** The extension's status bar item (text "年报 …" or "Report …"), visible or not. */
  async reportItem() {
    const items = await this.statusItems();
    return items.find((i) => REPORT_ITEM.test(i.text) || i.id.endsWith('nianbao.status')) ?? null;
  }

  async waitReportItem(predicate = () => true, timeout = DEFAULT_TIMEOUT) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const item = await this.reportItem();
      if (item && predicate(item)) return item;
      if (Date.now() > deadline) throw new Error(`status bar item not as expected (last: ${JSON.stringify(item)})`);
      await this.nextFrames(3);
    }
  }

  async waitReportItemHidden(timeout = DEFAULT_TIMEOUT) {
    await waitFor(
      this.page,
      'the report status bar item to be hidden',
      (src) => {
        const re = new RegExp(src);
        return ![...document.querySelectorAll('.part.statusbar .statusbar-item')].some(
          (e) => e.offsetParent !== null && (e.id.endsWith('nianbao.status') || re.test((e.textContent || '').trim())),
        );
      },
      REPORT_ITEM.source,
      { timeout },
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Problems panel (table view; its list is virtualised: rows are collected while scrolling)

  async showProblems() {
    const visible = await this.page.$eval('body', () => {
      const p = document.querySelector('.markers-panel');
      return !!p && p.offsetParent !== null;
    });
    if (!visible) {
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.waitForSelector('.markers-panel', { state: 'visible' });
    }
  }

  /** Every row of the Problems table: severity, source, code (rule), message, file path, 1-based line and column. */
  async readProblems() {
    await this.showProblems();
    const list = '.markers-panel .monaco-list';
    const empty = await this.page.$$eval(`${list} .monaco-list-row`, (rows) => rows.length === 0);
    if (empty) return [];
    const rows = await this.collectRows(list, (r) => {
      const label = r.getAttribute('aria-label') || '';
      const code = r.querySelector('.code')?.getAttribute('title') || '';
      const file = r.querySelector('.file')?.getAttribute('title') || '';
      const m = /^(.*) \[Ln (\d+), Col (\d+)\]$/.exec(file);
      const c = /^(\S+) \((.+)\)$/.exec(code);
      return {
        severity: (/^(Error|Warning|Info)\b/.exec(label)?.[1] || '').toLowerCase(),
        source: c ? c[1] : r.querySelector('.source')?.getAttribute('title') || '',
        rule: c ? c[2] : '',
        message: r.querySelector('.message')?.getAttribute('title') || '',
        path: m ? m[1] : file,
        line: m ? Number(m[2]) : 0,
        column: m ? Number(m[3]) : 0,
      };
    });
    return rows;
  }

  /** Polls the Problems panel until predicate(rows) holds; returns those rows. */
  async waitProblems(predicate, what, timeout = DEFAULT_TIMEOUT) {
    const deadline = Date.now() + timeout;
    let rows = [];
    for (;;) {
      rows = await this.readProblems();
      if (predicate(rows)) return rows;
      if (Date.now() > deadline) {
        const err = new Error(`Problems panel: timed out waiting for ${what}`);
        err.rows = rows;
        throw err;
      }
      await this.nextFrames(5);
    }
  }

  async nextFrames(n = 1) {
    await this.page.evaluate(
      (k) =>
        new Promise((resolve) => {
          let left = k;
          const step = () => (--left <= 0 ? resolve(true) : requestAnimationFrame(step));
          requestAnimationFrame(step);
        }),
      n,
    );
  }

  /**
   * Collects every row of a virtualised monaco list (keyed by data-index) by wheeling through it, from the top.
   * `map` runs in the page on each row element.
   */
  async collectRows(listSelector, map) {
    // Scrolls with wheel events dispatched on the list's own scrollable element: the mouse is never moved over
    // the list (a hover popping up under the pointer would swallow real wheel events).
    const wheel = (deltaY) =>
      this.page.$eval(
        `${listSelector} > .monaco-scrollable-element`,
        (el, dy) => {
          const before = el.querySelector('.monaco-list-rows')?.style.top ?? '';
          el.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, deltaMode: 0, bubbles: true, cancelable: true }));
          return before;
        },
        deltaY,
      );
    const position = () => this.page.$eval(`${listSelector} .monaco-list-rows`, (e) => `${e.style.top}|${e.style.transform}`);
    const height = await this.page.$eval(listSelector, (e) => e.getBoundingClientRect().height);
    if (!height) return [];
    for (let i = 0; i < 50; i++) {
      const before = await position();
      await wheel(-100_000);
      await this.nextFrames(2);
      if ((await position()) === before) break;
    }
    const seen = new Map();
    let total = Infinity;
    for (let guard = 0; guard < 500; guard++) {
      const batch = await this.page.$$eval(
        `${listSelector} .monaco-list-row`,
        (rows, src) => {
          const fn = new Function(`return (${src})`)();
          return rows.map((r) => ({ index: Number(r.dataset.index), size: Number(r.getAttribute('aria-setsize') || 0), value: fn(r) }));
        },
        map.toString(),
      );
      for (const b of batch) {
        seen.set(b.index, b.value);
        if (b.size) total = b.size;
      }
      if (!batch.length || seen.size >= total) break;
      const before = await position();
      await wheel(Math.max(60, Math.floor(height * 0.7)));
      await this.nextFrames(2);
      if ((await position()) === before) break; // at the bottom
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }

  // ---------------------------------------------------------------------------------------------------------
  // hover, quick fix

  /** Ctrl+K Ctrl+I at the cursor; waits until the hover's text satisfies `until`. Returns its text and HTML. */
  async showHover(until, what, timeout = DEFAULT_TIMEOUT) {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const handle = await this.page
      .waitForFunction(
        (src) => {
          const fn = new Function(`return (${src})`)();
          const hovers = [...document.querySelectorAll('.monaco-hover')].filter((h) => h.offsetParent !== null && !h.classList.contains('hidden'));
          for (const h of hovers) if (fn(h)) return { text: h.innerText, html: h.innerHTML };
          return null;
        },
        until.toString(),
        { timeout },
      )
      .catch(async (e) => {
        const texts = await this.page.$$eval('.monaco-hover', (hs) => hs.map((h) => h.innerText));
        const err = new Error(`hover: timed out waiting for ${what} (${e.message.split('\n')[0]})`);
        err.seen = texts;
        throw err;
      });
    return handle.jsonValue();
  }

  /** Ctrl+.; returns the titles of the offered actions (in order). */
  async openQuickFix(timeout = DEFAULT_TIMEOUT) {
    await this.page.keyboard.press('Control+.');
    await this.page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'visible', timeout });
    return this.page.$$eval('.action-widget .monaco-list-row.action', (rows) =>
      rows.map((r) => (r.querySelector('.title')?.textContent || r.getAttribute('aria-label') || '').trim()),
    );
  }

  /** With the quick fix list open: moves the focus to the first action whose title contains `text`, Enter. */
  async chooseQuickFix(text) {
    for (let i = 0; i < 30; i++) {
      const focused = await this.page.$eval('.action-widget', (w) => (w.querySelector('.monaco-list-row.action.focused .title')?.textContent || '').trim());
      if (focused.includes(text)) {
        await this.page.keyboard.press('Enter');
        await this.page.waitForSelector('.action-widget', { state: 'hidden' });
        return focused;
      }
      await this.page.keyboard.press('ArrowDown');
      await this.page.waitForFunction((prev) => (document.querySelector('.action-widget .monaco-list-row.action.focused .title')?.textContent || '').trim() !== prev, focused, {
        timeout: 5000,
      }).catch(() => {});
    }
    throw new Error(`quick fix "${text}" not found`);
  }

  // ---------------------------------------------------------------------------------------------------------
  // outline

  async readOutline() {
    const list = '.outline-pane .monaco-list';
    await this.page.waitForSelector(`${list} .monaco-list-row`, { state: 'visible' });
    return this.collectRows(list, (r) => ({ level: Number(r.getAttribute('aria-level') || 0), label: r.getAttribute('aria-label') || '', text: r.innerText }));
  }
}
