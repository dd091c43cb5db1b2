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
import { mapped } from './arrays';

export interface LintResult {
  model: ReportModel;
  diagnostics: LintDiagnostic[];
  relations: RelationResult[];
}

/** At most this many findings of one rule are listed; the rest are folded into one note. */
export const MAX_PER_RULE = 30;

export const INTERNAL_ERROR_RULE = 'internal-error';

/**
 * The context every rule of one check is given: one object per check (not one with fresh closures per rule),
 * pointed at the rule being run.
 */
class Context implements RuleContext {
  /** the findings of every rule run so far, in rule order */
  readonly found: LintDiagnostic[] = [];
  /** findings of the current rule listed so far */
  listed = 0;
  /** findings past the cap are only counted (a 10 MB paste can yield thousands; none of them is listed) */
  folded = 0;
  ruleId = '';
  setting: Severity | undefined = undefined;
  severity: Severity = 'error';
  private rels: RelationResult[] | null = null;

  constructor(
    readonly model: ReportModel,
    readonly settings: LintSettings,
  ) {}

  start(id: string, setting: Severity | undefined, severity: Severity): void {
    this.ruleId = id;
    this.setting = setting;
    this.severity = severity;
    this.listed = 0;
    this.folded = 0;
  }

  relations(): RelationResult[] {
    return (this.rels ??= evaluateRelations(this.model));
  }

  bodyKind(): BodyKind | null {
    return this.settings.bodyKind === 'auto' ? this.model.body?.kind ?? null : this.settings.bodyKind;
  }

  listing(): boolean {
    return this.listed < MAX_PER_RULE;
  }

  report(r: Report): void {
    if (this.listed >= MAX_PER_RULE) {
      this.folded++;
      return;
    }
    this.listed++;
    const model = this.model;
    this.found.push({
      rule: this.ruleId,
      // a rule may soften a finding (tolerated variants); an explicit setting always wins
      severity: this.setting ?? r.severity ?? this.severity,
      message: r.message,
      range: clampRange(model, r.range),
      related: r.related ? mapped(r.related, (x) => ({ range: clampRange(model, x.range), message: x.message })) : [],
      fixes: r.fixes ?? [],
    });
  }
}

export function lintModel(model: ReportModel, settings: LintSettings = DEFAULT_SETTINGS): LintResult {
  const ctx = new Context(model, settings);
  const diagnostics = ctx.found;
  for (const rule of RULES) {
    const setting = settings.rules[rule.meta.id];
    if (setting === 'off') continue;
    ctx.start(rule.meta.id, setting, setting ?? rule.meta.defaultSeverity);
    const before = diagnostics.length;
    try {
      rule.check(ctx);
    } catch (e) {
      // what the rule reported before it failed is dropped with it
      diagnostics.length = before;
      const err = e instanceof Error ? e : new Error(String(e));
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
    if (ctx.folded > 0) {
      diagnostics.push({
        rule: rule.meta.id,
        severity: 'info',
        message: { zh: `另有 ${ctx.folded} 处同类问题（${rule.meta.id}）未逐一列出。`, en: `${ctx.folded} more findings of ${rule.meta.id} were folded.` },
        range: diagnostics[diagnostics.length - 1].range,
        related: [],
        fixes: [],
      });
    }
  }
  let visible = applyDirectives(model, diagnostics);
  if (settings.rules['inline-directive'] === 'off') visible = visible.filter((d) => d.rule !== 'inline-directive');
  visible.sort(compareDiagnostics);
  return { model, diagnostics: visible, relations: ctx.relations() };
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

/** A position moved inside the document. */
function clampPos(lines: string[], p: { line: number; character: number }): { line: number; character: number } {
  const last = lines.length - 1;
  const line = Math.max(0, Math.min(last, p.line));
  const len = lines[line].length;
  const character = p.line > last ? len : Math.max(0, Math.min(len, p.character));
  return { line, character };
}

/** Keep every range inside the document, whatever a rule computed. */
function clampRange(model: ReportModel, r: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const start = clampPos(model.lines, r.start);
  let end = clampPos(model.lines, r.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return { start, end };
}
