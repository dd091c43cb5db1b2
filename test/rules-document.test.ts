import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint, parseReport, RULES, type LintDiagnostic } from '../server/src/core';
import { applyEdits, draft, lineOf, linesOf, rangeInside, row, textAt } from './helpers';

const DOC_RULES = [
  'template-version',
  'pre-2019-format',
  'section-structure',
  'section-heading',
  'official-label',
  'numbering',
  'date-in-year',
  'date-deadline',
  'stat-period',
  'year-mismatch',
  'legal-basis',
  'signature-missing',
  'text-sum',
  'text-table',
  'gov-50-4',
  'fee-statement',
  'conversion-artefact',
];

const of = (text: string, rule: string): LintDiagnostic[] => lint(text).diagnostics.filter((d) => d.rule === rule);
const docFindings = (text: string): LintDiagnostic[] => lint(text).diagnostics.filter((d) => DOC_RULES.includes(d.rule));
const show = (ds: LintDiagnostic[]): string => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule} ${d.message.zh}`).join('\n');
/** Replace the first occurrence of `a` by `b`, failing loudly when `a` is absent. */
const sub = (text: string, a: string, b: string): string => {
  assert.ok(text.includes(a), `draft contains ${a}`);
  return text.replace(a, b);
};
/** Insert lines before the first line containing `needle`. */
const insertBefore = (text: string, needle: string, ...add: string[]): string => {
  const ls = linesOf(text);
  const at = lineOf(text, needle);
  ls.splice(at, 0, ...add);
  return ls.join('\n');
};

describe('document rules: registry and clean drafts', () => {
  it('registers every document rule with metadata, docs examples and the documented default severity', () => {
    const byId = new Map(RULES.map((r) => [r.meta.id, r.meta]));
    const want: Record<string, string> = {
      'template-version': 'error',
      'pre-2019-format': 'info',
      'section-structure': 'error',
      'section-heading': 'warning',
      'official-label': 'warning',
      numbering: 'warning',
      'date-in-year': 'error',
      'date-deadline': 'warning',
      'stat-period': 'error',
      'year-mismatch': 'warning',
      'legal-basis': 'warning',
      'signature-missing': 'info',
      'text-sum': 'warning',
      'text-table': 'warning',
      'gov-50-4': 'warning',
      'fee-statement': 'info',
      'conversion-artefact': 'info',
    };
    for (const id of DOC_RULES) {
      const m = byId.get(id);
      assert.ok(m, id);
      assert.equal(m.defaultSeverity, want[id], id);
      assert.ok(m.examples?.wrong && m.examples.right, `${id} has examples`);
    }
  });

  for (const template of ['2021', '2019'] as const) {
    for (const layout of ['tabs', 'cells', 'markdown'] as const) {
      it(`a clean ${template} draft (${layout}) gets no document finding`, () => {
        const ds = docFindings(draft({ template, layout }));
        assert.equal(ds.length, 0, show(ds));
      });
    }
  }
});

describe('template-version', () => {
  it('flags 2019 tables in a 2022 report, one finding per table, on the old header, naming the 2021 labels', () => {
    const text = draft({ template: '2019', title: '东莞市测试局2022年政府信息公开工作年度报告' });
    const ds = of(text, 'template-version');
    assert.equal(ds.length, 6, show(ds)); // a1 a5 a6 a8 a9 and （六）其他处理
    const a1 = ds[0];
    assert.equal(a1.severity, 'error');
    assert.equal(textAt(text, a1.range), '本年新制作数量');
    assert.match(a1.message.zh, /本年制发件数、本年废止件数、现行有效件数/);
    assert.ok(ds.some((d) => textAt(text, d.range) === '第二十条第（九）项'));
    const six = ds.find((d) => textAt(text, d.range) === '（六）其他处理');
    assert.ok(six);
    assert.match(six.message.zh, /2\.申请人逾期未按收费通知要求缴纳费用/);
  });
  it('flags 2021 tables in a 2020 report', () => {
    const text = draft({ template: '2021', title: '东莞市测试局2020年政府信息公开工作年度报告' });
    const ds = of(text, 'template-version');
    assert.ok(ds.length >= 4, show(ds));
    assert.equal(textAt(text, ds[0].range), '本年制发件数');
    assert.match(ds[0].message.zh, /本年新制作数量/);
  });
  it('flags the mixed form: 2021 section 二 with a one-row （六）其他处理', () => {
    let text = draft({ template: '2021' });
    const ls = linesOf(text);
    const at = lineOf(text, '（六）其他处理');
    ls.splice(at, 4, ['（六）其他处理', ...row(0)].join('\t'));
    text = ls.join('\n');
    const ds = of(text, 'template-version');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(text, ds[0].range), '（六）其他处理');
    assert.match(ds[0].message.zh, /第二部分已使用2021年版格式/);
  });
});

describe('pre-2019-format', () => {
  it('gives one note for a 2018 report and suppresses the other document rules', () => {
    const text = '某某局2018年政府信息公开工作年度报告\n一、概述\n本年度……\n政府信息公开情况统计表\n指标名称\t计量单位\t数量\n2018年1月5日\n';
    const ds = docFindings(text);
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['pre-2019-format'],
      show(ds),
    );
    assert.equal(ds[0].severity, 'info');
  });
});

describe('section-structure and section-heading', () => {
  it('reports an inserted section on its heading and lists the displaced numbers', () => {
    let text = draft();
    text = insertBefore(text, '五、存在的主要问题及改进情况', '五、信息处理费统计情况', '本年度未收取信息处理费。', '');
    text = sub(text, '五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');
    text = sub(text, '六、其他需要报告的事项', '七、其他需要报告的事项');
    const ds = of(text, 'section-structure');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(text, ds[0].range), '五、信息处理费统计情况');
    assert.equal(ds[0].related.length, 2);
    assert.match(ds[0].message.zh, /六、其他需要报告的事项/);
  });
  it('names at most 8 displaced sections with an extra one, counts them all, and reports none of them again as misnumbered', () => {
    let text = draft();
    text = insertBefore(text, '五、存在的主要问题及改进情况', '五、信息处理费统计情况', '本年度未收取信息处理费。', '');
    text = sub(text, '五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');
    text = sub(text, '六、其他需要报告的事项', '七、其他需要报告的事项');
    // a long paste: the last section again and again, each numbered 七 (official 六)
    text = text.trimEnd() + '\n' + Array.from({ length: 10 }, () => '七、其他需要报告的事项\n无。').join('\n') + '\n';
    const ds = of(text, 'section-structure');
    const extra = ds.filter((d) => textAt(text, d.range) === '五、信息处理费统计情况');
    assert.equal(extra.length, 1, show(ds));
    assert.equal(extra[0].related.length, 8);
    assert.match(extra[0].message.zh, /其后12个部分的序号因此错位（[^）]*等）/);
    assert.ok(!ds.some((d) => /序号应为/.test(d.message.zh)), show(ds));
  });
  it('reports a missing section at the end of the text', () => {
    const text = draft().split('\n六、其他需要报告的事项')[0];
    const ds = of(text, 'section-structure');
    assert.equal(ds.length, 1, show(ds));
    assert.match(ds[0].message.zh, /缺少「六、其他需要报告的事项」/);
    assert.equal(ds[0].range.start.line, linesOf(text).length - 2);
    assert.equal(ds[0].range.start.character, linesOf(text)[linesOf(text).length - 2].trimEnd().length);
  });
  it('reports a missing section before the next one, and a wrong number', () => {
    const base = draft();
    const text = sub(base, '五、存在的主要问题及改进情况', '四、存在的主要问题及改进情况');
    const ds = of(text, 'section-structure');
    assert.ok(ds.some((d) => /序号应为「五、」/.test(d.message.zh)), show(ds));
  });
  it('flags a duplicated section', () => {
    const text = insertBefore(draft(), '六、其他需要报告的事项', '五、存在的主要问题及改进情况', '二是……', '');
    const ds = of(text, 'section-structure');
    assert.equal(ds.length, 1, show(ds));
    assert.match(ds[0].message.zh, /重复出现/);
  });
  it('warns about a tolerated variant heading and offers the official text', () => {
    const text = sub(draft(), '五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况');
    const ds = of(text, 'section-heading');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].severity, 'warning');
    assert.equal(textAt(text, ds[0].range), '政府信息公开工作存在的主要问题及改进情况');
    const fixed = applyEdits(text, ds[0].fixes[0].edits);
    assert.equal(of(fixed, 'section-heading').length, 0);
  });
  it('a half-written draft gets one grouped finding for the missing sections, no crash', () => {
    const text = '东莞市测试局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本局……\n二、主动公开政府信息情况\n';
    const ds = of(text, 'section-structure');
    assert.equal(ds.length, 1, show(ds));
    assert.match(ds[0].message.zh, /共4个部分/);
  });
});

describe('official-label', () => {
  it('warns on a changed label with the official one; punctuation width folds into one note per table', () => {
    const text = draft({ labels: { r3_3_2: '2.其他法律法规禁止公开', r3_1: '(一) 予以公开', r3_2: '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）' } });
    const ds = of(text, 'official-label');
    const warn = ds.filter((d) => d.severity === 'warning');
    assert.equal(warn.length, 1, show(ds));
    assert.equal(textAt(text, warn[0].range), '2.其他法律法规禁止公开');
    assert.match(warn[0].message.zh, /2\.其他法律行政法规禁止公开/);
    const info = ds.filter((d) => d.severity === 'info');
    assert.equal(info.length, 1, show(ds));
    assert.match(info[0].message.zh, /本表有2处/);
  });
  it('"1、" for "1." is a warning; spaces alone are not a deviation', () => {
    const text = draft({ labels: { r3_4_1: '1、本机关不掌握相关政府信息', r3_4_2: '2. 没有现成 信息需要另行制作' } });
    const ds = of(text, 'official-label');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].severity, 'warning');
    const fixed = applyEdits(text, ds[0].fixes[0].edits);
    assert.ok(fixed.includes('1.本机关不掌握相关政府信息'));
  });
  it('warns on a changed column header (社会组织)', () => {
    const text = sub(draft(), '社会公益组织', '社会组织');
    const ds = of(text, 'official-label');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(text, ds[0].range), '社会组织');
  });
});

describe('numbering', () => {
  it('warns on mixed styles at one level, on the minority markers', () => {
    const text = sub(draft(), '一、总体情况\n', '一、总体情况\n（1）加强领导。内容。\n（2）完善制度。内容。\n（三）主动公开。内容。\n（四）依申请公开。内容。\n');
    const ds = of(text, 'numbering');
    assert.equal(ds.length, 2, show(ds));
    assert.equal(textAt(text, ds[0].range), '（1）');
    assert.match(ds[0].message.zh, /应统一为「（一）」/);
  });
  it('warns on a duplicated and a skipped ordinal', () => {
    const dup = sub(draft(), '一、总体情况\n', '一、总体情况\n（一）甲项工作。\n（二）乙项工作。\n（二）丙项工作。\n');
    assert.match(of(dup, 'numbering')[0]?.message.zh ?? '', /重复/);
    const skip = sub(draft(), '一、总体情况\n', '一、总体情况\n（一）甲项工作。\n（三）丙项工作。\n');
    assert.match(of(skip, 'numbering')[0]?.message.zh ?? '', /缺少「（二）」/);
  });
  it('warns on 一是…三是…三是 and not on a correct sequence', () => {
    const bad = sub(draft(), '一是公开内容不够全面。', '一是公开内容不够全面；三是解读不够；三是队伍薄弱。');
    const ds = of(bad, 'numbering');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(bad, ds[0].range), '三是');
    const good = sub(draft(), '一是公开内容不够全面。', '一是公开内容不够全面；二是解读不够；三是队伍薄弱。统一是原则。');
    assert.equal(of(good, 'numbering').length, 0);
  });
});

describe('dates', () => {
  it('date-in-year: a signature date inside the reporting year is an error on the date', () => {
    const text = sub(draft(), '2023年1月20日', '2022年1月18日');
    const ds = of(text, 'date-in-year');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'error');
    assert.equal(textAt(text, ds[0].range), '2022年1月18日');
  });
  it('date-deadline: late for a 部门, in time for a 人民政府, a note for a 镇', () => {
    const late = sub(draft(), '2023年1月20日', '2023年2月20日');
    assert.equal(of(late, 'date-deadline')[0]?.severity, 'warning');
    const gov = sub(sub(late, '东莞市测试局2022年', '东莞市某某区人民政府2022年'), '东莞市测试局\n', '东莞市某某区人民政府\n');
    assert.equal(of(gov, 'date-deadline').length, 0);
    const town = sub(sub(draft(), '东莞市测试局2022年', '樟木头镇2022年'), '2023年1月20日', '2023年4月2日');
    assert.equal(of(town, 'date-deadline')[0]?.severity, 'info');
    const unknown = sub(sub(late, '东莞市测试局2022年', '东莞市某某2022年'), '东莞市测试局\n', '');
    assert.equal(of(unknown, 'date-deadline').length, 0);
  });
  it('a half-written date "2023年1月" neither crashes nor misfires; "2022年1月" is still inside the year', () => {
    const half = sub(draft(), '2023年1月20日', '2023年1月');
    assert.equal(lint(half).diagnostics.filter((d) => d.rule === 'internal-error').length, 0);
    assert.equal(of(half, 'date-deadline').length + of(half, 'date-in-year').length, 0);
    const inYear = sub(draft(), '2023年1月20日', '2022年1月');
    assert.equal(of(inYear, 'date-in-year').length, 1);
  });
  it('stat-period: a wrong year in the statistics period is an error with a fix', () => {
    const text = sub(draft(), '统计期限为2022年1月1日至2022年12月31日', '统计期限为2021年1月1日至2021年12月31日');
    const ds = of(text, 'stat-period');
    assert.equal(ds.length, 2, show(ds));
    assert.equal(textAt(text, ds[0].range), '2021');
    const fixed = applyEdits(text, ds.flatMap((d) => d.fixes[0].edits));
    assert.equal(of(fixed, 'stat-period').length, 0);
  });
  it('year-mismatch: the introduction names another report year', () => {
    const text = sub(draft(), '本年度，本局认真贯彻', '现公布2021年政府信息公开工作年度报告。本年度，本局认真贯彻');
    const ds = of(text, 'year-mismatch');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(text, ds[0].range), '2021');
  });
  it('legal-basis: citing only 〔2019〕60号 in a 2022 report', () => {
    const text = sub(draft(), '本年度，本局认真贯彻', '根据《条例》及国办公开办函〔2019〕60号要求编制。本年度，本局认真贯彻');
    const ds = of(text, 'legal-basis');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), '国办公开办函〔2019〕60号');
    const both = sub(text, '〔2019〕60号要求', '〔2019〕60号和国办公开办函〔2021〕30号要求');
    assert.equal(of(both, 'legal-basis').length, 0);
  });
  it('signature-missing: a note when the report ends without 落款', () => {
    const text = draft().replace(/\n东莞市测试局\n2023年1月20日$/, '');
    assert.equal(of(text, 'signature-missing').length, 1);
    assert.equal(of(draft(), 'signature-missing').length, 0);
  });
});

describe('text-sum', () => {
  const withText = (s: string): string => sub(draft(), '本年度，本局认真贯彻', `${s}本年度，本局认真贯彻`);
  it('warns on the total when the listed parts do not add up', () => {
    const text = withText('主动公开政府信息总数121条，其中通知公告5条、规范性文件2条、政务动态信息79条、财政预决算信息3条、其他信息30条。');
    const ds = of(text, 'text-sum');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), '121');
    assert.match(ds[0].message.zh, /＝119条/);
  });
  it('does not fire on a single 其中 subset, on correct sums, on percentages and 万 units', () => {
    const ok = [
      '全年发布信息2719条，其中通过政府信息公开目录发布政务信息1188条。',
      '主动公开发布信息共28条，其中：机构职能2条，规章文件1条，工作动态18条，统计数据1条，其他2条，财政预决算1条，年度报告等共3条。',
      '全年网站被浏览次数达 170.24 万次，公开各类信息共 4278 条，其中：投资项目批准信息 1981 条，房价备案信息 1556 条，图片新闻 81 条，价格信息 423 条，党建工作 23 条，重大项目情况 27 条及其他各类信息 187 条。',
      '共办理件数1.2万件，其中甲类5000件、乙类4000件、丙类3000件，办结率100%。',
      '共受理申请6件，其中上一年结转1件，答复率100%。',
    ];
    for (const s of ok) assert.equal(of(withText(s), 'text-sum').length, 0, s);
  });
});

describe('text-table', () => {
  const withText = (s: string, o = {}): string => sub(draft(o), '本年度，本局认真贯彻', `${s}本年度，本局认真贯彻`);
  it('compares 受理 counts with new or new + carried applications', () => {
    const apps = { r1: row(3, 1), r2: row(1), r3_1: row(3, 1), r4: row(1) };
    const bad = withText('2022年共受理政府信息公开申请6宗，其中上一年结转1宗。', { apps });
    const ds = of(bad, 'text-table');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(bad, ds[0].range), '6');
    assert.match(ds[0].message.zh, /本年新收4件、上年结转1件，合计5件/);
    assert.ok(ds[0].related.length >= 1);
    assert.equal(of(withText('2022年共受理政府信息公开申请5宗，其中上一年结转1宗。', { apps }), 'text-table').length, 0);
    assert.equal(of(withText('2022年共收到政府信息公开申请4件。', { apps }), 'text-table').length, 0);
  });
  it('compares 规范性文件 counts with the 第二十条第（一）项 table and "未发生行政复议" with section 四', () => {
    const t = withText('全年公开规范性文件2条。');
    const ds = of(t, 'text-table');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(textAt(t, ds[0].range), '2');
    const review = ['1', '0', '0', '0', '1', ...new Array<string>(10).fill('0')];
    const claim = withText('未发生政府信息公开行政复议、行政诉讼案件。', { review });
    const cs = of(claim, 'text-table');
    assert.equal(cs.length, 1, show(cs));
    assert.match(cs[0].message.zh, /行政复议总计为1件/);
    assert.equal(of(withText('未发生政府信息公开行政复议、行政诉讼案件。'), 'text-table').length, 0);
  });
});

describe('gov-50-4 and fee-statement', () => {
  it('gov-50-4: a 人民政府 report without 考核/评议/追究 gets one warning on the 监督保障 heading', () => {
    let text = sub(draft(), '东莞市测试局2022年', '东莞市某某镇人民政府2022年');
    text = sub(text, '一、总体情况\n', '一、总体情况\n（一）主动公开。内容。\n（二）监督保障。纳入绩效考核。\n');
    const ds = of(text, 'gov-50-4');
    assert.equal(ds.length, 1, show(ds));
    assert.match(textAt(text, ds[0].range), /（二）监督保障/);
    assert.match(ds[0].message.zh, /社会评议、责任追究/);
    const full = sub(text, '纳入绩效考核。', '开展工作考核，社会评议满意，未发生责任追究。');
    assert.equal(of(full, 'gov-50-4').length, 0);
    assert.equal(of(draft(), 'gov-50-4').length, 0); // a 部门
  });
  it('fee-statement: a note without a statement in 六, a warning when 逾期未缴费 > 0', () => {
    const none = sub(draft(), '本年度未收取信息处理费。', '无。');
    const n = of(none, 'fee-statement');
    assert.equal(n.length, 1);
    assert.equal(n[0].severity, 'info');
    assert.equal(textAt(none, n[0].range), '六、其他需要报告的事项');
    const apps = { r1: row(1), r3_6_2: row(1), r3_7: row(1) };
    const req = sub(draft({ apps }), '本年度未收取信息处理费。', '无。');
    assert.equal(of(req, 'fee-statement')[0]?.severity, 'warning');
    assert.equal(of(draft({ apps }), 'fee-statement').length, 0);
  });
});

describe('conversion-artefact', () => {
  it('notes a Word bookmark and offers to remove it', () => {
    const text = sub(draft(), '一是公开内容不够全面。', '[bookmark: _GoBack]一是公开内容不够全面。');
    const ds = of(text, 'conversion-artefact');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'info');
    assert.equal(textAt(text, ds[0].range), '[bookmark: _GoBack]');
    assert.equal(of(applyEdits(text, ds[0].fixes[0].edits), 'conversion-artefact').length, 0);
  });
  it('notes web-page chrome', () => {
    const text = sub(draft(), '一、总体情况', '当前位置：首页 > 政务公开 > 年报\n一、总体情况');
    assert.equal(of(text, 'conversion-artefact').length, 1);
  });
});

describe('document rules: bad input', () => {
  const inputs = [
    '',
    '东莞市测试局2022年政府信息公开工作年度报告',
    '东莞市测试局2022年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数',
    '东莞市测试局2022年政府信息公开工作年度报告\n一、总体情况\n共计\n其中\n一是\n2023年1月',
    '东莞市测试局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n2023年',
    draft().slice(0, Math.floor(draft().length / 2)),
  ];
  for (const [i, text] of inputs.entries()) {
    it(`never crashes and keeps every range inside the document (input ${i})`, () => {
      const r = lint(text);
      assert.equal(r.diagnostics.filter((d) => d.rule === 'internal-error').length, 0);
      const ls = linesOf(text);
      for (const d of r.diagnostics) {
        assert.ok(rangeInside(d.range, ls), `${d.rule} range inside`);
        for (const x of d.related) assert.ok(rangeInside(x.range, ls));
      }
    });
  }
  it('reads a 2 MB narrative quickly (linear-time extraction)', () => {
    const para = '2022年，本局共发布信息121条，其中通知公告5条、政务动态79条、其他37条，一是加强领导，二是完善制度。共受理政府信息公开申请3件。\n';
    const text = draft() + '\n' + para.repeat(Math.ceil(2_000_000 / para.length));
    const t0 = Date.now();
    parseReport(text);
    assert.ok(Date.now() - t0 < 8000, `took ${Date.now() - t0} ms`);
  });
});

describe('document rules on the seeds', () => {
  const seed = (n: string): string => {
    const dir = '/work/shared/seeds';
    const files: Record<string, string> = {
      '000': '000_5e68f28fb7835250.txt',
      '001': '001_b401da78da13c640.txt',
      '002': '002_7eb68c448bcdd812.txt',
      '003': '003_075fb8c0c28ee6ce.txt',
      '004': '004_94669dee5bbf1e6e.txt',
    };
    return readFileSync(`${dir}/${files[n]}`, 'utf8');
  };
  let available = true;
  try {
    seed('000');
  } catch {
    available = false;
  }
  /** (1-based line, rule, severity at least warning) */
  const has = (text: string, line: number, rule: string, severity?: string): void => {
    const ds = lint(text).diagnostics.filter((d) => d.rule === rule && d.range.start.line + 1 === line);
    assert.ok(ds.length, `${rule} on line ${line}`);
    if (severity) assert.ok(ds.some((d) => d.severity === severity), `${rule} on line ${line} is ${severity}`);
  };
  const seeds: [string, [number, string, string][]][] = [
    [
      '000',
      [
        [9, 'text-sum', 'warning'],
        [9, 'text-table', 'warning'],
        [20, 'template-version', 'error'],
        [80, 'template-version', 'error'],
        [324, 'template-version', 'error'],
      ],
    ],
    [
      '001',
      [
        [7, 'legal-basis', 'warning'],
        [10, 'numbering', 'warning'],
        [11, 'numbering', 'warning'],
        [13, 'text-table', 'warning'],
        [14, 'text-table', 'warning'],
        [17, 'gov-50-4', 'warning'],
        [298, 'template-version', 'error'],
        [372, 'section-structure', 'error'],
        [387, 'conversion-artefact', 'info'],
      ],
    ],
    [
      '002',
      [
        [5, 'legal-basis', 'warning'],
        [8, 'text-table', 'warning'],
        [23, 'template-version', 'error'],
        [328, 'template-version', 'error'],
        [413, 'date-in-year', 'error'],
      ],
    ],
    [
      '003',
      [
        [50, 'official-label', 'warning'],
        [57, 'official-label', 'warning'],
      ],
    ],
    [
      '004',
      [
        [19, 'text-table', 'warning'],
        [45, 'official-label', 'warning'],
        [76, 'conversion-artefact', 'info'],
        [117, 'section-structure', 'error'],
      ],
    ],
  ];
  for (const [n, expected] of seeds) {
    it(`seed ${n}: the expected document findings`, function () {
      if (!available) this.skip();
      const text = seed(n);
      for (const [line, rule, severity] of expected) has(text, line, rule, severity);
    });
  }
  it('seed 000: 121 vs 119, range on the number', function () {
    if (!available) this.skip();
    const text = seed('000');
    const d = of(text, 'text-sum')[0];
    assert.equal(textAt(text, d.range), '121');
    assert.match(d.message.zh, /119/);
  });
  it('seeds 002 line 8 and 004 lines 19, 26: correct breakdowns do not fire text-sum', function () {
    if (!available) this.skip();
    assert.equal(of(seed('002'), 'text-sum').length, 0);
    assert.equal(of(seed('004'), 'text-sum').length, 0);
  });
  it('seed 004 (a 2019 report in the 2019 format) gets no template-version finding', function () {
    if (!available) this.skip();
    assert.equal(of(seed('004'), 'template-version').length, 0);
  });
});

describe('narrative: both widths of punctuation, full-width digits', () => {
  const narrative = (text: string) => parseReport(text).narrative;

  it('finds the format notice cited with full-width, half-width or 〔〕 brackets', () => {
    for (const cite of ['国办公开办函（2021）30号', '国办公开办函(2021)30号', '国办公开办函〔2021〕30号', '国办公开办函［2021］30号']) {
      const c = narrative(`一、总体情况\n本报告按照${cite}的要求编制。`).citations;
      assert.deepEqual(
        c.map((x) => [x.notice, x.by]),
        [['2021', 'number']],
        cite,
      );
    }
  });

  it('finds the notice cited by its title when a line break (PDF text) falls inside the title, and not in a table', () => {
    // the paragraph wraps after 工作: the run joins the lines, and the rare-word search reads the runs
    const wrapped = narrative('一、总体情况\n本报告根据《国务院办公厅政府信息与政务公开办公室关于印发政府信息公开工作\n年度报告格式的通知》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
    assert.deepEqual(
      wrapped.citations.map((x) => [x.notice, x.by, x.span.range.start.line, x.span.range.end.line]),
      [['2021', 'title', 1, 2]],
    );
    assert.deepEqual(narrative('一、总体情况\n本机关认真落实条例要求。').citations, []);
  });

  it('reads counts and years written in full-width digits', () => {
    const n = narrative('一、总体情况\n２０２３年，本机关共收到政府信息公开申请１２件，予以公开５件。');
    assert.deepEqual(
      n.counts.map((c) => [c.topic, c.value.value, c.value.text]),
      [
        ['received', 12, '12'],
        ['disclosed', 5, '5'],
      ],
    );
    // the range still points at the full-width digits of the original line
    assert.deepEqual(n.counts[0].value.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 22 } });
  });

  it('adds up a breakdown whatever the width of its commas and colons', () => {
    for (const [comma, colon] of [
      ['，', '：'],
      [',', ':'],
    ]) {
      const text = `二、主动公开政府信息情况\n全年主动公开信息共计10条${comma}其中${colon}工作动态3条、通知公告3条、政策文件3条。`;
      const [d] = of(`${draft()}\n${text}`, 'text-sum');
      assert.ok(d, `text-sum with ${comma}${colon}`);
      assert.match(d.message.zh, /3＋3＋3＝9条，相差1条/);
      assert.deepEqual(
        parseReport(text).narrative.enumerations[0].parts.map((p) => p.label),
        ['工作动态', '通知公告', '政策文件'],
      );
    }
  });

  it('keeps the ranges of a breakdown wrapped over two lines, as a fresh plain object on every reading', () => {
    // a PDF conversion wrapped the sentence after 工作动态: the run joins the lines, the ranges map back to each line
    const n = narrative('二、主动公开政府信息情况\n全年主动公开信息共计１０条，其中工作动态\n3条、通知公告3条、政策文件4条。');
    const [e] = n.enumerations;
    const at = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
    assert.deepEqual(e.keyword.range, at(1, 8, 10));
    assert.equal(e.keyword.text, '共计');
    assert.deepEqual(e.total.range, at(1, 10, 12));
    assert.deepEqual(
      e.parts.map((p) => [p.label, p.text, p.range]),
      [
        ['工作动态', '3', at(2, 0, 1)],
        ['通知公告', '3', at(2, 7, 8)],
        ['政策文件', '4', at(2, 14, 15)],
      ],
    );
    assert.deepEqual(e.range, { start: { line: 1, character: 8 }, end: { line: 2, character: 15 } });
    // a consumer that changes a range it was given cannot change the model
    const r = e.total.range;
    r.start.character = 99;
    assert.notEqual(e.total.range, r);
    assert.equal(e.total.range.start.character, 10);
    assert.deepEqual(Object.getPrototypeOf(r), Object.prototype);
  });

  it('makes the ranges of 一是 markers and claimed years when asked for, a fresh plain object each time, across a line break', () => {
    const l1 = '2023年，本机关工作如下：一是加强领导，二是完善制度，';
    const l2 = '三是强化监督。本报告为2023年度政府信息公开工作年度报告。';
    const n = narrative(`一、总体情况\n${l1}\n${l2}`);
    const at = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
    const ms = n.shiSequences[0].markers;
    assert.deepEqual(
      ms.map((m) => [m.ordinal, m.text, m.range]),
      [
        [1, '一是', at(1, l1.indexOf('一是'), l1.indexOf('一是') + 2)],
        [2, '二是', at(1, l1.indexOf('二是'), l1.indexOf('二是') + 2)],
        [3, '三是', at(2, 0, 2)],
      ],
    );
    assert.deepEqual(
      n.yearClaims.map((c) => [c.year, c.kind, c.section, c.yearRange]),
      [
        [2023, 'report', 1, at(2, l2.indexOf('2023'), l2.indexOf('2023') + 4)],
        [2023, 'lead', 1, at(1, 0, 4)],
      ],
    );
    const r = ms[2].range;
    r.start.line = 99;
    assert.equal(ms[2].range.start.line, 2);
    assert.notEqual(n.yearClaims[0].yearRange, n.yearClaims[0].yearRange);
    assert.deepEqual(Object.getPrototypeOf(n.yearClaims[0].yearRange), Object.prototype);
  });

  it('reads back every breakdown and count of a long paste (the store past its first 8,192 numbers), as written', () => {
    // 600 paragraphs, each a breakdown and a count of received applications with its carried-over part. The total
    // is in full-width digits every third time; a PDF conversion wrapped the paragraph before the first part's
    // number every seventh time, inside its label or inside its number now and then (texts the store cannot slice
    // from one line). The last total is wrong. The first 256 of each are kept as objects, the rest packed.
    const N = 600;
    const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const lines = ['二、主动公开政府信息情况'];
    const total = (i: number) => (i === N - 1 ? 3 * i + 7 : 3 * i + 6);
    for (let i = 0; i < N; i++) {
      const t = i % 3 === 0 ? wide(String(total(i))) : String(total(i));
      const para = `第${i}批主动公开信息共计${t}条，其中工作动态${i + 1}条、通知公告${i + 2}条、政策文件${i + 3}条。本年收到政府信息公开申请${i + 5}件，其中上年结转${i % 4}件。`;
      const label = para.indexOf('工作动态');
      const at = i % 7 === 0 ? label + 4 : i % 11 === 5 ? label + 2 : i % 13 === 6 ? label + 5 : -1;
      if (at > 0) lines.push(para.slice(0, at), para.slice(at));
      else lines.push(para);
    }
    const text = lines.join('\n');
    const n = parseReport(text).narrative;
    const breakdowns = n.enumerations.filter((e) => e.parts.length === 3);
    assert.equal(breakdowns.length, N);
    const at = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
    let line = 1;
    for (let i = 0; i < N; i++) {
      const e = breakdowns[i];
      const head = lines[line];
      const second = i % 7 === 0 || i % 11 === 5 || i % 13 === 6 ? line + 1 : line;
      const t = e.total;
      assert.deepEqual([t.value, t.text, t.unit, t.approx], [total(i), String(total(i)), '条', false], `breakdown ${i}`);
      const ta = head.indexOf('共计') + 2;
      assert.deepEqual(t.range, at(line, ta, ta + String(total(i)).length), `total ${i}`);
      assert.equal(e.keyword.text, '共计');
      assert.equal(e.section, 2);
      const parts = e.parts;
      assert.deepEqual(
        parts.map((p) => [p.label, p.value, p.text, p.unit]),
        [
          ['工作动态', i + 1, String(i + 1), '条'],
          ['通知公告', i + 2, String(i + 2), '条'],
          ['政策文件', i + 3, String(i + 3), '条'],
        ],
        `parts ${i}`,
      );
      const last = String(i + 3);
      const lastAt = lines[second].indexOf(`政策文件${last}条`) + 4;
      assert.deepEqual(parts[2].range, at(second, lastAt, lastAt + last.length), `last part ${i}`);
      assert.deepEqual(e.range, { start: { line, character: ta - 2 }, end: { line: second, character: lastAt + last.length } });
      line = second + 1;
    }
    const received = n.counts.filter((c) => c.topic === 'received');
    assert.equal(received.length, N);
    assert.deepEqual(
      received.map((c) => [c.value.value, c.value.text, c.value.unit, c.carriedIn?.value, c.carriedIn?.unit, c.regional, c.section]),
      Array.from({ length: N }, (_, i) => [i + 5, String(i + 5), '件', i % 4, '件', false, 2]),
    );
    const policies = n.counts.filter((c) => c.topic === 'normative');
    assert.deepEqual(
      policies.map((c) => [c.phrase.text, c.value.value, c.carriedIn]),
      Array.from({ length: N }, (_, i) => ['政策文件', i + 3, null]),
    );
    // the wrong total, in the last paragraph (far into the store), is reported on its digits
    const [d] = of(`${draft()}\n${text}`, 'text-sum');
    assert.ok(d, 'text-sum on the last breakdown');
    assert.match(d.message.zh, new RegExp(`总数${total(N - 1)}条`));
    assert.equal(textAt(`${draft()}\n${text}`, d.range), String(total(N - 1)));
  });
});
