/** Converting core findings to LSP objects. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Fix, LintDiagnostic, Locale, Severity } from '../core';

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
    data: { index },
  };
}

export function fixEdit(uri: string, fix: Fix): WorkspaceEdit {
  return { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}

export function toCodeAction(uri: string, fix: Fix, diagnostic: Diagnostic, locale: Locale): CodeAction {
  return {
    title: fix.title[locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred || undefined,
    edit: fixEdit(uri, fix),
  };
}
