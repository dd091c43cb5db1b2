/**
 * Pure helpers of the client (no vscode import, unit-tested): the status bar text of a report, the list shown
 * before recalculating totals, and the default file name of exported results.
 */
import { t, type UiLocale } from './i18n';

/** The notification `nianbao/status`: sent after a check when the format, the year or a count changed, and on closing. */
export interface ReportStatus {
  uri: string;
  isReport: boolean;
  template: '2019' | '2021' | null;
  year: number | null;
  errors: number;
  warnings: number;
  infos: number;
}

export const STATUS_NOTIFICATION = 'nianbao/status';
export const EXPORT_REQUEST = 'nianbao/exportJson';
export const TOTALS_REQUEST = 'nianbao/totalSuggestions';
/** The command that opens the Problems panel. */
export const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** "年报 2021版 · ✗2 ⚠1" / "Report 2021 · ✗2 ⚠1"; null when the status bar item should be hidden. */
export function statusText(s: ReportStatus | undefined, locale: UiLocale): string | null {
  if (!s || !s.isReport) return null;
  const name = locale === 'en' ? (s.template ? `Report ${s.template}` : 'Report') : s.template ? `年报 ${s.template}版` : '年报';
  const counts = s.errors === 0 && s.warnings === 0 ? '✓' : `✗${s.errors} ⚠${s.warnings}`;
  return `${name} · ${counts}`;
}

export function statusTooltip(s: ReportStatus, locale: UiLocale): string {
  if (locale === 'en') {
    const format = s.template ? `${s.template} format` : 'format not recognised';
    const year = s.year ? `, year ${s.year}` : '';
    return `Government information disclosure annual report (${format}${year}): ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s). Click to open the Problems panel.`;
  }
  const format = s.template ? `${s.template}年版格式` : '未识别格式版本';
  const year = s.year ? `，${s.year}年度` : '';
  return `政府信息公开工作年度报告（${format}${year}）：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示。单击打开“问题”面板。`;
}

/** A total to rewrite, as the request `nianbao/totalSuggestions` returns it. */
export interface TotalSuggestion {
  title: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** The lines of the confirmation dialog: "第 339 行：将合计改为 1（…）". */
export function suggestionLines(items: readonly TotalSuggestion[], locale: UiLocale): string[] {
  const sep = locale === 'en' ? ': ' : '：';
  return items.map((s) => `${t(locale, 'lineLabel', s.range.start.line + 1)}${sep}${s.title}`);
}

export const CONFIG_FILE_NAME = '.nianbao.json';

/**
 * Default name of the exported results next to the report: `<name>.检查结果.json` (never `.nianbao.json`,
 * which is the project configuration file). `fileName` is the base name of the report, or '' when untitled.
 */
export function exportFileName(fileName: string, locale: UiLocale): string {
  const suffix = locale === 'en' ? 'check-results' : '检查结果';
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).trim() || (locale === 'en' ? 'report' : '年报');
  return `${stem}.${suffix}.json`;
}

/** True when saving under this base name would overwrite a project configuration file. */
export function isConfigFileName(baseName: string): boolean {
  return baseName.toLowerCase() === CONFIG_FILE_NAME;
}
