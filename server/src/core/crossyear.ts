/**
 * Checks across two reports of the same body for consecutive years (batch-level: the CLI runs them when
 * its inputs hold both years). Pure functions over report models; no I/O.
 *
 *  - cross-year-carryover: 二、上年结转 of year Y (every column) = 四、结转下年度继续办理 of year Y−1.
 *  - cross-year-valid-count: 现行有效件数 of 第二十条第（一）项 (2021 format) of year Y
 *    = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y).
 *
 * The metadata has the shape of the per-document rules (RuleMeta) so that `nianbao rules`, SARIF and the
 * docs generator can list them next to the others.
 */
import type { ReportModel, Table } from './model';
import { APPLICANT_COLUMNS } from './templates';
import type { TemplateId } from './templates';
import type { LintDiagnostic, Range, RuleMeta, Text2 } from './types';

export interface CrossYearRule {
  meta: RuleMeta;
}

export const CROSS_YEAR_CARRYOVER = 'cross-year-carryover';
export const CROSS_YEAR_VALID_COUNT = 'cross-year-valid-count';

export const CROSS_YEAR_RULES: CrossYearRule[] = [
  {
    meta: {
      id: CROSS_YEAR_CARRYOVER,
      category: 'table',
      defaultSeverity: 'warning',
      description: {
        zh: '本年“二、上年结转”应等于上一年度报告“四、结转下年度继续办理”',
        en: '"carried over from last year" must equal last year\'s "carried forward to next year"',
      },
      details: {
        zh:
          '跨年度检查，只在命令行一次检查同一机关相邻两个年度的报告时进行（按报告标题中的机关名称匹配）。' +
          '上一年度年报第三部分“四、结转下年度继续办理”的各列数字，就是本年度年报“二、上年结转政府信息公开申请数量”的各列数字：' +
          '上一年末尚未办结的申请，跨年后继续办理，两份报告必须一致。逐列（自然人、各类法人或其他组织、总计）比较，不一致的列各报告一次，位置在本年度报告的“二、上年结转”单元格。' +
          '常见原因：本年度表格沿用了模板中的0，或上一年度报告事后更正过。',
        en:
          'Cross-year check, run by the command line when its inputs hold the same body\'s reports for two consecutive years (matched by the body name in the title). ' +
          'Row 二 "carried over from last year" of year Y must equal row 四 "carried forward to next year" of year Y−1 in every column; each differing column is reported once, on the cell of year Y.',
      },
      fixable: false,
    },
  },
  {
    meta: {
      id: CROSS_YEAR_VALID_COUNT,
      category: 'table',
      defaultSeverity: 'info',
      description: {
        zh: '“现行有效件数”应与上一年度衔接：上年现行有效＋本年制发－本年废止',
        en: '"currently valid" should follow on from last year: last year\'s valid + issued − repealed',
      },
      details: {
        zh:
          '跨年度检查，只在命令行一次检查同一机关相邻两个年度、均为2021年版格式的报告时进行。' +
          '第二十条第（一）项表格中，规章和行政规范性文件的“现行有效件数”通常等于上一年度的现行有效件数，加上本年制发件数，减去本年废止件数。' +
          '各机关对修改、到期失效、清理等情形的统计口径不同，差异未必是错误，因此默认只作提示。',
        en:
          'Cross-year check for two consecutive reports in the 2021 format: the currently valid count of 规章 and 行政规范性文件 usually equals last year\'s valid count plus this year\'s issued minus repealed. Agencies count amendments and expiry differently, so this is only a note.',
      },
      fixable: false,
    },
  },
];

/** A cell as the cross-year checks need it. */
export interface FactCell {
  value: number | null;
  range: Range;
}

/** What the cross-year checks read from one report: small and serialisable (it crosses worker threads). */
export interface YearFacts {
  /** body name as written in the title */
  bodyName: string | null;
  /** normalised body name used for matching */
  bodyKey: string | null;
  year: number | null;
  template: TemplateId | null;
  /** row 二、上年结转 by column key */
  carriedIn: Record<string, FactCell>;
  /** row 四、结转下年度继续办理 by column key */
  carriedOut: Record<string, FactCell>;
  /** 第二十条第（一）项 (2021 format) by row key (rules, normative): issued, repealed, valid */
  active: Record<string, { issued: FactCell | null; repealed: FactCell | null; valid: FactCell | null; label: string }>;
}

/** Normalise a body name for matching: no spaces, half-width forms, no brackets' content such as （本级）. */
export function normaliseBodyName(name: string): string {
  let s = '';
  for (const ch of name) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) s += String.fromCharCode(c - 0xfee0);
    else s += ch;
  }
  return s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[“”"'‘’《》〈〉]/g, '');
}

function cellOf(table: Table | undefined, row: string, col: string): FactCell | null {
  const c = table?.rows.get(row)?.cells.get(col);
  if (!c) return null;
  return { value: c.value.kind === 'number' ? c.value.value : null, range: c.range };
}

export function yearFacts(model: ReportModel): YearFacts {
  const apps = model.tables.find((t) => t.kind === 'applications' && t.readable);
  const carriedIn: Record<string, FactCell> = {};
  const carriedOut: Record<string, FactCell> = {};
  for (const col of APPLICANT_COLUMNS) {
    const a = cellOf(apps, 'r2', col.key);
    if (a) carriedIn[col.key] = a;
    const b = cellOf(apps, 'r4', col.key);
    if (b) carriedOut[col.key] = b;
  }
  const active: YearFacts['active'] = {};
  const a1 = model.tables.find((t) => t.id === 'a1' && t.template === '2021' && t.readable);
  if (a1) {
    for (const key of a1.rows.keys()) {
      active[key] = { issued: cellOf(a1, key, 'issued'), repealed: cellOf(a1, key, 'repealed'), valid: cellOf(a1, key, 'valid'), label: key === 'rules' ? '规章' : '行政规范性文件' };
    }
  }
  const name = model.body?.name ?? null;
  return {
    bodyName: name,
    bodyKey: name ? normaliseBodyName(name) || null : null,
    year: model.year?.value ?? null,
    template: model.template,
    carriedIn,
    carriedOut,
    active,
  };
}

const ACTIVE_LABEL_EN: Record<string, string> = { rules: 'rules (规章)', normative: 'normative documents (行政规范性文件)' };

function finding(rule: string, severity: LintDiagnostic['severity'], range: Range, message: Text2): LintDiagnostic {
  return { rule, severity, message, range, related: [], fixes: [] };
}

/**
 * Findings on the report of year `cur.year` when `prev` is the same body's report of the year before.
 * Returns nothing when the two do not match (other body, not consecutive years).
 */
export function checkCrossYearFacts(prev: YearFacts, cur: YearFacts): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  if (!prev.bodyKey || prev.bodyKey !== cur.bodyKey || prev.year === null || cur.year === null || cur.year !== prev.year + 1) return out;
  const py = prev.year;
  for (const col of APPLICANT_COLUMNS) {
    const a = cur.carriedIn[col.key];
    const b = prev.carriedOut[col.key];
    if (!a || !b || a.value === null || b.value === null || a.value === b.value) continue;
    out.push(
      finding(CROSS_YEAR_CARRYOVER, 'warning', a.range, {
        zh: `“二、上年结转政府信息公开申请数量”（${col.label}列）填报 ${a.value}，但 ${py} 年度报告的“四、结转下年度继续办理”为 ${b.value}，两者应一致。`,
        en: `"carried over from last year" (${col.label}) is ${a.value}, but the ${py} report carried ${b.value} forward to next year; they must be equal.`,
      }),
    );
  }
  if (cur.template === '2021' && prev.template === '2021') {
    for (const [key, c] of Object.entries(cur.active)) {
      const p = prev.active[key];
      if (!p || !p.valid || p.valid.value === null || !c.valid || c.valid.value === null) continue;
      const issued = c.issued?.value ?? null;
      const repealed = c.repealed?.value ?? null;
      if (issued === null || repealed === null) continue;
      const expected = p.valid.value + issued - repealed;
      if (Math.abs(expected - c.valid.value) < 1e-9) continue;
      out.push(
        finding(CROSS_YEAR_VALID_COUNT, 'info', c.valid.range, {
          zh: `${c.label}“现行有效件数”填报 ${c.valid.value}；按 ${py} 年度报告的现行有效件数 ${p.valid.value} ＋ 本年制发 ${issued} － 本年废止 ${repealed} 计算应为 ${expected}。如统计口径不同，请在报告中说明。`,
          en: `${ACTIVE_LABEL_EN[key] ?? key}: currently valid is ${c.valid.value}; from the ${py} report's ${p.valid.value} + issued ${issued} − repealed ${repealed} it would be ${expected}.`,
        }),
      );
    }
  }
  return out;
}

/** The same checks on two models (prev = year Y−1, cur = year Y). */
export function checkCrossYear(prev: ReportModel, cur: ReportModel): LintDiagnostic[] {
  return checkCrossYearFacts(yearFacts(prev), yearFacts(cur));
}
