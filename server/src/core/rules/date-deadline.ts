import type { Rule } from '../rule';
import type { Severity } from '../types';
import { documentRulesApply } from './document';

export const dateDeadline: Rule = {
  meta: {
    id: 'date-deadline',
    category: 'date',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '落款日期晚于法定公布期限', en: 'The signature date is later than the statutory deadline' },
    details: {
      zh:
        '《条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度报告；县级以上地方人民政府的本级报告由主管部门在每年3月31日前公布。落款日期晚于相应期限时给出警告。机关类型从标题中的机关名称判断（以“局、办公室、委员会、中心……”结尾为部门，以“人民政府”或“市、区、县”结尾为人民政府），可在设置中指定。乡镇人民政府、街道办事处的期限由各省规定，只给提示。无法判断机关类型时不检查。',
      en:
        'Art. 49 of the 条例: departments of governments at county level and above publish by 31 January; the report of a local people\'s government itself is published by 31 March. A later signature date gets a warning. The kind of body is read from the title (configurable); for towns and sub-districts the deadline is set by the provinces, so only a note is given. No finding when the kind of body is unknown.',
    },
    examples: { wrong: '（某局2022年度报告）2023年2月20日', right: '（某局2022年度报告）2023年1月20日' },
  },
  check(ctx) {
    const { model } = ctx;
    if (!documentRulesApply(model) || !model.year) return;
    const sig = model.narrative.signature;
    const kind = ctx.bodyKind();
    if (!sig || !kind) return;
    const y = model.year.value;
    const d = sig.date;
    if (d.year <= y) return; // date-in-year
    const dlMonth = kind === '部门' ? 1 : 3;
    const dlDay = kind === '部门' ? 31 : 31;
    let late: boolean;
    if (d.year > y + 1) late = true;
    else if (d.month === null) return;
    else if (d.month !== dlMonth) late = d.month > dlMonth;
    else if (d.day === null) return;
    else late = d.day > dlDay;
    if (!late) return;
    const township = /(镇|乡|街道|街道办事处)(人民政府)?$/.test(model.body?.name ?? '');
    const severity: Severity | undefined = township ? 'info' : undefined;
    const who = kind === '部门' ? '县级以上人民政府部门' : '县级以上地方人民政府';
    ctx.report({
      range: d.range,
      severity,
      message: {
        zh:
          `落款日期「${d.text}」晚于法定期限：${who}应在${y + 1}年${dlMonth}月${dlDay}日前公布${y}年度报告（《条例》第四十九条）。` +
          (township ? '乡镇、街道的期限由各省规定，此处仅作提示。' : ''),
        en:
          `The signature date "${d.text}" is later than the deadline: a ${kind === '部门' ? 'government department' : 'local people\'s government'} publishes its ${y} report by ${y + 1}-0${dlMonth}-${dlDay} (条例 art. 49).` +
          (township ? ' Towns and sub-districts follow provincial deadlines; this is a note only.' : ''),
      },
    });
  },
};
