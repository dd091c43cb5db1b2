/**
 * Applying fixes and making sure the certain ones are certain.
 * A rule marks a fix `preferred` when it believes the repair is certain. Before a fix is offered as
 * preferred or applied by fix-all / --fix, `confirmFixes` applies it to the text and lints again: it must remove
 * its finding and add no error or warning. Otherwise it is downgraded to a suggestion. This runs only when
 * fixes are asked for, never on every keystroke.
 */
import { withPreferred } from './lazyfix';
import { lint, type LintResult } from './lint';
import type { ReportModel } from './model';
import type { LintSettings } from './rule';
import type { Fix, LintDiagnostic, Position, TextEdit } from './types';
import { mapped } from './arrays';

function offsetAt(model: ReportModel, p: Position): number {
  const line = Math.max(0, Math.min(model.lines.length - 1, p.line));
  return model.lineStarts[line] + Math.max(0, Math.min(model.lines[line].length, p.character));
}

/** Apply non-overlapping edits (overlapping ones are dropped, first wins) to the model's text. */
export function applyEdits(model: ReportModel, edits: TextEdit[]): string {
  const withOffsets = mapped(edits, (e) => ({ start: offsetAt(model, e.range.start), end: offsetAt(model, e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of withOffsets) {
    if (e.start < pos) continue;
    out += model.text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + model.text.slice(pos);
}

/** Keep the first of any overlapping edits (one WorkspaceEdit must not overlap). */
export function nonOverlapping(model: ReportModel, edits: TextEdit[]): TextEdit[] {
  const sorted = mapped(edits, (e) => ({ e, start: offsetAt(model, e.range.start), end: offsetAt(model, e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let lastEnd = -1;
  let lastWasInsertAt = -1;
  for (const x of sorted) {
    if (x.start < lastEnd) continue;
    if (x.start === x.end && x.start === lastWasInsertAt) continue;
    out.push(x.e);
    lastEnd = x.end;
    lastWasInsertAt = x.start === x.end ? x.start : -1;
  }
  return out;
}

const key = (d: LintDiagnostic): string => `${d.rule}\u0000${d.message.zh}`;

function seriousCounts(ds: LintDiagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity === 'error' || d.severity === 'warning') m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}

/** Whether applying `fix` to the document removes `d` and adds no error or warning. */
export function fixHolds(result: LintResult, d: LintDiagnostic, fix: Fix, settings?: LintSettings): boolean {
  const text = applyEdits(result.model, fix.edits);
  if (text === result.model.text) return false;
  const after = lint(text, settings).diagnostics;
  const before = seriousCounts(result.diagnostics);
  const now = seriousCounts(after);
  for (const [k, n] of now) if (n > (before.get(k) ?? 0)) return false;
  const same = after.filter((x) => key(x) === key(d)).length;
  const was = result.diagnostics.filter((x) => key(x) === key(d)).length;
  return same < was;
}

/** At most this many preferred fixes are confirmed per call; the rest are offered as suggestions only. */
export const CONFIRM_BUDGET = 40;

/** A copy of the diagnostics whose preferred fixes have been confirmed (or downgraded to suggestions). */
export function confirmFixes(result: LintResult, settings?: LintSettings, only?: ReadonlySet<LintDiagnostic>): LintDiagnostic[] {
  let budget = CONFIRM_BUDGET;
  return mapped(result.diagnostics, (d) => {
    if (!d.fixes.some((f) => f.preferred) || (only && !only.has(d))) return d;
    const fixes = mapped(d.fixes, (f) => {
      if (!f.preferred) return f;
      const ok = budget-- > 0 && fixHolds(result, d, f, settings);
      return ok ? f : withPreferred(f, false);
    });
    return { ...d, fixes };
  });
}

/** Every confirmed preferred fix in one list of non-overlapping edits (fix-all, --fix). */
export function fixAllEdits(result: LintResult, settings?: LintSettings): TextEdit[] {
  const confirmed = confirmFixes(result, settings);
  return nonOverlapping(result.model, confirmed.flatMap((d) => d.fixes.filter((f) => f.preferred).flatMap((f) => f.edits)));
}

/**
 * "在此行停用该规则": a directive comment above the finding's line. Inside a Markdown table a comment line
 * would break the table, so the rule is switched off around the whole table instead.
 */
export function disableFix(result: LintResult, d: LintDiagnostic): Fix {
  const { model } = result;
  const line = d.range.start.line;
  const isMdRow = (i: number): boolean => i >= 0 && i < model.lines.length && /^\s*\|/.test(model.lines[i]);
  const eol = model.eol;
  if (isMdRow(line)) {
    let a = line;
    let b = line;
    while (isMdRow(a - 1)) a--;
    while (isMdRow(b + 1)) b++;
    const endChar = model.lines[b].length;
    return {
      title: { zh: `在此表格停用规则 ${d.rule}`, en: `Disable ${d.rule} for this table` },
      edits: [
        { range: { start: { line: a, character: 0 }, end: { line: a, character: 0 } }, newText: `<!-- nianbao-disable ${d.rule} -->${eol}${eol}` },
        { range: { start: { line: b, character: endChar }, end: { line: b, character: endChar } }, newText: `${eol}${eol}<!-- nianbao-enable ${d.rule} -->` },
      ],
      preferred: false,
    };
  }
  return {
    title: { zh: `在此行停用规则 ${d.rule}`, en: `Disable ${d.rule} for this line` },
    edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- nianbao-disable-next-line ${d.rule} -->${eol}` }],
    preferred: false,
  };
}
