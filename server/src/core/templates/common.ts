/**
 * Parts that the 2019 and 2021 formats share: the six sections, the applications table of section 三
 * (except （六）其他处理) and the review/litigation table of section 四.
 * Relations are declared compactly with the helpers at the bottom; they expand to plain RelationDef data.
 */
import type { CellRef, ColumnDef, RelationDef, RowDef, SectionDef, TableDef } from './types';
import { mapped } from '../arrays';

export const SECTIONS: SectionDef[] = [
  {
    number: 1,
    heading: '总体情况',
    explain:
      '概括本机关贯彻落实《条例》的情况，应覆盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障；各级人民政府还应写明工作考核、社会评议和责任追究结果（《条例》第五十条）。',
  },
  {
    number: 2,
    heading: '主动公开政府信息情况',
    explain: '填报《条例》第二十条第（一）（五）（六）（八）项对应的统计表（2019年版还有第（九）项）。',
  },
  {
    number: 3,
    heading: '收到和处理政府信息公开申请情况',
    explain: '依申请公开的收件、办理结果和结转情况统计表；每一列都要满足“第一项加第二项之和，等于第三项加第四项之和”。',
  },
  {
    number: 4,
    heading: '政府信息公开行政复议、行政诉讼情况',
    explain: '本机关因政府信息公开工作被申请行政复议、被提起行政诉讼的案件统计（《条例》第五十条第（三）项）。',
  },
  {
    number: 5,
    heading: '存在的主要问题及改进情况',
    variants: [{ text: '政府信息公开工作存在的主要问题及改进情况', severity: 'warning' }],
    explain: '写明本年度存在的具体问题和改进措施，最好说明上一年度报告所列问题的整改情况。',
  },
  {
    number: 6,
    heading: '其他需要报告的事项',
    explain: '2021年版格式要求在此报告信息处理费收取情况（没有收取也应写明），以及其他需要报告的事项。',
  },
];

/** The seven data columns of section 三. 法人或其他组织 only spans the five organisation columns. */
export const APPLICANT_COLUMNS: ColumnDef[] = [
  { key: 'natural', label: '自然人', kind: 'count', explain: '以个人名义提出的申请。' },
  { key: 'business', label: '商业企业', kind: 'count', explain: '公司等营利性企业提出的申请。' },
  { key: 'research', label: '科研机构', kind: 'count', explain: '高等院校、科研院所等科研单位提出的申请。' },
  {
    key: 'charity',
    label: '社会公益组织',
    variants: [{ text: '社会组织', severity: 'warning' }],
    kind: 'count',
    explain: '社会团体、基金会、社会服务机构等公益性社会组织提出的申请。',
  },
  { key: 'legal', label: '法律服务机构', kind: 'count', explain: '律师事务所、基层法律服务所、公证和司法鉴定机构等提出的申请。' },
  { key: 'other', label: '其他', kind: 'count', explain: '不属于以上四类的其他法人或非法人组织提出的申请。' },
  { key: 'total', label: '总计', kind: 'count', explain: '本行自然人与五类法人或其他组织的数量之和。' },
];

export const APPLICANT_PART_KEYS = ['natural', 'business', 'research', 'charity', 'legal', 'other'];

const NOT_DISCLOSED_ITEMS: RowDef[] = [
  { key: 'r3_3_1', label: '1.属于国家秘密', explain: '经依法定密、属于国家秘密而不予公开的申请件数（《条例》第十四条）。', parent: 'r3_3' },
  {
    key: 'r3_3_2',
    label: '2.其他法律行政法规禁止公开',
    explain: '法律、行政法规明文禁止公开而不予公开的件数（《条例》第十四条）。',
    variants: [
      { text: '2.其他法律法规禁止公开', severity: 'warning' },
      { text: '2.其他法律行政止公开', severity: 'warning' },
    ],
    parent: 'r3_3',
  },
  { key: 'r3_3_3', label: '3.危及“三安全一稳定”', explain: '公开后可能危及国家安全、公共安全、经济安全或社会稳定而不予公开的件数（《条例》第十四条）。', parent: 'r3_3' },
  { key: 'r3_3_4', label: '4.保护第三方合法权益', explain: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益、第三方不同意且无重大公共利益需要而不予公开的件数（《条例》第十五条，征求意见程序见第三十二条）。', parent: 'r3_3' },
  { key: 'r3_3_5', label: '5.属于三类内部事务信息', explain: '申请的是人事管理、后勤管理、内部工作流程等内部事务信息的件数（《条例》第十六条第一款）。', parent: 'r3_3' },
  { key: 'r3_3_6', label: '6.属于四类过程性信息', explain: '申请的是履职中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息的件数（《条例》第十六条第二款）。', parent: 'r3_3' },
  { key: 'r3_3_7', label: '7.属于行政执法案卷', explain: '申请的是行政执法案卷信息的件数（《条例》第十六条第二款；法律法规规章规定应当公开的除外）。', parent: 'r3_3' },
  { key: 'r3_3_8', label: '8.属于行政查询事项', explain: '申请的信息有法律法规规定的专门查询途径（如不动产登记资料），告知申请人按该途径查询的件数（《条例》第三十六条第（七）项）。', parent: 'r3_3' },
];

const UNABLE_ITEMS: RowDef[] = [
  { key: 'r3_4_1', label: '1.本机关不掌握相关政府信息', explain: '经检索本机关没有该信息，或不由本机关负责公开的件数；能确定负责机关的应告知其名称和联系方式（《条例》第三十六条第（四）（五）项）。', parent: 'r3_4' },
  { key: 'r3_4_2', label: '2.没有现成信息需要另行制作', explain: '需要对现有信息加工、分析、汇总才能形成，依法可不予提供的件数（《条例》第三十八条）。', parent: 'r3_4' },
  { key: 'r3_4_3', label: '3.补正后申请内容仍不明确', explain: '已按《条例》第三十条告知补正，补正后仍无法确定所需信息的件数。', parent: 'r3_4' },
];

const NOT_PROCESSED_ITEMS: RowDef[] = [
  { key: 'r3_5_1', label: '1.信访举报投诉类申请', explain: '以信息公开申请形式提出信访、投诉、举报，告知通过相应渠道办理、不作为信息公开申请处理的件数（《条例》第三十九条第一款）。', parent: 'r3_5' },
  { key: 'r3_5_2', label: '2.重复申请', explain: '已经答复后，申请人就同一信息再次申请的件数（《条例》第三十六条第（六）项）。', parent: 'r3_5' },
  { key: 'r3_5_3', label: '3.要求提供公开出版物', explain: '要求提供政府公报、报刊、书籍等公开出版物，告知获取途径的件数（《条例》第三十九条第二款）。', parent: 'r3_5' },
  { key: 'r3_5_4', label: '4.无正当理由大量反复申请', explain: '申请数量、频次明显超过合理范围，经要求说明理由后仍不合理而不予处理的件数（《条例》第三十五条）。', parent: 'r3_5' },
  { key: 'r3_5_5', label: '5.要求行政机关确认或重新出具已获取信息', explain: '申请人已掌握相关信息，实际是要求机关确认真伪或再次出具的件数。《条例》没有单列条文，属于统计口径上的分类。', parent: 'r3_5' },
];

export const OTHER_2021_ITEMS: RowDef[] = [
  { key: 'r3_6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', explain: '收到补正通知后无正当理由逾期不补正，视为放弃申请、机关不再处理的件数（《条例》第三十条）。', parent: 'r3_6' },
  { key: 'r3_6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', explain: '依《条例》第四十二条和《政府信息公开信息处理费管理办法》发出收费通知后，申请人未在规定期限内（收到通知次日起20个工作日）缴费、视为放弃申请的件数。本项大于0时，第六部分应报告信息处理费情况。', parent: 'r3_6' },
  { key: 'r3_6_3', label: '3.其他', explain: '不属于上述两种情形的其他办结方式，例如申请人主动撤回申请。', parent: 'r3_6' },
];

const keys = (rows: RowDef[]): string[] => mapped(rows, (r) => r.key);

/**
 * Rows of the applications table. `otherRows` is the 2019 single （六） row or the 2021 group with its items.
 */
export function applicationRows(otherRows: RowDef[]): RowDef[] {
  return [
    { key: 'r1', label: '一、本年新收政府信息公开申请数量', explain: '报告年度1月1日至12月31日本机关收到的申请件数；收到日期按《条例》第三十一条确定（当面提交为提交当日，邮寄为签收之日，网络提交为确认之日）。' },
    { key: 'r2', label: '二、上年结转政府信息公开申请数量', explain: '上一年度收到、跨年后才办结的申请件数，应与上一年度年报“四、结转下年度继续办理”一致。' },
    { key: 'r3', label: '三、本年度办理结果', heading: true, explain: '本年度已经办结的申请按处理结果分类统计，每件申请只计入一种结果；各项之和为“（七）总计”。' },
    { key: 'r3_1', label: '（一）予以公开', explain: '全部提供所申请信息，或告知该信息已主动公开及获取方式的件数（《条例》第三十六条第（一）（二）项）。' },
    { key: 'r3_2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', explain: '申请内容中有不应公开的部分，能区分处理的提供可公开部分并说明理由的件数（《条例》第三十七条）；作了区分处理的只计本项。' },
    { key: 'r3_3', label: '（三）不予公开', items: keys(NOT_DISCLOSED_ITEMS), explain: '依法决定不予公开的申请，按下列8种理由之一计数（《条例》第十四条至第十六条、第三十六条第（七）项）。' },
    ...NOT_DISCLOSED_ITEMS,
    { key: 'r3_4', label: '（四）无法提供', items: keys(UNABLE_ITEMS), explain: '因信息客观上不存在或无法确定而无法提供的申请，按下列3种情形计数。' },
    ...UNABLE_ITEMS,
    { key: 'r3_5', label: '（五）不予处理', items: keys(NOT_PROCESSED_ITEMS), explain: '不属于应作实体答复的申请，告知后不予处理，按下列5种情形计数。' },
    ...NOT_PROCESSED_ITEMS,
    ...otherRows,
    { key: 'r3_7', label: '（七）总计', explain: '本年度办结申请的总数，等于（一）至（六）全部明细之和。' },
    { key: 'r4', label: '四、结转下年度继续办理', explain: '截至12月31日仍在法定答复期限内、尚未办结的申请件数（答复期限见《条例》第三十三条）。' },
  ];
}

/** Rows that carry numbers: everything except the 三、 heading and group rows. */
export function dataRows(rows: RowDef[]): RowDef[] {
  return rows.filter((r) => !r.heading && !r.items);
}

const ref = (row: string, col: string): CellRef => ({ row, col });

/** Declares every sum relation of the applications table for the given rows. */
export function applicationRelations(rows: RowDef[]): RelationDef[] {
  const relations: RelationDef[] = [];
  const resultRows = ['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6'];
  for (const col of APPLICANT_COLUMNS) {
    relations.push({
      id: `apps.result.${col.key}`,
      family: 'result',
      name: {
        zh: '（七）总计 = （一）至（六）各项之和',
        en: '(7) total = sum of results (1)–(6)',
      },
      total: ref('r3_7', col.key),
      terms: mapped(resultRows, (row) => ({ ref: ref(row, col.key), weight: 1 as const })),
    });
    relations.push({
      id: `apps.identity.${col.key}`,
      family: 'identity',
      name: {
        zh: '第一项加第二项之和，等于第三项加第四项之和',
        en: 'new + carried over = handled total + carried forward',
      },
      total: ref('r3_7', col.key),
      terms: [
        { ref: ref('r1', col.key), weight: 1 },
        { ref: ref('r2', col.key), weight: 1 },
        { ref: ref('r4', col.key), weight: -1 },
      ],
    });
  }
  for (const row of dataRows(rows)) {
    relations.push({
      id: `apps.rowsum.${row.key}`,
      family: 'rowsum',
      name: { zh: '总计 = 自然人与五类法人或其他组织之和', en: 'total = natural persons + the five kinds of organisations' },
      total: ref(row.key, 'total'),
      terms: mapped(APPLICANT_PART_KEYS, (c) => ({ ref: ref(row.key, c), weight: 1 as const })),
    });
  }
  for (const group of rows.filter((r) => r.items)) {
    for (const col of APPLICANT_COLUMNS) {
      relations.push({
        id: `apps.subtotal.${group.key}.${col.key}`,
        family: 'subtotal',
        name: { zh: `${group.label}小计 = 所列各项之和`, en: `${group.label} subtotal = sum of its items` },
        total: ref(group.key, col.key),
        terms: mapped(group.items ?? [], (item) => ({ ref: ref(item, col.key), weight: 1 as const })),
        optionalTotal: true,
      });
    }
  }
  return relations;
}

export function applicationsTable(otherRows: RowDef[]): TableDef {
  const rows = applicationRows(otherRows);
  return {
    id: 'apps',
    kind: 'applications',
    section: 3,
    columns: APPLICANT_COLUMNS,
    spanningLabels: ['申请人情况', '法人或其他组织', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
    labelExplain: {
      申请人情况: '按提出申请的主体分列：自然人，以及法人或其他组织（分五类），最后一列为总计。',
      法人或其他组织: '以单位名义提出的申请，分为商业企业、科研机构、社会公益组织、法律服务机构、其他五类；本标题没有自己的数据列。',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）':
        '表中每一列都要满足：一、本年新收 ＋ 二、上年结转 ＝ 三、本年度办理结果的（七）总计 ＋ 四、结转下年度继续办理。',
    },
    rows,
    relations: applicationRelations(rows),
    explain: '收到和处理政府信息公开申请情况统计表。每一列：本年新收＋上年结转＝本年度办理结果（七）总计＋结转下年度继续办理。',
  };
}

const REVIEW_GROUPS = [
  { prefix: 'fy', label: '行政复议', zh: '行政复议', en: 'administrative review' },
  { prefix: 'zs', label: '未经复议直接起诉', zh: '未经复议直接起诉', en: 'lawsuits without prior review' },
  { prefix: 'hs', label: '复议后起诉', zh: '复议后起诉', en: 'lawsuits after review' },
];

const REVIEW_RESULTS = [
  { key: 'wc', label: '结果维持', explain: '复议机关或法院维持了本机关的行为（含驳回复议请求或诉讼请求）。' },
  { key: 'jz', label: '结果纠正', explain: '本机关的行为被撤销、变更、确认违法或责令重新答复等。' },
  { key: 'qt', label: '其他结果', explain: '以其他方式结案，如申请人撤回、终止、调解、裁定驳回起诉等。' },
  { key: 'wj', label: '尚未审结', explain: '截至12月31日尚未作出结论的案件。' },
  { key: 'zj', label: '总计', explain: '同组前四项之和。' },
];

function reviewTable(): TableDef {
  const columns: ColumnDef[] = [];
  const relations: RelationDef[] = [];
  for (const g of REVIEW_GROUPS) {
    for (const r of REVIEW_RESULTS) {
      columns.push({ key: `${g.prefix}_${r.key}`, label: r.label, kind: 'count', explain: `${g.label}：${r.explain}` });
    }
    relations.push({
      id: `review.sum.${g.prefix}`,
      family: 'review',
      name: { zh: `${g.zh}总计 = 结果维持＋结果纠正＋其他结果＋尚未审结`, en: `${g.en} total = upheld + corrected + other + pending` },
      total: ref('data', `${g.prefix}_zj`),
      terms: mapped(REVIEW_RESULTS.filter((r) => r.key !== 'zj'), (r) => ({ ref: ref('data', `${g.prefix}_${r.key}`), weight: 1 as const })),
    });
  }
  return {
    id: 'review',
    kind: 'review',
    section: 4,
    columns,
    spanningLabels: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'],
    labelExplain: {
      行政复议: '因本机关政府信息公开工作被申请行政复议的案件（本机关为被申请人），按本年度的结果统计（《条例》第五十一条）。',
      行政诉讼: '因本机关政府信息公开工作被提起行政诉讼的案件（本机关为被告），分未经复议直接起诉和复议后起诉两组。',
      未经复议直接起诉: '申请人没有先申请行政复议、直接向法院起诉的案件。',
      复议后起诉: '经过行政复议后仍不服、又向法院起诉的案件。',
    },
    rows: [{ key: 'data', label: '' }],
    relations,
    explain: '因本机关政府信息公开工作被申请行政复议、被提起行政诉讼的案件数，共15个数：行政复议5个、未经复议直接起诉5个、复议后起诉5个。',
  };
}

export const REVIEW_TABLE = reviewTable();
