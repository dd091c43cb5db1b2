/** Public surface of the core (no vscode, no LSP): used by the server, the CLI and the tests. */
export * from './types';
export * from './model';
export { parseReport, type ParseOptions } from './parser';
export { lint, lintModel, MAX_PER_RULE, INTERNAL_ERROR_RULE, type LintResult } from './lint';
export { evaluateRelations, type RelationResult, cellName, formatInterval, difference, expectedTotal } from './relations';
export { RULES, ruleById } from './rules';
export { DEFAULT_SETTINGS, type LintSettings, type Rule, type RuleContext } from './rule';
export { TEMPLATES } from './templates';
export type { TemplateId, TemplateDef, TableDef, RowDef, ColumnDef, RelationDef, CellRef, TableKind } from './templates';
export { shouldCheck, REPORT_LANGUAGE } from './detect';
export { renderRuleDoc, docsIndex } from './docs';
export { hoverAt, type HoverInfo } from './hover';
export { CONFIG_FILE, mergeSettings, parseConfigFile, validateSettings, configSchema, knownRuleIds, type ConfigProblem, type PartialSettings } from './config';
export { outline, foldingRanges, tableLenses, tableName, type OutlineNode, type FoldRange, type TableLens } from './outline';
export { renderTable, renderSkeleton, BODY_PLACEHOLDER, type SkeletonLayout, type CellValues } from './skeleton';
export { CROSS_YEAR_RULES, CROSS_YEAR_CARRYOVER, CROSS_YEAR_VALID_COUNT, checkCrossYear, checkCrossYearFacts, yearFacts, normaliseBodyName, type CrossYearRule, type YearFacts, type FactCell } from './crossyear';
export { applyEdits, confirmFixes, fixAllEdits, fixHolds, disableFix, nonOverlapping, CONFIRM_BUDGET } from './fixes';
