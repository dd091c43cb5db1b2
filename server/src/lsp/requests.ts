/**
 * Custom requests used by the VS Code client's commands (nianbao/…). The server file only registers them.
 *
 * - `nianbao/totalSuggestions` {uri} → TotalSuggestion[]: every total the relation check would change
 *   (the suggestions of rule relation-mismatch), one edit per cell, for the command 重新计算全部合计.
 */
import type { Connection } from 'vscode-languageserver/node';
import { convertAllEdits, type LintResult, type Locale, type Range, type TextEdit } from '../core';

export interface RequestDeps {
  /** the current lint result of an open document (null when it is not a checked report) */
  result(uri: string): Promise<LintResult | null>;
  locale(): Locale;
}

export const TOTAL_SUGGESTIONS_REQUEST = 'nianbao/totalSuggestions';

/** `nianbao/convertTemplate` {uri} → the edits converting every 2019-format table to the 2021 format ([] when none). */
export const CONVERT_TEMPLATE_REQUEST = 'nianbao/convertTemplate';

export interface TotalSuggestionsParams {
  uri: string;
}

/** One total to rewrite: the fix title (in the session's language), the cell and its new text. */
export interface TotalSuggestion {
  title: string;
  range: Range;
  newText: string;
}

const RELATION_RULE = 'relation-mismatch';

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Two ranges share at least one character (or are the same empty position). */
function overlaps(a: Range, b: Range): boolean {
  if (rangeKey(a) === rangeKey(b)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * The suggested totals of rule relation-mismatch (its non-preferred fixes). Several relations that share a
 * total cell propose the same edit: it is listed once. When relations disagree on a cell (different new
 * texts, or overlapping ranges), that cell is left out: the user has to decide.
 */
export function totalSuggestions(result: LintResult, locale: Locale): TotalSuggestion[] {
  const candidates: TotalSuggestion[] = [];
  for (const d of result.diagnostics) {
    if (d.rule !== RELATION_RULE) continue;
    for (const fix of d.fixes) {
      if (fix.preferred) continue;
      for (const e of fix.edits) candidates.push({ title: fix.title[locale], range: e.range, newText: e.newText });
    }
  }
  const unique: TotalSuggestion[] = [];
  for (const c of candidates) {
    if (!unique.some((u) => rangeKey(u.range) === rangeKey(c.range) && u.newText === c.newText)) unique.push(c);
  }
  const conflicting = new Set<TotalSuggestion>();
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      if (overlaps(unique[i].range, unique[j].range)) {
        conflicting.add(unique[i]);
        conflicting.add(unique[j]);
      }
    }
  }
  return unique
    .filter((s) => !conflicting.has(s))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function registerRequests(connection: Connection, deps: RequestDeps): void {
  connection.onRequest(CONVERT_TEMPLATE_REQUEST, async (params: TotalSuggestionsParams): Promise<TextEdit[]> => {
    if (!params || typeof params.uri !== 'string') return [];
    const result = await deps.result(params.uri);
    return result ? convertAllEdits(result.model) : [];
  });
  connection.onRequest(TOTAL_SUGGESTIONS_REQUEST, async (params: TotalSuggestionsParams): Promise<TotalSuggestion[]> => {
    if (!params || typeof params.uri !== 'string') return [];
    const result = await deps.result(params.uri);
    return result ? totalSuggestions(result, deps.locale()) : [];
  });
}
