/**
 * Applying the inline directives after the rules ran: the one place where findings are suppressed.
 * Directives that suppress nothing are reported (info) so stale comments do not hide future problems.
 */
import type { Directive, ReportModel } from './model';
import { isDirectiveLine } from './parser/directives';
import type { LintDiagnostic } from './types';

const DIRECTIVE_RULE = 'inline-directive';

interface Scope {
  directive: Directive;
  rule: string | null;
  from: number;
  to: number;
  used: boolean;
}

function nextContentLine(model: ReportModel, after: number): number {
  for (let i = after + 1; i < model.lines.length; i++) {
    const t = model.lines[i];
    if (t.trim() !== '' && !isDirectiveLine(t)) return i;
  }
  return after + 1;
}

export function applyDirectives(model: ReportModel, diagnostics: LintDiagnostic[]): LintDiagnostic[] {
  const dirs = model.directives;
  if (!dirs.length) return diagnostics;
  const scopes: Scope[] = [];
  const last = model.lines.length - 1;
  dirs.forEach((d, k) => {
    const rules: (string | null)[] = d.rules.length ? d.rules : [null];
    for (const rule of rules) {
      if (d.kind === 'disable-line') scopes.push({ directive: d, rule, from: d.line, to: d.line, used: false });
      else if (d.kind === 'disable-next-line') {
        const n = nextContentLine(model, d.line);
        scopes.push({ directive: d, rule, from: n, to: n, used: false });
      } else if (d.kind === 'disable') {
        let to = last;
        for (let j = k + 1; j < dirs.length; j++) {
          const e = dirs[j];
          if (e.kind === 'enable' && (e.rules.length === 0 || (rule !== null && e.rules.includes(rule)))) {
            to = e.line;
            break;
          }
        }
        scopes.push({ directive: d, rule, from: d.line, to, used: false });
      }
    }
  });
  const kept: LintDiagnostic[] = [];
  for (const diag of diagnostics) {
    if (diag.rule === DIRECTIVE_RULE) {
      kept.push(diag);
      continue;
    }
    const line = diag.range.start.line;
    let suppressed = false;
    for (const s of scopes) {
      if (line >= s.from && line <= s.to && (s.rule === null || s.rule === diag.rule)) {
        s.used = true;
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(diag);
  }
  const reported = new Set<Directive>();
  for (const s of scopes) {
    if (s.used || reported.has(s.directive)) continue;
    if (scopes.some((o) => o.directive === s.directive && o.used)) continue;
    reported.add(s.directive);
    const what = s.directive.rules.length ? s.directive.rules.join('、') : '全部规则';
    kept.push({
      rule: DIRECTIVE_RULE,
      severity: 'info',
      message: { zh: `这条停用注释（${what}）没有屏蔽任何问题，可以删除。`, en: `This directive (${s.directive.rules.join(', ') || 'all rules'}) suppresses nothing and can be removed.` },
      range: s.directive.range,
      related: [],
      fixes: [],
    });
  }
  return kept;
}
