import type { NarrativeNumber } from '../model';
import type { Rule } from '../rule';
import { documentRulesApply } from './document';
import { mapped } from '../arrays';

function scaledSum(nums: NarrativeNumber[]): { sum: string; exact: bigint; scale: number } {
  const scale = Math.max(0, ...mapped(nums, (n) => (n.text.split('.')[1] ?? '').length));
  let exact = 0n;
  for (const n of nums) exact += BigInt(Math.round(n.value * 10 ** scale));
  const s = exact.toString().padStart(scale + 1, '0');
  const sum = scale ? `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`.replace(/\.?0+$/, '') : s;
  return { sum, exact, scale };
}

export const textSum: Rule = {
  meta: {
    id: 'text-sum',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '正文中“共N条，其中……”的分项之和与总数不符', en: 'A breakdown in the text ("共N条，其中…") does not add up to its total' },
    details: {
      zh: '正文中先给总数、再用“其中”逐项列举（至少三项、计量单位相同）时，各项之和应等于总数。提示标在总数上，并给出计算出的和。只有一项的“其中”（如“发布信息2719条，其中通过目录发布1188条”）是子集说明，不检查；带“余、多、约”的概数、百分比和不同单位的数字不参与求和；“万、亿”按倍数换算。',
      en: 'When the text states a total and then lists its parts after 其中 (at least three parts with the same measure word), the parts must add up to the total. The finding is on the total and gives the computed sum. A single 其中 subset is not checked; approximate numbers (余, 多, 约), percentages and other units are left out; 万/亿 are applied.',
    },
    examples: {
      wrong: '主动公开政府信息总数121条，其中通知公告5条、规范性文件2条、政务动态信息79条、财政预决算信息3条、其他信息30条。',
      right: '主动公开政府信息总数119条，其中通知公告5条、规范性文件2条、政务动态信息79条、财政预决算信息3条、其他信息30条。',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model)) return;
    for (const e of model.narrative.enumerations) {
      // (read once: a breakdown makes its total and parts each time they are read)
      const t = e.total;
      const parts = e.parts;
      if (parts.length < 3 || t.approx || parts.some((p) => p.approx)) continue;
      let total: bigint;
      let partsAtScale: bigint;
      let scale: number;
      let partsSum: string;
      if (Number.isSafeInteger(t.value) && t.text.indexOf('.') < 0 && parts.every((p) => Number.isSafeInteger(p.value) && p.text.indexOf('.') < 0)) {
        // whole numbers (nearly always): plain arithmetic, exact while the sum stays a safe integer
        let sum = 0;
        for (const p of parts) sum += p.value;
        if (Number.isSafeInteger(sum) && sum === t.value) continue;
        total = BigInt(t.value);
        partsAtScale = 0n;
        for (const p of parts) partsAtScale += BigInt(p.value);
        if (partsAtScale === total) continue;
        scale = 0;
        partsSum = partsAtScale.toString();
      } else {
        const all = scaledSum([t, ...parts]);
        total = BigInt(Math.round(t.value * 10 ** all.scale));
        const sums = scaledSum(parts);
        partsAtScale = sums.exact * 10n ** BigInt(all.scale - sums.scale);
        if (partsAtScale === total) continue;
        scale = all.scale;
        partsSum = sums.sum;
      }
      const expr = mapped(parts, (p) => p.text).join('＋');
      const diff = Number(total - partsAtScale) / 10 ** scale;
      ctx.report({
        range: t.range,
        message: {
          zh: `总数${t.text}${t.unit}与“其中”所列${parts.length}项之和不符：${expr}＝${partsSum}${t.unit}，相差${Math.abs(diff)}${t.unit}。`,
          en: `The total ${t.text} differs from the sum of the ${parts.length} listed parts: ${expr.replace(/＋/g, ' + ')} = ${partsSum} (difference ${Math.abs(diff)}).`,
        },
        related: mapped(parts, (p) => ({ range: p.range, message: { zh: `${p.label || '分项'}：${p.text}${p.unit}`, en: `${p.label || 'part'}: ${p.text}` } })),
      });
    }
  },
};
