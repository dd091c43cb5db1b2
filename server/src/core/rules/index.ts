/** The registry of rules. Adding a rule: one file in this folder, one line here, then `npm run docs`. */
import type { Rule } from '../rule';
import { cellMissing } from './cell-missing';
import { cellNegative } from './cell-negative';
import { cellNotNumber } from './cell-not-number';
import { relationMismatch } from './relation-mismatch';
import { rowMissing } from './row-missing';
import { rowUnreadable } from './row-unreadable';
import { tableUnrecognized } from './table-unrecognized';

export const RULES: Rule[] = [relationMismatch, cellMissing, cellNotNumber, cellNegative, rowMissing, rowUnreadable, tableUnrecognized];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
