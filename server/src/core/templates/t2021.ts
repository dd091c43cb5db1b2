/** 国办公开办函〔2021〕30号：《中华人民共和国政府信息公开工作年度报告格式》, reporting year 2021 and later. */
import { applicationsTable, OTHER_2021_ITEMS, REVIEW_TABLE, SECTIONS } from './common';
import type { TemplateDef } from './types';
import { mapped } from '../arrays';

export const TEMPLATE_2021: TemplateDef = {
  id: '2021',
  name: { zh: '2021年版格式（国办公开办函〔2021〕30号）', en: '2021 format (国办公开办函〔2021〕30号)' },
  basis: '国办公开办函〔2021〕30号',
  sections: SECTIONS,
  tables: [
    {
      id: 'a1',
      kind: 'active',
      section: 2,
      caption: '第二十条第（一）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: [
        { key: 'issued', label: '本年制发件数', kind: 'count', explain: '报告年度内本机关新制定并印发的件数。' },
        { key: 'repealed', label: '本年废止件数', kind: 'count', explain: '报告年度内本机关宣布废止或明确失效的件数。' },
        {
          key: 'valid',
          label: '现行有效件数',
          kind: 'count',
          explain: '截至报告年度12月31日仍然有效的总件数，通常与“上年现行有效件数＋本年制发−本年废止”大致衔接。',
        },
      ],
      rows: [
        { key: 'rules', label: '规章', explain: '本机关以自己名义制定发布的部门规章或地方政府规章；没有规章制定权的机关一般填0。' },
        {
          key: 'normative',
          label: '行政规范性文件',
          variants: [{ text: '规范性文件', severity: 'warning' }],
          explain: '本机关依法定程序制定并公开发布、涉及公民法人和其他组织权利义务、具有普遍约束力、在一定期限内反复适用的文件；普通工作通知不计入。',
        },
      ],
      relations: [],
      explain: '对应《条例》第二十条第（一）项：规章和规范性文件属于应主动公开的信息。只统计本机关作为制定主体的文件。',
    },
    {
      id: 'a5',
      kind: 'active',
      section: 2,
      caption: '第二十条第（五）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: [
        { key: 'decisions', label: '本年处理决定数量', kind: 'count', explain: '报告年度内本机关作出的处理决定件数。' },
      ],
      rows: [{ key: 'licence', label: '行政许可', explain: '报告年度内对行政许可申请作出的决定件数（准予和不予许可一般都计入）；无许可职能填0。' }],
      relations: [],
      explain: '对应《条例》第二十条第（五）项：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。',
    },
    {
      id: 'a6',
      kind: 'active',
      section: 2,
      caption: '第二十条第（六）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: [
        { key: 'decisions', label: '本年处理决定数量', kind: 'count', explain: '报告年度内本机关作出的处理决定件数。' },
      ],
      rows: [
        { key: 'penalty', label: '行政处罚', explain: '报告年度内本机关作出的行政处罚决定件数。' },
        { key: 'coercion', label: '行政强制', explain: '报告年度内本机关作出的行政强制措施和行政强制执行决定件数。' },
      ],
      relations: [],
      explain: '对应《条例》第二十条第（六）项：实施行政处罚、行政强制的依据、条件、程序以及有一定社会影响的处罚决定。',
    },
    {
      id: 'a8',
      kind: 'active',
      section: 2,
      caption: '第二十条第（八）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: [
        {
          key: 'amount',
          label: '本年收费金额（单位：万元）',
          variants: [{ text: '本年收费金额（单位：万元，保留4位小数）', severity: 'info' }],
          kind: 'amount',
          explain: '报告年度内依法收取的行政事业性收费总额，单位是万元（常见错误是按元填写）。与第六部分的信息处理费无关。',
        },
      ],
      rows: [{ key: 'fees', label: '行政事业性收费', explain: '本机关依法收取的行政事业性收费；没有收费职能填0。' }],
      relations: [],
      explain: '对应《条例》第二十条第（八）项：行政事业性收费的项目、依据、标准。',
    },
    applicationsTable([
      {
        key: 'r3_6',
        label: '（六）其他处理',
        explain: '不属于（一）至（五）的其他办结情形，2021年版格式按下列3项分列（2019年版为一行）。',
        items: mapped(OTHER_2021_ITEMS, (r) => r.key),
      },
      ...OTHER_2021_ITEMS,
    ]),
    REVIEW_TABLE,
  ],
};
