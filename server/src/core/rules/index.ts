/** The registry of rules. Adding a rule: one file in this folder, one line here, then `npm run docs`. */
import type { Rule } from '../rule';
import { setRuleIds } from './ids';
import { inlineDirective } from './inline-directive';
import { amountUnit } from './amount-unit';
import { itemsColumn } from './items-column';
import { overviewContent } from './overview-content';
import { cellMissing } from './cell-missing';
import { cellNegative } from './cell-negative';
import { cellNotNumber } from './cell-not-number';
import { relationMismatch } from './relation-mismatch';
import { rowMissing } from './row-missing';
import { rowUnreadable } from './row-unreadable';
import { tableUnrecognized } from './table-unrecognized';
import { conversionArtefact } from './conversion-artefact';
import { dateDeadline } from './date-deadline';
import { dateInYear } from './date-in-year';
import { feeStatement } from './fee-statement';
import { gov504 } from './gov-50-4';
import { legalBasis } from './legal-basis';
import { numbering } from './numbering';
import { officialLabel } from './official-label';
import { pre2019Format } from './pre-2019-format';
import { sectionHeading } from './section-heading';
import { sectionStructure } from './section-structure';
import { signatureMissing } from './signature-missing';
import { statPeriod } from './stat-period';
import { templateVersion } from './template-version';
import { textSum } from './text-sum';
import { textTable } from './text-table';
import { yearMismatch } from './year-mismatch';
import { mapped } from '../arrays';

export const RULES: Rule[] = [
  relationMismatch,
  cellMissing,
  cellNotNumber,
  cellNegative,
  rowMissing,
  rowUnreadable,
  tableUnrecognized,
  amountUnit,
  itemsColumn,
  overviewContent,
  inlineDirective,
  // document checks (issue 3)
  templateVersion,
  pre2019Format,
  sectionStructure,
  sectionHeading,
  officialLabel,
  numbering,
  dateInYear,
  dateDeadline,
  statPeriod,
  yearMismatch,
  legalBasis,
  signatureMissing,
  textSum,
  textTable,
  gov504,
  feeStatement,
  conversionArtefact,
];

setRuleIds(() => mapped(RULES, (r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
