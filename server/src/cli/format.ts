/** Output formats of the CLI. The JSON shape is a contract other tools rely on (see README). */
import type { LintDiagnostic, Locale, Severity } from '../core';

export interface FileReport {
  file: string;
  template: '2019' | '2021' | null;
  year: number | null;
  isReport: boolean;
  diagnostics: LintDiagnostic[];
  /** set when the file could not be read */
  error?: string;
}

export interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toJson(reports: FileReport[], locale: Locale): string {
  const out = reports.map((r) => {
    const o: { file: string; template: string | null; year: number | null; diagnostics: JsonDiagnostic[]; error?: string } = {
      file: r.file,
      template: r.template,
      year: r.year,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message[locale],
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      })),
    };
    if (r.error) o.error = r.error;
    return o;
  });
  return JSON.stringify(out, null, 2) + '\n';
}

const SEVERITY_TEXT: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示', hint: '暗示' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

export function toText(reports: FileReport[], locale: Locale, color: boolean): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of reports) {
    if (r.error) {
      lines.push(`${r.file}  ${r.error}`);
      continue;
    }
    if (!r.isReport) {
      lines.push(locale === 'zh' ? `${r.file}  （未识别为政府信息公开工作年度报告，未检查）` : `${r.file}  (not recognised as an annual report; not checked)`);
      continue;
    }
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      const sev = SEVERITY_TEXT[locale][d.severity];
      const sevOut = color ? `${COLOR[d.severity]}${sev}\x1b[0m` : sev;
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${sevOut}  ${d.message[locale]}  [${d.rule}]`);
    }
  }
  lines.push(
    locale === 'zh'
      ? `共检查 ${reports.length} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示。`
      : `${reports.length} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${infos} note(s).`,
  );
  return lines.join('\n') + '\n';
}
