/** 国办公开办函〔2019〕60号：《中华人民共和国政府信息公开工作年度报告格式（试行）》, reporting years 2019 and 2020. */
import { applicationsTable, REVIEW_TABLE, SECTIONS } from './common';
import type { ColumnDef, TemplateDef } from './types';

const ITEM_COLUMNS: ColumnDef[] = [
  { key: 'lastYear', label: '上一年项目数量', kind: 'count', explain: '截至上一年底本机关实施的该类事项（项目）个数，不是办件量。' },
  { key: 'change', label: '本年增/减', kind: 'signed', explain: '本年度事项个数的净增减，可以是负数。' },
  { key: 'decisions', label: '处理决定数量', kind: 'count', explain: '本年度实际作出的决定件数；与事项个数没有加减关系。' },
];

export const TEMPLATE_2019: TemplateDef = {
  id: '2019',
  name: { zh: '2019年版格式（国办公开办函〔2019〕60号）', en: '2019 format (国办公开办函〔2019〕60号)' },
  basis: '国办公开办函〔2019〕60号',
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
        { key: 'made', label: '本年新制作数量', kind: 'count', explain: '报告年度内本机关新制定的规章或规范性文件件数。' },
        { key: 'published', label: '本年新公开数量', kind: 'count', explain: '报告年度内新对外公开的件数（可含以前制定、本年才公开的）。' },
        {
          key: 'total',
          label: '对外公开总数量',
          variants: [{ text: '对外公开总量', severity: 'warning' }],
          kind: 'count',
          explain: '截至年底累计对外公开的件数。',
        },
      ],
      rows: [
        { key: 'rules', label: '规章', explain: '本机关以自己名义制定发布的规章。' },
        { key: 'normative', label: '规范性文件', explain: '本机关制定的规范性文件。2021年版格式改为“行政规范性文件”。' },
      ],
      relations: [],
      explain: '对应《条例》第二十条第（一）项。2021年版格式的列改为本年制发件数、本年废止件数、现行有效件数。',
    },
    {
      id: 'a5',
      kind: 'active',
      section: 2,
      caption: '第二十条第（五）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: ITEM_COLUMNS,
      rows: [
        { key: 'licence', label: '行政许可', explain: '本机关实施的行政许可事项（项目）。“上一年项目数量”和“本年增/减”统计事项个数，“处理决定数量”统计本年作出的许可决定件数。' },
        { key: 'services', label: '其他对外管理服务事项', explain: '行政许可以外、本机关对外提供的管理服务事项（如行政确认、行政给付）。2021年版格式已删去此行。' },
      ],
      relations: [],
      explain: '对应《条例》第二十条第（五）项。2021年版格式只保留“本年处理决定数量”一列和“行政许可”一行。',
    },
    {
      id: 'a6',
      kind: 'active',
      section: 2,
      caption: '第二十条第（六）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: ITEM_COLUMNS,
      rows: [
        { key: 'penalty', label: '行政处罚', explain: '本机关实施的行政处罚事项及本年作出的处罚决定件数。' },
        { key: 'coercion', label: '行政强制', explain: '本机关实施的行政强制事项及本年作出的行政强制决定件数。' },
      ],
      relations: [],
      explain: '对应《条例》第二十条第（六）项。2021年版格式只保留“本年处理决定数量”一列。',
    },
    {
      id: 'a8',
      kind: 'active',
      section: 2,
      caption: '第二十条第（八）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: ITEM_COLUMNS.slice(0, 2),
      rows: [{ key: 'fees', label: '行政事业性收费', explain: '2019年版统计的是收费项目的个数及增减，不是收费金额。' }],
      relations: [],
      explain: '对应《条例》第二十条第（八）项。2021年版格式改为“本年收费金额（单位：万元）”。',
    },
    {
      id: 'a9',
      kind: 'active',
      section: 2,
      caption: '第二十条第（九）项',
      cornerLabel: '信息内容',
      labelExplain: { 信息内容: '本列为统计事项的名称，右侧各列为对应数量。' },
      columns: [
        { key: 'projects', label: '采购项目数量', kind: 'count', explain: '本年实施的政府集中采购项目个数。' },
        { key: 'amount', label: '采购总金额', kind: 'amount', explain: '集中采购项目的合计金额；表中未规定单位，应写明“元”或“万元”。' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购', explain: '本年实施的政府集中采购项目及其金额（《条例》第二十条第（九）项）。2021年版格式已删去此表。' }],
      relations: [],
      explain: '对应《条例》第二十条第（九）项（政府集中采购）。2021年版格式已删去此表。',
    },
    applicationsTable([{ key: 'r3_6', label: '（六）其他处理', explain: '不属于（一）至（五）的其他办结情形的件数。2021年版格式把本项分为逾期不补正、逾期未缴费、其他三行。' }]),
    REVIEW_TABLE,
  ],
};
