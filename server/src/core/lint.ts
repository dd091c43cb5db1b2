/**
 * The one entry point of the core: parse once, evaluate the relations once, run every enabled rule
 * (each isolated: a rule that throws becomes one internal finding), cap repeats, sort.
 */
import type { BodyKind, ReportModel } from './model';
import { parseReport } from './parser';
import { evaluateRelations, type RelationResult } from './relations';
import { DEFAULT_SETTINGS, type LintSettings, type Report, type RuleContext } from './rule';
import { RULES } from './rules';
import { applyDirectives } from './suppress';
import type { LintDiagnostic, Severity } from './types';

export interface LintResult {
  model: ReportModel;
  diagnostics: LintDiagnostic[];
  relations: RelationResult[];
}

/** At most this many findings of one rule are listed; the rest are folded into one note. */
export const MAX_PER_RULE = 30;

export const INTERNAL_ERROR_RULE = 'internal-error';

export function lintModel(model: ReportModel, settings: LintSettings = DEFAULT_SETTINGS): LintResult {
  let relations: RelationResult[] | null = null;
  const getRelations = (): RelationResult[] => (relations ??= evaluateRelations(model));
  const diagnostics: LintDiagnostic[] = [];
  for (const rule of RULES) {
    const setting = settings.rules[rule.meta.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.meta.defaultSeverity;
    const found: LintDiagnostic[] = [];
    // findings past the cap are only counted (a 10 MB paste can yield thousands; none of them is listed)
    let folded = 0;
    const ctx: RuleContext = {
      model,
      settings,
      relations: getRelations,
      bodyKind: (): BodyKind | null => (settings.bodyKind === 'auto' ? model.body?.kind ?? null : settings.bodyKind),
      listing: () => found.length < MAX_PER_RULE,
      report(r: Report) {
        if (found.length >= MAX_PER_RULE) {
          folded++;
          return;
        }
        found.push({
          rule: rule.meta.id,
          // a rule may soften a finding (tolerated variants); an explicit setting always wins
          severity: setting ?? r.severity ?? severity,
          message: r.message,
          range: clampRange(model, r.range),
          related: (r.related ?? []).map((x) => ({ range: clampRange(model, x.range), message: x.message })),
          fixes: r.fixes ?? [],
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      found.length = 0;
      folded = 0;
      diagnostics.push({
        rule: INTERNAL_ERROR_RULE,
        severity: 'hint',
        message: { zh: `规则 ${rule.meta.id} 内部出错，已跳过：${err.message}`, en: `Rule ${rule.meta.id} failed and was skipped: ${err.message}` },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        related: [],
        fixes: [],
      });
      continue;
    }
    if (folded > 0) {
      diagnostics.push(...found);
      diagnostics.push({
        rule: rule.meta.id,
        severity: 'info',
        message: { zh: `另有 ${folded} 处同类问题（${rule.meta.id}）未逐一列出。`, en: `${folded} more findings of ${rule.meta.id} were folded.` },
        range: found[found.length - 1].range,
        related: [],
        fixes: [],
      });
    } else diagnostics.push(...found);
  }
  const visible = applyDirectives(model, diagnostics).filter((d) => d.rule !== 'inline-directive' || settings.rules['inline-directive'] !== 'off');
  visible.sort(compareDiagnostics);
  return { model, diagnostics: visible, relations: getRelations() };
}

export function lint(text: string, settings: LintSettings = DEFAULT_SETTINGS): LintResult {
  const model = parseReport(text, { reportYear: settings.reportYear });
  return lintModel(model, settings);
}

/** The order of findings everywhere: position, then rule, then message. */
export function compareDiagnostics(a: LintDiagnostic, b: LintDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message.zh < b.message.zh ? -1 : a.message.zh > b.message.zh ? 1 : 0)
  );
}

/** Keep every range inside the document, whatever a rule computed. */
function clampRange(model: ReportModel, r: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const clampPos = (p: { line: number; character: number }) => {
    const last = model.lines.length - 1;
    const line = Math.max(0, Math.min(last, p.line));
    const len = model.lines[line].text.length;
    const character = p.line > last ? len : Math.max(0, Math.min(len, p.character));
    return { line, character };
  };
  const start = clampPos(r.start);
  let end = clampPos(r.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return { start, end };
}
