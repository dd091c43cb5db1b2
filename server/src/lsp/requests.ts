/**
 * Custom requests used by the VS Code client's commands (nianbao/…). The server file only registers them.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { LintResult, Locale } from '../core';

export interface RequestDeps {
  /** the current lint result of an open document (null when it is not a checked report) */
  result(uri: string): Promise<LintResult | null>;
  locale(): Locale;
}

export function registerRequests(connection: Connection, deps: RequestDeps): void {
  void connection;
  void deps;
}
