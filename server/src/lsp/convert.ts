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
import type { ConfigProblem, FoldRange, Fix, LintDiagnostic, LintResult, Locale, OutlineNode, Severity, TableLens, TextEdit } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule docs ship with the extension (docs/rules beside dist/): they open offline. */
export function docsHref(rule: string): string {
  return pathToFileURL(resolve(__dirname, '..', 'docs', 'rules', `${rule}.md`)).toString();
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

function posKey(p: { line: number; character: number }): number {
  return p.line * 1e7 + p.character;
}

/** Edits of one WorkspaceEdit must not overlap: keep the first of any overlapping pair. */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = edits.slice().sort((a, b) => posKey(a.range.start) - posKey(b.range.start) || posKey(a.range.end) - posKey(b.range.end));
  const out: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    const s = posKey(e.range.start);
    if (out.length && (s < lastEnd || (s === lastEnd && posKey(e.range.end) === s && posKey(out[out.length - 1].range.end) === s))) continue;
    out.push(e);
    lastEnd = posKey(e.range.end);
  }
  return out;
}

export function fixEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  const changes: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return { changes: { [uri]: changes } };
}

function sameRange(a: LintDiagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Quick fixes for the diagnostics the client sent (matched to the current findings by rule and range). */
export function quickFixes(result: LintResult, uri: string, diagnostics: Diagnostic[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'nianbao') continue;
    const data = d.data as { index?: number } | undefined;
    let core: LintDiagnostic | undefined = typeof data?.index === 'number' ? result.diagnostics[data.index] : undefined;
    if (!core || core.rule !== d.code || !sameRange(core.range, d.range)) core = result.diagnostics.find((x) => x.rule === d.code && sameRange(x.range, d.range) && x.message[locale] === d.message);
    if (!core) continue;
    for (const fix of core.fixes) actions.push(toCodeAction(uri, fix, d, locale));
  }
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

/** Every preferred (certain) fix of the document in one edit; suggestions are never part of it. */
export function preferredEdits(result: LintResult): TextEdit[] {
  return nonOverlapping(result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.preferred).flatMap((f) => f.edits)));
}

export function fixAllAction(result: LintResult, uri: string, locale: Locale, kind: string): CodeAction | null {
  const edits = preferredEdits(result);
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
