import type { Cell, NarrativeCount, NarrativeNumber } from '../model';
import { cellName } from '../relations';
import type { Rule } from '../rule';
import { TEMPLATES } from '../templates';
import type { RelatedInfo } from '../types';
import { cellInt, documentRulesApply, tableOf } from './document';
import { mapped } from '../arrays';

const UNLISTED = { zh: '', en: '' };

const TOPIC_ZH: Record<NarrativeCount['topic'], string> = {
  received: '收到（受理）的申请',
  carriedIn: '上年结转的申请',
  carriedOut: '结转下年度的申请',
  disclosed: '予以公开的申请',
  review: '行政复议案件',
  litigation: '行政诉讼案件',
  rules: '规章',
  normative: '规范性文件',
};

export const textTable: Rule = {
  meta: {
    id: 'text-table',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '正文中的数字与统计表不一致', en: 'A number in the text contradicts the tables' },
    details: {
      zh:
        '正文中提到的收到（受理）申请数、予以公开数、上年结转和结转下年度数、行政复议和行政诉讼案件数、制发或公开的规章和规范性文件数，应与第二、三、四部分统计表一致。收到（受理）申请数可以是“本年新收”，也可以是“本年新收＋上年结转”；“未发生行政复议、行政诉讼”要求第四部分全为0；规章、规范性文件数与第二十条第（一）项表格任一列相符即可。提示标在正文的数字上，“相关信息”指向表格单元格。人民政府报告中“全市、全区……”的汇总数字不与本机关表格比较。',
      en:
        'Counts in the text — applications received, disclosed, carried over / forward, review and litigation cases, 规章 and 规范性文件 published — must agree with the tables of sections 二–四. "Received" may mean new or new + carried over; "未发生行政复议、行政诉讼" requires section 四 to be all zero; a 规章/规范性文件 count must match one column of the 第二十条第（一）项 table. The finding is on the number in the text, with related information pointing at the table cells. Region-wide figures (全市, 全区 …) in a people\'s government report are not compared.',
    },
    examples: {
      wrong: '2022年我镇共受理政府信息公开申请6宗，其中上一年结转1宗（表格：本年新收4件，上年结转1件）',
      right: '2022年我镇共受理政府信息公开申请5宗，其中上一年结转1宗（表格：本年新收4件，上年结转1件）',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    const apps = tableOf(model, 'apps');
    const review = tableOf(model, 'review');
    const a1 = tableOf(model, 'a1');
    const gov = ctx.bodyKind() === '人民政府';
    const appsDef = apps ? TEMPLATES[apps.template].tables.find((t) => t.id === 'apps') : undefined;
    const rel = (c: Cell, def = appsDef): RelatedInfo => ({ range: c.range, message: { zh: `表格：${def ? cellName(def, c) : c.row}＝${c.raw}`, en: `table: ${def ? cellName(def, c) : c.row} = ${c.raw}` } });
    const say = (value: NarrativeNumber, zh: string, en: string, related: RelatedInfo[]): void => {
      ctx.report({ range: value.range, message: { zh, en }, related });
    };
    // past the listing cap a finding is only counted: no message is built (a long paste repeats counts thousands of times)
    const counted = (value: NarrativeNumber): boolean => {
      if (ctx.listing()) return false;
      ctx.report({ range: value.range, message: UNLISTED });
      return true;
    };
    for (const n of model.narrative.counts) {
      if (n.regional && gov) continue;
      // (read once: a count makes its numbers each time they are read)
      const value = n.value;
      const carriedIn = n.carriedIn;
      const v = value.value;
      const written = `${value.text}${value.unit}`;
      switch (n.topic) {
        case 'received': {
          const r1 = cellInt(apps, 'r1', 'total');
          const r2 = cellInt(apps, 'r2', 'total');
          if (!r1) break;
          const both = r2 ? r1.value + r2.value : null;
          const carriedOk = !carriedIn || !r2 || carriedIn.value === r2.value;
          if ((v === r1.value || v === both) && carriedOk) break;
          if (counted(value)) break;
          const related = [rel(r1.cell), ...(r2 ? [rel(r2.cell)] : [])];
          say(
            value,
            `正文称${n.phrase.text}${written}${carriedIn ? `（其中上年结转${carriedIn.text}${carriedIn.unit}）` : ''}，而第三部分表格本年新收${r1.value}件${r2 ? `、上年结转${r2.value}件，合计${both}件` : ''}，两者不一致。`,
            `The text says ${v} applications${carriedIn ? ` (${carriedIn.value} carried over)` : ''}; the table of section 三 has ${r1.value} new${r2 ? ` + ${r2.value} carried over = ${both}` : ''}.`,
            related,
          );
          break;
        }
        case 'disclosed':
        case 'carriedIn':
        case 'carriedOut': {
          const row = n.topic === 'disclosed' ? 'r3_1' : n.topic === 'carriedIn' ? 'r2' : 'r4';
          const c = cellInt(apps, row, 'total');
          if (!c || c.value === v) break;
          if (counted(value)) break;
          say(value, `正文称${TOPIC_ZH[n.topic]}${written}，而第三部分表格为${c.value}件。`, `The text gives ${v} (${n.topic}); the table of section 三 has ${c.value}.`, [rel(c.cell)]);
          break;
        }
        case 'review':
        case 'litigation': {
          const def = review ? TEMPLATES[review.template].tables.find((t) => t.id === 'review') : undefined;
          const cols = n.topic === 'review' ? ['fy_zj'] : ['zs_zj', 'hs_zj'];
          const cells = mapped(cols, (k) => cellInt(review, 'data', k));
          if (cells.some((c) => !c)) break;
          const total = cells.reduce((s, c) => s + c!.value, 0);
          if (total === v) break;
          if (counted(value)) break;
          say(value, `正文称${TOPIC_ZH[n.topic]}${written}，而第四部分表格${n.topic === 'review' ? '行政复议总计' : '行政诉讼（未经复议直接起诉与复议后起诉）总计'}为${total}件。`, `The text gives ${v} ${n.topic} cases; the table of section 四 totals ${total}.`, mapped(cells, (c) => rel(c!.cell, def)));
          break;
        }
        case 'rules':
        case 'normative': {
          if (!a1 || !a1.readable) break;
          const row = a1.rows.get(n.topic === 'rules' ? 'rules' : 'normative');
          if (!row) break;
          const def = TEMPLATES[a1.template].tables.find((t) => t.id === 'a1');
          const nums = [...row.cells.values()].filter((c) => c.state !== 'absent');
          // a blank or placeholder cell stands for 0 (what cell-missing asks for); a cell with other text stops the comparison
          if (!nums.length || nums.some((c) => c.value.kind === 'invalid')) break;
          const valueOf = (c: Cell): number => (c.value.kind === 'number' ? c.value.value : 0);
          if (nums.some((c) => valueOf(c) === v)) break;
          if (counted(value)) break;
          const list = mapped(nums, (c) => `${def ? def.columns.find((x) => x.key === c.col)?.label : c.col}${valueOf(c)}`).join('、');
          say(
            value,
            `正文称${n.phrase.text}${written}，而第二部分第二十条第（一）项表格中「${row.label.text.replace(/\s+/g, '')}」为：${list}，没有一项是${value.text}。如正文所指是其他机关的文件或其他类别，请写明。`,
            `The text gives ${v} for ${n.phrase.text}; the 第二十条第（一）项 table row "${row.label.text}" has ${mapped(nums, valueOf).join(', ')}.`,
            mapped(nums, (c) => rel(c, def)),
          );
          break;
        }
      }
    }
    // "未发生行政复议、行政诉讼" against section 四
    const def = review ? TEMPLATES[review.template].tables.find((t) => t.id === 'review') : undefined;
    for (const claim of model.narrative.noCaseClaims) {
      const parts: { name: string; cells: (ReturnType<typeof cellInt>)[] }[] = [];
      if (claim.review) parts.push({ name: '行政复议', cells: [cellInt(review, 'data', 'fy_zj')] });
      if (claim.litigation) parts.push({ name: '行政诉讼', cells: [cellInt(review, 'data', 'zs_zj'), cellInt(review, 'data', 'hs_zj')] });
      for (const p of parts) {
        if (p.cells.some((c) => !c)) continue;
        const total = p.cells.reduce((s, c) => s + c!.value, 0);
        if (total === 0) continue;
        ctx.report({
          range: claim.range,
          message: { zh: `正文称未发生${p.name}，而第四部分表格${p.name}总计为${total}件。`, en: `The text says there was no ${p.name === '行政复议' ? 'administrative review' : 'litigation'}; section 四 totals ${total}.` },
          related: mapped(p.cells, (c) => rel(c!.cell, def)),
        });
      }
    }
  },
};
