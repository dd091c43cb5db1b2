/**
 * Files the scenarios create in the temp workspace (besides the seed copies).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './reference.mjs';

/**
 * A Markdown draft with pipe tables: examples/2023-shili-shujuju.md (2021 format, clean) with two table defects
 * put in — a wrong （七）总计 (自然人 10 → 11) and a blank cell (2.其他法律行政法规禁止公开 · 商业企业).
 */
export function markdownDraft() {
  const src = fs.readFileSync(path.join(ROOT, 'examples', '2023-shili-shujuju.md'), 'utf8');
  const lines = src.split('\n');
  const edit = (prefix, from, to) => {
    const i = lines.findIndex((l) => l.startsWith(prefix));
    if (i < 0) throw new Error(`markdown fixture: no line starting with ${prefix}`);
    const next = lines[i].replace(from, to);
    if (next === lines[i]) throw new Error(`markdown fixture: ${from} not found on line ${i + 1}`);
    lines[i] = next;
  };
  edit('| （七）总计 |', '| （七）总计 | 10 |', '| （七）总计 | 11 |');
  edit('| 2.其他法律行政法规禁止公开 |', '| 2.其他法律行政法规禁止公开 | 0 | 0 |', '| 2.其他法律行政法规禁止公开 | 0 |  |');
  return lines.join('\n');
}

/** A plain text file that is not a report. */
export const NOT_A_REPORT = [
  '周例会记录',
  '',
  '时间：周三下午三点。',
  '议题：办公用品采购、值班安排、会议室预约规则。',
  '1. 采购清单由办公室汇总，下周一前报送。',
  '2. 节假日值班表已发群里，请大家核对。',
  '',
].join('\n');

/** Rules of the table findings compared for the Markdown draft. */
export const TABLE_RULES = new Set(['relation-mismatch', 'cell-missing']);
