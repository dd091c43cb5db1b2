/**
 * Every message the client shows, in Simplified Chinese (first) and English. The language follows VS Code's
 * display language (`vscode.env.language`), exactly as the server does: English only when it starts with "en".
 * No vscode import here: the tests read this module directly.
 */

export type UiLocale = 'zh' | 'en';

export function uiLocale(language: string | undefined): UiLocale {
  return language && language.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

interface Message {
  zh: string;
  en: string;
}

export const MESSAGES = {
  noEditor: { zh: '没有打开的文件。', en: 'There is no active editor.' },
  alreadyReport: { zh: '当前文件已是年报。', en: 'This file is already an annual report.' },
  notTextOrMarkdown: {
    zh: '只能将纯文本或 Markdown 文件设为年报，当前语言为 {0}。',
    en: 'Only plain text or Markdown files can be treated as a report; this one is {0}.',
  },
  serverOff: {
    zh: '年报检查未运行（nianbao.enable 为 false，或语言服务器未启动）。',
    en: 'Report checking is not running (nianbao.enable is false, or the language server is not started).',
  },
  notReport: {
    zh: '当前文件未被识别为政府信息公开工作年度报告。',
    en: 'The current file is not recognised as a government information disclosure annual report.',
  },
  noOldTables: { zh: '未发现需要转换的 2019 版表格。', en: 'No 2019-format table to convert.' },
  converted: { zh: '已将 {0} 张 2019 版表格转换为 2021 版；无法对应的单元格留空，请补填。', en: '{0} table(s) converted to the 2021 format; cells without a 2019 counterpart are left empty for you to fill.' },
  noTotals: { zh: '没有需要重新计算的合计：各表勾稽关系均无可确定的合计建议。', en: 'No totals to recalculate: the relations propose no new totals.' },
  confirmTotals: { zh: '将按勾稽关系修改以下 {0} 处合计：', en: 'The following {0} total(s) will be changed to satisfy the relations:' },
  applyAll: { zh: '全部应用', en: 'Apply all' },
  changedMeanwhile: { zh: '文件在计算期间被修改，未作任何更改，请重试。', en: 'The file changed meanwhile; nothing was changed. Please try again.' },
  totalsApplied: { zh: '已修改 {0} 处合计。', en: '{0} total(s) changed.' },
  applyFailed: { zh: '无法修改文件。', en: 'The file could not be changed.' },
  exportTitle: { zh: '导出检查结果', en: 'Export Check Results' },
  exportSaved: { zh: '检查结果已保存到 {0}。', en: 'Check results saved to {0}.' },
  exportRefuseConfig: {
    zh: '不能保存为 .nianbao.json：该文件名是项目配置文件。',
    en: 'Cannot save as .nianbao.json: that name is the project configuration file.',
  },
  exportFailed: { zh: '导出失败：{0}', en: 'Export failed: {0}' },
  jsonFilter: { zh: 'JSON 文件', en: 'JSON files' },
  open: { zh: '打开', en: 'Open' },
  lineLabel: { zh: '第 {0} 行', en: 'line {0}' },
  requestFailed: { zh: '年报语言服务器请求失败：{0}', en: 'The nianbao language server request failed: {0}' },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;

/** The message in the given language, with {0}, {1}… replaced by the arguments. */
export function t(locale: UiLocale, id: MessageId, ...args: (string | number)[]): string {
  return MESSAGES[id][locale].replace(/\{(\d+)\}/g, (m: string, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
