import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

// Tokenizes lines of the real reports in /work/shared/seeds (and a few written here) with the same engine VS Code
// uses (vscode-textmate + the oniguruma wasm) and checks the scopes of headings, captions, labels, numbers, dates.

const GRAMMAR_PATH = 'syntaxes/nianbao.tmLanguage.json';
// The real reports: ../shared/seeds beside the clone (CI), or the workplace copy.
const SEEDS = [join(process.cwd(), '..', 'shared', 'seeds'), '/work/shared/seeds'].find((d) => existsSync(d)) ?? '../shared/seeds';

let grammarPromise: Promise<IGrammar> | undefined;
function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(process.cwd(), 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.nianbao' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar('text.nianbao');
    if (!grammar) throw new Error('grammar text.nianbao did not load');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: IGrammar, line: string, stack: StateStack = INITIAL): { tokens: Token[]; stack: StateStack } {
  const r = grammar.tokenizeLine(line, stack);
  const tokens = r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  return { tokens, stack: r.ruleStack };
}

/** The scopes of every token that overlaps the (first, or n-th) occurrence of `part` in `line`. */
function scopesOf(grammar: IGrammar, line: string, part: string, occurrence = 0): string[][] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = line.indexOf(part, start + 1);
  assert.ok(start >= 0, `"${part}" not in line "${line}"`);
  const end = start + part.length;
  const out: string[][] = [];
  let pos = 0;
  for (const t of tokenize(grammar, line).tokens) {
    const tEnd = pos + t.text.length;
    if (tEnd > start && pos < end) out.push(t.scopes);
    pos = tEnd;
  }
  return out;
}

function assertScope(grammar: IGrammar, line: string, part: string, scope: string, occurrence = 0): void {
  const all = scopesOf(grammar, line, part, occurrence);
  for (const scopes of all) {
    assert.ok(
      scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
      `"${part}" in "${line}" should have scope ${scope}, has ${JSON.stringify(all)}`,
    );
  }
}

function assertNoScope(grammar: IGrammar, line: string, part: string, scope: string): void {
  const all = scopesOf(grammar, line, part);
  for (const scopes of all) {
    assert.ok(
      !scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
      `"${part}" in "${line}" should not have scope ${scope}, has ${JSON.stringify(all)}`,
    );
  }
}

function seedLines(prefix: string): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return readFileSync(join(SEEDS, file), 'utf8').split(/\r?\n/);
}

/** The first line of a seed that contains `needle` (lines are looked up, not numbered, so edits don't break tests). */
function seedLine(prefix: string, needle: string | RegExp): string {
  const line = seedLines(prefix).find((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
  assert.ok(line !== undefined, `no line with ${String(needle)} in seed ${prefix}`);
  return line;
}

describe('TextMate grammar (syntaxes/nianbao.tmLanguage.json)', () => {
  let g: IGrammar;
  before(async () => {
    g = await loadGrammar();
  });

  it('is the grammar package.json registers for language nianbao only (never for markdown)', () => {
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string };
    assert.equal(raw.scopeName, 'text.nianbao');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const grammars = pkg.contributes.grammars;
    assert.deepEqual(grammars.map((x) => [x.language, x.scopeName, x.path]), [['nianbao', 'text.nianbao', './syntaxes/nianbao.tmLanguage.json']]);
    assert.ok(grammars.every((x) => x.language !== 'markdown' && !x.injectTo), 'no grammar for or injected into markdown');
  });

  it('tokenizes every line of every seed without error and quickly', () => {
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      let stack: StateStack = INITIAL;
      const t0 = Date.now();
      for (const line of readFileSync(join(SEEDS, file), 'utf8').split(/\r?\n/)) stack = tokenize(g, line, stack).stack;
      assert.ok(Date.now() - t0 < 2000, `${file} took too long`);
    }
  });

  it('marks the report title', () => {
    const title = seedLines('000')[0];
    assertScope(g, title, '东莞市人民政府地方志办公室2022年政府信息公开工作年度报告', 'entity.name.section.title');
    assertScope(g, title, '政府信息公开工作年度报告', 'markup.heading');
    const title004 = seedLines('004')[2];
    assertScope(g, title004, '2019 年度东莞市发展和改革局政府信息公开年度报告', 'entity.name.section.title');
    assertNoScope(g, '本报告是2022年政府信息公开工作年度报告的附件，请查阅。', '本报告', 'markup.heading');
  });

  it('marks section headings 一、… at line start (also indented with full-width spaces)', () => {
    const h = seedLine('003', /^一、总体情况/);
    assertScope(g, h, '一、', 'punctuation.definition.heading');
    assertScope(g, h, '一、', 'markup.heading.1');
    assertScope(g, h, '总体情况', 'entity.name.section');
    const indented = seedLine('000', '三、收到和处理政府信息公开申请情况');
    assert.match(indented, /^\u3000/);
    assertScope(g, indented, '收到和处理政府信息公开申请情况', 'markup.heading.1');
    assertScope(g, seedLine('004', /^六、|^五、存在/), '存在的主要问题及改进情况', 'entity.name.section');
    assertScope(g, '## 二、主动公开政府信息情况', '主动公开政府信息情况', 'markup.heading.1');
    // Not a heading: an ordinal in the middle of a sentence.
    assertNoScope(g, '我们要做到一、二、三点要求', '二、', 'markup.heading');
  });

  it('marks sub-headings （一）/(一), 1./1、 and （1）, only up to the end of their title', () => {
    const sub = seedLine('003', /^（一）主动公开/);
    assertScope(g, sub, '主动公开', 'markup.heading.2');
    const para = seedLine('000', '（一）切实加强组织领导。');
    assertScope(g, para, '（一）', 'punctuation.definition.heading');
    assertScope(g, para, '切实加强组织领导', 'entity.name.section');
    assertNoScope(g, para, '市志办高度重视', 'markup.heading');
    assertScope(g, '(二) 依申请公开', '依申请公开', 'markup.heading.2');
    const item = seedLine('002', /^1\.加强组织领导/);
    assertScope(g, item, '1.', 'markup.heading.3');
    assertScope(g, item, '加强组织领导', 'entity.name.section');
    const item004 = seedLine('004', /^1\. 通过市政府信息公开网站/);
    assertScope(g, item004, '通过市政府信息公开网站公开信息情况', 'markup.heading.3');
    assertScope(g, item004, '426', 'constant.numeric');
    assertScope(g, '2、严格审查程序', '严格审查程序', 'markup.heading.3');
    const sub4 = seedLine('001', /^（1） 优化政务公开平台建设/);
    assertScope(g, sub4, '（1）', 'punctuation.definition.heading');
    assertScope(g, sub4, '优化政务公开平台建设', 'markup.heading.4');
    assertNoScope(g, '1.5万元用于平台建设', '1.5', 'markup.heading');
  });

  it('marks the table captions 第二十条第（X）项', () => {
    for (const [seed, caption] of [
      ['003', '第二十条第（一）项'],
      ['003', '第二十条第（八）项'],
      ['000', '第二十条第（五）项'],
      ['004', '第二十条第（九）项'],
    ] as const) {
      assertScope(g, seedLine(seed, caption), caption, 'entity.name.section.caption');
    }
  });

  it('marks the official row labels of the tables (whole cells only)', () => {
    const r1 = seedLine('003', /^一、本年新收政府信息公开申请数量\t/);
    assertScope(g, r1, '一、本年新收政府信息公开申请数量', 'support.constant.label.row');
    assertNoScope(g, r1, '一、', 'markup.heading');
    assertScope(g, seedLine('000', '\t一、本年新收政府信息公开申请数量'), '本年新收政府信息公开申请数量', 'support.constant.label.row');
    const groups = seedLine('004', /^\(五\) 不予处理\t/);
    assertScope(g, groups, '(五) 不予处理', 'support.constant.label.row');
    assertScope(g, groups, '1. 信访举报投诉类申请', 'support.constant.label.row');
    assertNoScope(g, groups, '不予处理', 'markup.heading');
    for (const label of ['3.危及“三安全一稳定”', '3.其他', '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）', '5.要求行政机关确认或重新出具已获取信息', '(七) 总计']) {
      assertScope(g, seedLine('003', label), label, 'support.constant.label.row');
    }
    assertScope(g, seedLine('003', '四、结转下年度继续办理'), '四、结转下年度继续办理', 'support.constant.label.row');
    const permits = seedLine('004', /^行政许可\t/);
    assertScope(g, permits, '行政许可', 'support.constant.label.row');
    assertScope(g, seedLine('003', /^行政规范性文件\t/), '行政规范性文件', 'support.constant.label.row');
    assertScope(g, seedLine('000', '\t政府集中采购'), '政府集中采购', 'support.constant.label.row');
    assertScope(g, '| 行政处罚 | 0 |', '行政处罚', 'support.constant.label.row');
    // The same words inside a sentence are not labels.
    const prose = seedLine('000', '规范性文件2条');
    assertNoScope(g, prose, '规范性文件', 'support.constant');
    assertNoScope(g, prose, '其他信息', 'support.constant');
  });

  it('marks the labels of a table whose cells are apart by runs of spaces (copied from a PDF viewer)', () => {
    const row = '三、本年度办理结果   （一）予以公开   5   0   0   0   0   0   5';
    assertScope(g, row, '三、本年度办理结果', 'support.constant.label.row');
    assertScope(g, row, '（一）予以公开', 'support.constant.label.row');
    assertNoScope(g, row, '三、', 'markup.heading');
    assertScope(g, row, '5', 'constant.numeric');
    const header = '\u3000\u3000自然人\u3000\u3000法人或其他组织   总计';
    for (const label of ['自然人', '法人或其他组织', '总计']) assertScope(g, header, label, 'support.constant.label.column');
    // one space is no cell boundary: the words of a sentence stay text
    assertNoScope(g, '本年 行政许可 事项', '行政许可', 'support.constant');
  });

  it('marks the official column labels of the tables', () => {
    const applicants = seedLine('003', /^\t自然人\t法人或其他组织/);
    assertScope(g, applicants, '自然人', 'support.constant.label.column');
    assertScope(g, applicants, '法人或其他组织', 'support.constant.label.column');
    const orgs = seedLine('003', '商业企业');
    for (const label of ['商业企业', '科研机构', '法律服务机构', '其他']) assertScope(g, orgs, label, 'support.constant.label.column');
    assertScope(g, seedLine('000', '\t社会公益组织'), '社会公益组织', 'support.constant.label.column');
    const review = seedLine('003', /^结果维持\t结果纠正/);
    for (const label of ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']) assertScope(g, review, label, 'support.constant.label.column');
    const lawsuits = seedLine('003', '未经复议直接起诉');
    assertScope(g, lawsuits, '未经复议直接起诉', 'support.constant.label.column');
    assertScope(g, lawsuits, '复议后起诉', 'support.constant.label.column');
    const fee = seedLine('003', '本年收费金额');
    assertScope(g, fee, '信息内容', 'support.constant.label.column');
    assertScope(g, fee, '本年收费金额（单位：万元，保留4位小数）', 'support.constant.label.column');
    const old = seedLine('004', '本年增/减');
    assertScope(g, old, '上一年项目数量', 'support.constant.label.column');
    assertScope(g, old, '本年增/减', 'support.constant.label.column');
    assertScope(g, seedLine('003', '本年制发件数'), '现行有效件数', 'support.constant.label.column');
  });

  it('marks numbers: integers, negatives, decimals, full-width digits, percentages', () => {
    const permits = seedLine('004', /^行政许可\t/);
    assertScope(g, permits, '173', 'constant.numeric');
    assertScope(g, permits, '-13', 'constant.numeric');
    assertScope(g, seedLine('004', /^政府集中采购\t/), '960.49', 'constant.numeric');
    assertScope(g, seedLine('003', /^一、本年新收/), '0', 'constant.numeric');
    assertScope(g, seedLine('000', '\t555000'), '555000', 'constant.numeric');
    assertScope(g, '共收到申请１２件，答复率100%', '１２', 'constant.numeric');
    assertScope(g, '共收到申请１２件，答复率100%', '100%', 'constant.numeric');
    assertScope(g, '合计－３．５万元', '－３．５', 'constant.numeric');
    const phone = '电话:0769-87711001';
    assertNoScope(g, phone, '-', 'constant.numeric');
  });

  it('marks dates like 2023年1月18日', () => {
    const sign = seedLine('002', '2022年1月18日');
    assertScope(g, sign, '2022年1月18日', 'constant.other.date');
    const period = seedLine('000', '2022年1月1日至2022年12月31日');
    assertScope(g, period, '2022年1月1日', 'constant.other.date');
    assertScope(g, period, '2022年12月31日', 'constant.other.date');
    assertNoScope(g, period, '至', 'constant.other.date');
    assertScope(g, '2023 年 1 月 16 日', '2023 年 1 月 16 日', 'constant.other.date');
    assertScope(g, '二〇二三年一月十八日', '二〇二三年一月十八日', 'constant.other.date');
    assertScope(g, '发布日期：2023-01-18', '2023-01-18', 'constant.other.date');
    assertScope(g, '２０２３年１月１８日', '２０２３年１月１８日', 'constant.other.date');
  });

  it('marks the 勾稽关系 note as a comment', () => {
    const note = seedLine('000', '本列数据的勾稽关系为');
    assertScope(g, note, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'comment.block.relation');
    const half = seedLine('003', '(本列数据的勾稽关系为');
    assertScope(g, half, '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)', 'comment');
    assertScope(g, half, '申请人情况', 'support.constant.label.column');
  });
});
