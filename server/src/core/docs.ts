/** Rule documentation pages, generated from the rule metadata (docs/rules/<id>.md). */
import type { Rule } from './rule';
import type { RuleMeta } from './types';

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '暗示' };
const FIXABLE_ZH = (f: RuleMeta['fixable']): string => (f === 'fix' ? '可自动修复（计入“全部修复”）' : f === 'suggestion' ? '提供修复建议（需人工确认，不计入“全部修复”）' : '不可自动修复');
const FIXABLE_EN = (f: RuleMeta['fixable']): string => (f === 'fix' ? 'auto-fixable (part of fix-all)' : f === 'suggestion' ? 'offers a suggestion (never applied by fix-all)' : 'not fixable');

export function renderRuleDoc(rule: Pick<Rule, 'meta'>): string {
  const m = rule.meta;
  const lines = [
    `# ${m.id}`,
    '',
    `<!-- 本文件由 scripts/gen-docs.mjs 根据规则元数据生成，请勿手工编辑。Generated from the rule metadata; do not edit. -->`,
    '',
    `**${m.description.zh}**`,
    '',
    `- 默认级别：${SEVERITY_ZH[m.defaultSeverity]}（\`${m.defaultSeverity}\`）`,
    `- 类别：\`${m.category}\``,
    `- 修复：${FIXABLE_ZH(m.fixable)}`,
    '',
    '## 说明',
    '',
    m.details.zh,
    '',
  ];
  if (m.examples) {
    lines.push('## 示例', '', '错误写法：', '', '```text', m.examples.wrong.replace(/⇥/g, '\t'), '```', '', '正确写法：', '', '```text', m.examples.right.replace(/⇥/g, '\t'), '```', '');
  }
  lines.push(
    '## 关闭或调整',
    '',
    '在 `.nianbao.json` 或设置 `nianbao.rules` 中：',
    '',
    '```json',
    `{ "rules": { "${m.id}": "off" } }`,
    '```',
    '',
    '---',
    '',
    `## English`,
    '',
    `**${m.description.en}**`,
    '',
    `Default severity: \`${m.defaultSeverity}\`. Category: \`${m.category}\`. Fix: ${FIXABLE_EN(m.fixable)}.`,
    '',
    m.details.en,
    '',
  );
  return lines.join('\n');
}

export function docsIndex(rules: Pick<Rule, 'meta'>[]): string {
  const lines = [
    '# 规则一览 / Rules',
    '',
    '<!-- 本文件由 scripts/gen-docs.mjs 生成。Generated; do not edit. -->',
    '',
    '| 规则 Rule | 默认级别 Severity | 可修复 Fix | 说明 | Description |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rules) {
    const m = r.meta;
    lines.push(`| [${m.id}](${m.id}.md) | ${m.defaultSeverity} | ${m.fixable || '—'} | ${m.description.zh} | ${m.description.en} |`);
  }
  lines.push('');
  return lines.join('\n');
}
