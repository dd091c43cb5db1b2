import { normalizeLabel, stripSpaces } from '../labels';
import type { LabelRef } from '../model';
import type { Rule } from '../rule';
import { writtenLabels } from './document';
import type { RelatedInfo, Severity, TextEdit } from '../types';
import { mapped } from '../arrays';
import { isDigitCode } from '../parser/lines';

/** A fuzzy match that is only the official label cut short by a line break of a PDF conversion. */
function truncatedByConversion(ref: LabelRef, layout: string): boolean {
  if (layout !== 'stream') return false;
  const w = normalizeLabel(ref.text).replace(/^(\d{1,2})、/, '$1.');
  const o = normalizeLabel(ref.match.entry.official);
  return w.length >= 4 && o.startsWith(w);
}

/** `s` starts with one or two ASCII digits followed by the character `sep` (as /^\d{1,2}、/ or /^\d{1,2}\./). */
export function numberedWith(s: string, sep: number): boolean {
  if (!isDigitCode(s.charCodeAt(0))) return false;
  return s.charCodeAt(1) === sep || (isDigitCode(s.charCodeAt(1)) && s.charCodeAt(2) === sep);
}

/** Replace only the "、" after the number (the label may be cut short by a line break). */
function dunhaoEdit(r: LabelRef): TextEdit {
  const at = r.text.indexOf('、');
  const start = { line: r.range.start.line, character: r.range.start.character + Math.max(0, at) };
  return { range: { start, end: { line: start.line, character: start.character + 1 } }, newText: '.' };
}

export const officialLabel: Rule = {
  meta: {
    id: 'official-label',
    category: 'format',
    defaultSeverity: 'warning',
    fixable: 'fix',
    description: { zh: '表格的行、列标签与格式模板规定的标签不一致', en: 'A table row or column label differs from the official label' },
    details: {
      zh:
        '统计表的每个行、列标签都由格式模板规定，不得改动（如“社会公益组织”不能写成“社会组织”，“2.其他法律行政法规禁止公开”不能漏掉“行政”，“对外公开总数量”不能写成“对外公开总量”）。改动了文字的标签给出警告并写明规定的标签；序号写成“1、”而不是“1.”也是警告；只是括号全角半角不同（“(一)”与“（一）”）的为提示，每张表合并为一条。PDF转换带来的空格和折行不算改动。地方格式允许的写法（如“本年收费金额（单位：万元，保留4位小数）”）为提示。',
      en:
        'Every row and column label of the statistical tables is fixed by the template. A label whose wording differs (社会组织 for 社会公益组织, 其他法律法规禁止公开 without 行政, 对外公开总量 for 对外公开总数量) gets a warning naming the official label; "1、" for "1." is a warning; bracket width alone ("(一)" for "（一）") is a note, folded into one per table. Spaces and line breaks from PDF conversion are not deviations; tolerated local variants are notes.',
    },
    examples: { wrong: '⇥⇥商业企业⇥科研机构⇥社会组织⇥法律服务机构⇥其他', right: '⇥⇥商业企业⇥科研机构⇥社会公益组织⇥法律服务机构⇥其他' },
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      const refs = writtenLabels(table, true, (r) => r.match.how !== 'exact');
      const width: LabelRef[] = [];
      const dunhao: LabelRef[] = [];
      for (const r of refs) {
        const compact = stripSpaces(r.text);
        const official = r.match.entry.official;
        const isDunhao = numberedWith(compact, 0x3001 /* 、 */) && numberedWith(official, 46 /* . */);
        if (r.match.how === 'punctuation' || (r.match.how === 'fuzzy' && truncatedByConversion(r, table.layout))) {
          if (isDunhao) dunhao.push(r);
          else if (r.match.how === 'punctuation') width.push(r);
          continue;
        }
        const severity: Severity = r.match.severity ?? 'warning';
        ctx.report({
          range: r.range,
          severity,
          message: {
            zh: `表格标签「${compact}」与格式规定的「${official}」不一致${severity === 'info' ? '（地方格式的写法，可保留）' : '，应使用规定的标签'}。`,
            en: `The label "${compact}" differs from the official label "${official}"${severity === 'info' ? ' (a tolerated local variant)' : ''}.`,
          },
          // certain for known variants; a tolerated local variant or a fuzzy match is only a suggestion
          fixes: [{ title: { zh: `改为「${official}」`, en: `Change to "${official}"` }, edits: [{ range: r.range, newText: official }], preferred: severity !== 'info' && r.match.how !== 'fuzzy' }],
        });
      }
      const fold = (list: LabelRef[], severity: Severity, zh: string, en: string, dun: boolean): void => {
        if (!list.length) return;
        // rows make a clearer example than the long corner note
        list.sort((a, b) => Number(b.match.entry.role === 'row') - Number(a.match.entry.role === 'row') || a.range.start.line - b.range.start.line);
        const related: RelatedInfo[] = mapped(list.slice(1), (r) => {
          const written = stripSpaces(r.text);
          return { range: r.range, message: { zh: `「${written}」应为「${r.match.entry.official}」`, en: `"${written}" → "${r.match.entry.official}"` } };
        });
        ctx.report({
          range: list[0].range,
          severity,
          message: {
            zh: `${zh.replace('N', String(list.length))}（如「${stripSpaces(list[0].text)}」应为「${list[0].match.entry.official}」）。`,
            en: `${en.replace('N', String(list.length))} (e.g. "${stripSpaces(list[0].text)}" should be "${list[0].match.entry.official}").`,
          },
          related,
          fixes: [
            {
              title: { zh: `把本表${list.length}处标签改为规定写法`, en: `Use the official form in ${list.length} label(s)` },
              edits: mapped(list, (r) => (dun ? dunhaoEdit(r) : { range: r.range, newText: r.match.entry.official })),
              preferred: true,
            },
          ],
        });
      };
      fold(dunhao, 'warning', '本表有N处序号写作“1、”，格式规定为“1.”', 'N label(s) in this table are numbered "1、" instead of "1."', true);
      fold(width, 'info', '本表有N处标签的括号或标点与格式不同（半角“()”应为全角“（）”）', 'N label(s) in this table use half-width brackets or other punctuation instead of the official full-width form', false);
    }
  },
};
