/**
 * Which documents are checked: everything of language `nianbao`; plain text and Markdown only when the
 * text looks like a 年报 (title says 政府信息公开…年度报告, or at least three of the six official headings).
 * Other clients announce plain text differently (Neovim: `text`), so every non-nianbao id is sniffed.
 */
import type { ReportModel } from './model';

export const REPORT_LANGUAGE = 'nianbao';

export function shouldCheck(model: ReportModel, languageId: string): boolean {
  if (languageId === REPORT_LANGUAGE) return true;
  return model.isReport;
}
