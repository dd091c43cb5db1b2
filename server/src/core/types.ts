/**
 * Core types shared by the parser, the relation engine, the rules, the server and the CLI.
 * Positions are 0-based lines and UTF-16 code-unit columns, exactly as in LSP.
 * This module (and everything under core/) must not import `vscode` or any LSP package.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A user-facing text in Simplified Chinese (first) and English. */
export interface Text2 {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface RelatedInfo {
  range: Range;
  message: Text2;
}

/** A repair offered for a diagnostic; `preferred` fixes go into fix-all, suggestions never do. */
export interface Fix {
  title: Text2;
  edits: TextEdit[];
  preferred: boolean;
}

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: Text2;
  range: Range;
  related: RelatedInfo[];
  fixes: Fix[];
}

export type RuleCategory = 'table' | 'structure' | 'template' | 'text' | 'date' | 'format';

export interface RuleMeta {
  /** Stable id, shown as the diagnostic code and used in `.nianbao.json`. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  description: Text2;
  /** Longer explanation for the docs page (Chinese, then English). */
  details: Text2;
  /** A wrong and a right example for the docs page. */
  examples?: { wrong: string; right: string };
  /** 'fix': certain repair, part of fix-all; 'suggestion': offered but never applied automatically. */
  fixable: 'fix' | 'suggestion' | false;
}
