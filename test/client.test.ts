import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MESSAGES, t, uiLocale } from '../client/src/i18n';
import { exportFileName, isConfigFileName, statusText, statusTooltip, suggestionLines, type ReportStatus } from '../client/src/status';

// The logic of the VS Code client that does not need VS Code: status bar text, dialog lines, file names, messages.

const status = (o: Partial<ReportStatus> = {}): ReportStatus => ({ uri: 'file:///r.txt', isReport: true, template: '2021', year: 2023, errors: 2, warnings: 1, infos: 4, ...o });
const CJK = /[\u4e00-\u9fff]/;

describe('client: status bar', () => {
  it('reads 年报 2021版 · ✗2 ⚠1 (Report 2021 · ✗2 ⚠1 in English)', () => {
    assert.equal(statusText(status(), 'zh'), '年报 2021版 · ✗2 ⚠1');
    assert.equal(statusText(status(), 'en'), 'Report 2021 · ✗2 ⚠1');
    assert.equal(statusText(status({ template: '2019', errors: 0, warnings: 3 }), 'zh'), '年报 2019版 · ✗0 ⚠3');
  });
  it('shows a check mark when there is no error and no warning, and no version when the format is unknown', () => {
    assert.equal(statusText(status({ errors: 0, warnings: 0 }), 'zh'), '年报 2021版 · ✓');
    assert.equal(statusText(status({ template: null }), 'zh'), '年报 · ✗2 ⚠1');
  });
  it('is hidden (null) for a file that is not a report or has no status', () => {
    assert.equal(statusText(status({ isReport: false }), 'zh'), null);
    assert.equal(statusText(undefined, 'zh'), null);
  });
  it('has a tooltip with the year and the counts, in Chinese (English for an English display language)', () => {
    const zh = statusTooltip(status(), 'zh');
    assert.match(zh, /2021年版格式，2023年度/);
    assert.match(zh, /2 个错误，1 个警告，4 条提示/);
    assert.match(zh, /问题/);
    assert.match(statusTooltip(status(), 'en'), /2 error\(s\), 1 warning\(s\), 4 note\(s\)/);
  });
});

describe('client: commands', () => {
  it('lists each total to change with its line number', () => {
    const items = [{ title: '将合计改为 1（（七）总计·自然人）', range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, newText: '1' }];
    assert.deepEqual(suggestionLines(items, 'zh'), ['第 339 行：将合计改为 1（（七）总计·自然人）']);
    assert.deepEqual(suggestionLines([{ ...items[0], title: 'Change the total to 1' }], 'en'), ['line 339: Change the total to 1']);
  });
  it('names exported results <name>.检查结果.json, never .nianbao.json', () => {
    assert.equal(exportFileName('浈江区2022年报.txt', 'zh'), '浈江区2022年报.检查结果.json');
    assert.equal(exportFileName('draft.nianbao.md', 'zh'), 'draft.nianbao.检查结果.json');
    assert.equal(exportFileName('draft.md', 'en'), 'draft.check-results.json');
    assert.equal(exportFileName('', 'zh'), '年报.检查结果.json');
    for (const name of ['a.txt', '.nianbao', 'nianbao', '.nianbao.json', '']) assert.ok(!isConfigFileName(exportFileName(name, 'zh')), name);
    assert.ok(isConfigFileName('.nianbao.json'));
    assert.ok(isConfigFileName('.NIANBAO.json'));
    assert.ok(!isConfigFileName('x.nianbao.json'));
  });
});

describe('client: messages', () => {
  it('follows the display language like the server: English only for en*', () => {
    assert.equal(uiLocale('zh-cn'), 'zh');
    assert.equal(uiLocale('zh-tw'), 'zh');
    assert.equal(uiLocale('en'), 'en');
    assert.equal(uiLocale('en-GB'), 'en');
    assert.equal(uiLocale(undefined), 'zh');
  });
  it('has every message in Chinese and in English, with the same placeholders', () => {
    for (const [id, m] of Object.entries(MESSAGES)) {
      assert.match(m.zh, CJK, id);
      assert.doesNotMatch(m.en, CJK, id);
      const holes = (s: string): string[] => (s.match(/\{\d\}/g) ?? []).sort();
      assert.deepEqual(holes(m.zh), holes(m.en), id);
    }
    assert.equal(t('zh', 'totalsApplied', 2), '已修改 2 处合计。');
    assert.equal(t('en', 'lineLabel', 7), 'line 7');
  });
  it('the client shows no hard-coded message: every showXMessage goes through msg()', () => {
    const client = readFileSync('client/src/extension.ts', 'utf8');
    const calls = [...client.matchAll(/show(?:Information|Warning|Error)Message\(([^)]*)/g)].map((m) => m[1]);
    assert.ok(calls.length >= 8);
    for (const args of calls) assert.match(args, /^msg\(/, args);
  });
});
