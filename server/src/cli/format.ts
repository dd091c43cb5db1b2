/**
 * Output formats of the CLI: text, json (a contract other tools rely on, see README), sarif (2.1.0) and
 * summary (CSV; see summary.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintDiagnostic, Locale, RuleMeta, Severity, TemplateId, Text2 } from '../core';

export interface FileReport {
  file: string;
  /** absolute path (for SARIF) */
  abs?: string;
  template: TemplateId | null;
  year: number | null;
  isReport: boolean;
  diagnostics: LintDiagnostic[];
  /** set when the file could not be read */
  error?: string;
  /** --fix: fixes applied */
  fixed?: number;
  /** --fix: why the file was not written */
  fixNote?: string;
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

/** One file in `--format json` (the contract other tools rely on; README). */
export interface JsonReport {
  file: string;
  template: TemplateId | null;
  year: number | null;
  diagnostics: JsonDiagnostic[];
  /** the file could not be read */
  error?: string;
  /** --fix: fixes applied (or that would be, with --dry-run) */
  fixed?: number;
  /** --fix: why the file was not written */
  fixNote?: string;
}

/** One file of `--format json`. */
function jsonReport(r: FileReport, locale: Locale): JsonReport {
  const o: JsonReport = {
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
  if (r.fixed !== undefined) o.fixed = r.fixed;
  if (r.fixNote) o.fixNote = r.fixNote;
  return o;
}

/**
 * `--format json` piece by piece, one file at a time: the same text as `JSON.stringify(array, null, 2)`,
 * without building the whole array and its text at once (a batch of many thousand files would otherwise need
 * several times the output's size in memory, and V8 caps the length of one string).
 */
export function* jsonChunks(reports: FileReport[], locale: Locale): Generator<string> {
  if (reports.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < reports.length; i++) yield (i === 0 ? '[\n' : ',\n') + elementsText([jsonReport(reports[i], locale)], 1);
  yield '\n]\n';
}

/**
 * The text that `JSON.stringify(…, null, 2)` gives non-empty `items` as the elements of an array `depth` levels
 * deep (2 × depth spaces in), in one native call: the array nested in depth − 1 others, whose brackets are cut
 * off (each level adds a line "[" and a line "]" indented by 2 per level: depth × (depth + 1) characters at each
 * end). A file of json output costs about 25 µs this way; re-indenting its own text with a regular expression, 37.
 */
function elementsText(items: unknown[], depth: number): string {
  let v: unknown = items;
  for (let k = 1; k < depth; k++) v = [v];
  const text = JSON.stringify(v, null, 2);
  const cut = depth * (depth + 1);
  return text.slice(cut, text.length - cut);
}

export function toJson(reports: FileReport[], locale: Locale): string {
  return [...jsonChunks(reports, locale)].join('');
}

const SEVERITY_TEXT: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示', hint: '暗示' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

function count(ds: LintDiagnostic[]): Counts {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const d of ds) {
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

function countsText(c: Counts, locale: Locale): string {
  return locale === 'zh' ? `${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示` : `${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} note(s)`;
}

/**
 * `--format text`: one line per finding, `file:line:col  severity  message  [rule]`. With several files, each
 * file gets a heading line with its counts and its findings below it. One total line at the end. Produced
 * piece by piece (each file's lines, then the total line; every line ends with a line break).
 */
export function* textChunks(reports: FileReport[], locale: Locale, color: boolean): Generator<string> {
  const lines: string[] = [];
  const flush = (): string => {
    const out = lines.join('\n') + '\n';
    lines.length = 0;
    return out;
  };
  const total: Counts = { errors: 0, warnings: 0, infos: 0 };
  let unreadable = 0;
  let notReports = 0;
  let fixedTotal = 0;
  const grouped = reports.length > 1;
  const paint = (s: string, code: string): string => (color ? `${code}${s}${RESET}` : s);
  for (const r of reports) {
    if (r.error) {
      unreadable++;
      lines.push(`${paint(r.file, BOLD)}  ${r.error}`);
      if (grouped) lines.push('');
      yield flush();
      continue;
    }
    if (!r.isReport) {
      notReports++;
      lines.push(locale === 'zh' ? `${paint(r.file, BOLD)}  （未识别为政府信息公开工作年度报告，未检查）` : `${paint(r.file, BOLD)}  (not recognised as an annual report; not checked)`);
      if (grouped) lines.push('');
      yield flush();
      continue;
    }
    const c = count(r.diagnostics);
    total.errors += c.errors;
    total.warnings += c.warnings;
    total.infos += c.infos;
    if (r.fixed !== undefined) fixedTotal += r.fixed;
    const fixText =
      r.fixed === undefined || (r.fixed === 0 && !r.fixNote)
        ? ''
        : locale === 'zh'
          ? `；${r.fixNote ? r.fixNote : `已修复 ${r.fixed} 处`}`
          : `; ${r.fixNote ? r.fixNote : `${r.fixed} fix(es) applied`}`;
    if (grouped) lines.push(paint(locale === 'zh' ? `${r.file}：${countsText(c, locale)}${fixText}` : `${r.file}: ${countsText(c, locale)}${fixText}`, BOLD));
    else if (fixText) lines.push(locale === 'zh' ? `${r.file}：${fixText.slice(1)}` : `${r.file}: ${fixText.slice(2)}`);
    for (const d of r.diagnostics) {
      const sev = SEVERITY_TEXT[locale][d.severity];
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${paint(sev, COLOR[d.severity])}  ${d.message[locale]}  [${d.rule}]`);
    }
    if (grouped) lines.push('');
    // (a single file without findings or fixes has no line of its own: only the total line follows)
    if (lines.length) yield flush();
  }
  let tail = '';
  if (locale === 'zh') {
    if (unreadable) tail += `${unreadable} 个文件无法检查。`;
    if (notReports && reports.length > 1) tail += `${notReports} 个文件不是年报。`;
    if (fixedTotal) tail += `共修复 ${fixedTotal} 处。`;
    lines.push(`共检查 ${reports.length} 个文件：${countsText(total, locale)}。${tail}`);
  } else {
    if (unreadable) tail += ` ${unreadable} file(s) could not be checked.`;
    if (notReports && reports.length > 1) tail += ` ${notReports} file(s) are not reports.`;
    if (fixedTotal) tail += ` ${fixedTotal} fix(es) applied.`;
    lines.push(`${reports.length} file(s) checked: ${countsText(total, locale)}.${tail}`);
  }
  yield flush();
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifContext {
  version: string;
  rules: RuleMeta[];
  locale: Locale;
  cwd: string;
  /** folder holding docs/rules (the package root), for help URIs */
  docsRoot: string | null;
}

/** A URI reference for a path relative to the working directory (percent-encoded segments). */
function relUri(rel: string): string {
  return rel
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
}

function location(r: FileReport, relOf: (abs: string) => string, d?: LintDiagnostic): SarifLocation {
  let artifactLocation: { uri: string; uriBaseId?: string };
  if (!r.abs) artifactLocation = { uri: relUri(r.file) };
  else {
    const rel = relOf(r.abs);
    artifactLocation = rel.startsWith('../') || rel.startsWith('/') || /^[A-Za-z]:/.test(rel) ? { uri: pathToFileURL(r.abs).href } : { uri: relUri(rel), uriBaseId: 'SRCROOT' };
  }
  const loc: SarifLocation = { physicalLocation: { artifactLocation } };
  if (d) {
    loc.physicalLocation.region = {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    };
  }
  return loc;
}

/**
 * The SARIF log piece by piece: the text of `JSON.stringify(log, null, 2)`, with the results (the bulk of a
 * batch's log) written one at a time into the place of the empty `results` array, the last field of the run.
 */
export function* sarifChunks(reports: FileReport[], ctx: SarifContext, relOf: (abs: string) => string): Generator<string> {
  const index = new Map(ctx.rules.map((m, i) => [m.id, i]));
  const rules = ctx.rules.map((m) => {
    const rule: Record<string, unknown> = {
      id: m.id,
      name: m.id.replace(/(^|-)([a-z0-9])/g, (_x, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: m.description[ctx.locale] },
      fullDescription: { text: m.details[ctx.locale] },
      help: { text: m.details[ctx.locale] },
      defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
      properties: { category: m.category, fixable: m.fixable === false ? 'no' : m.fixable },
    };
    if (ctx.docsRoot) {
      const page = join(ctx.docsRoot, 'docs', 'rules', `${m.id}.md`);
      if (existsSync(page)) rule.helpUri = pathToFileURL(page).href;
    }
    return rule;
  });
  const notifications: Record<string, unknown>[] = [];
  for (const r of reports) if (r.error) notifications.push({ level: 'error', message: { text: `${r.file}: ${r.error}` }, locations: [location(r, relOf)] });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'nianbao', version: ctx.version, semanticVersion: ctx.version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : ctx.cwd + '/').href } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const text = JSON.stringify(log, null, 2) + '\n';
  // (inside a string a quote is escaped: this is the array itself; the run's last field, so the last match)
  const empty = '"results": []';
  const at = text.lastIndexOf(empty);
  yield text.slice(0, at) + '"results": [';
  let any = false;
  for (const r of reports) {
    if (r.error || r.diagnostics.length === 0) continue;
    const results = r.diagnostics.map((d) => {
      const res: Record<string, unknown> = {
        ruleId: d.rule,
        level: LEVEL[d.severity],
        message: { text: d.message[ctx.locale] },
        locations: [location(r, relOf, d)],
      };
      const i = index.get(d.rule);
      if (i !== undefined) res.ruleIndex = i;
      return res;
    });
    // (log → runs → run → results: the results are elements four levels deep)
    yield (any ? ',\n' : '\n') + elementsText(results, 4);
    any = true;
  }
  yield (any ? '\n      ]' : ']') + text.slice(at + empty.length);
}

export const text2 = (t: Text2, locale: Locale): string => t[locale];
