/** The contract every rule implements, and the context it is given. */
import type { BodyKind, ReportModel } from './model';
import type { RelationResult } from './relations';
import type { Fix, Range, RelatedInfo, RuleMeta, Severity, Text2 } from './types';

export interface LintSettings {
  /** per rule id: a severity or 'off' */
  rules: Record<string, Severity | 'off'>;
  /** 'auto' reads the kind of body from the title */
  bodyKind: 'auto' | BodyKind;
  /** null reads the year from the title */
  reportYear: number | null;
}

export const DEFAULT_SETTINGS: LintSettings = { rules: {}, bodyKind: 'auto', reportYear: null };

export interface Report {
  range: Range;
  message: Text2;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** overrides the rule's default severity for this finding (e.g. a tolerated local label variant) */
  severity?: Severity;
}

export interface RuleContext {
  readonly model: ReportModel;
  readonly settings: LintSettings;
  /** relation results, computed once per lint and shared by all rules */
  relations(): RelationResult[];
  /** the kind of body after applying the setting */
  bodyKind(): BodyKind | null;
  /** One finding. Past the listing cap of the rule (MAX_PER_RULE) findings are only counted. */
  report(r: Report): void;
  /**
   * False once the rule's findings are past the listing cap: a rule whose findings are costly to build may then
   * report a bare range (it is only counted) instead of building the message and related information.
   */
  listing(): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
