/** Converting core results to LSP objects. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { confirmFixes, disableFix, fixAllEdits, type ConfigProblem, type FoldRange, type Fix, type LintDiagnostic, type LintResult, type Locale, type LintSettings, type OutlineNode, type Severity, type TableLens, type TextEdit } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Rule docs ship with the extension (docs/rules beside dist/): they open offline. One URL per rule, made
 * once: building a file URL took 6 % of the server's time per edit when every finding made its own.
 */
const hrefs = new Map<string, string>();
export function docsHref(rule: string): string {
  let href = hrefs.get(rule);
  if (href === undefined) {
    href = pathToFileURL(resolve(__dirname, '..', 'docs', 'rules', `${rule}.md`)).toString();
    hrefs.set(rule, href);
  }
  return href;
}

export function toLspDiagnostic(d: LintDiagnostic, uri: string, locale: Locale, index: number): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: 'nianbao',
    code: d.rule,
    codeDescription: { href: docsHref(d.rule) },
    message: d.message[locale],
    relatedInformation: d.related.length ? d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message[locale] })) : undefined,
    data: { index, rule: d.rule },
  };
}

export function configDiagnostics(problems: ConfigProblem[], locale: Locale): Diagnostic[] {
  return problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Warning, source: 'nianbao', message: p.message[locale] }));
}

export function fixEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  const changes: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return { changes: { [uri]: changes } };
}

function sameRange(a: LintDiagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for the diagnostics the client sent (matched to the current findings by rule and range):
 * each finding's fixes, with `isPreferred` only for fixes confirmed to be certain, and "在此行停用该规则".
 */
export function quickFixes(result: LintResult, uri: string, diagnostics: Diagnostic[], locale: Locale, settings?: LintSettings): CodeAction[] {
  const actions: CodeAction[] = [];
  const wanted: { d: Diagnostic; core: LintDiagnostic; index: number }[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'nianbao') continue;
    const data = d.data as { index?: number } | undefined;
    let index = typeof data?.index === 'number' ? data.index : -1;
    let core: LintDiagnostic | undefined = index >= 0 ? result.diagnostics[index] : undefined;
    if (!core || core.rule !== d.code || !sameRange(core.range, d.range)) {
      index = result.diagnostics.findIndex((x) => x.rule === d.code && sameRange(x.range, d.range) && x.message[locale] === d.message);
      core = result.diagnostics[index];
    }
    if (core) wanted.push({ d, core, index });
  }
  if (!wanted.length) return actions;
  // confirm only the findings asked about (cheap), not the whole document
  const confirmed = confirmFixes(result, settings, new Set(wanted.map((w) => w.core)));
  for (const { d, core, index } of wanted) {
    for (const fix of confirmed[index]?.fixes ?? core.fixes) actions.push(toCodeAction(uri, fix, d, locale));
  }
  for (const { d, core } of wanted) actions.push(toCodeAction(uri, disableFix(result, core), d, locale));
  return actions;
}

export function toCodeAction(uri: string, fix: Fix, diagnostic: Diagnostic, locale: Locale): CodeAction {
  return {
    title: fix.title[locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred || undefined,
    edit: fixEdit(uri, fix.edits),
  };
}

/** Every confirmed certain fix of the document in one edit; suggestions are never part of it. */
export function fixAllAction(result: LintResult, uri: string, locale: Locale, kind: string, settings?: LintSettings): CodeAction | null {
  const edits = fixAllEdits(result, settings);
  if (!edits.length) return null;
  return { title: locale === 'en' ? 'Fix all certain nianbao findings' : '修复全部可确定的年报问题', kind, edit: fixEdit(uri, edits) };
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  heading: SymbolKind.String,
  table: SymbolKind.Struct,
  group: SymbolKind.Field,
};

export function toSymbols(nodes: OutlineNode[]): DocumentSymbol[] {
  return nodes.map((n) => ({
    name: n.name || '（无标题）',
    detail: n.detail,
    kind: SYMBOL_KIND[n.kind],
    range: n.range,
    selectionRange: n.selectionRange,
    children: toSymbols(n.children),
  }));
}

export function toFolding(ranges: FoldRange[]): FoldingRange[] {
  return ranges.map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'table' ? FoldingRangeKind.Region : undefined }));
}

export function toLens(l: TableLens, uri: string, locale: Locale): CodeLens {
  return {
    range: l.range,
    command: l.first
      ? { title: l.title[locale], command: 'nianbao.revealPosition', arguments: [uri, l.first.start.line, l.first.start.character] }
      : { title: l.title[locale], command: '' },
  };
}
