import type { Rule } from '../rule';
import { listZh } from '../text';
import { RULE_IDS } from './ids';

export const inlineDirective: Rule = {
  meta: {
    id: 'inline-directive',
    category: 'format',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '停用规则的注释有误或没有起作用', en: 'An inline disable comment is wrong or has no effect' },
    details: {
      zh:
        '可以用注释在草稿中局部停用规则：`<!-- nianbao-disable-next-line 规则 -->`（下一行）、`<!-- nianbao-disable-line 规则 -->`（本行）、`<!-- nianbao-disable 规则 -->` … `<!-- nianbao-enable 规则 -->`（一段），不写规则表示全部规则。注释里写了不存在的规则编号，或注释没有屏蔽任何问题时，给出本提示，以免过时的注释掩盖以后出现的问题。',
      en:
        'Rules can be switched off in a draft with `<!-- nianbao-disable-next-line RULE -->`, `<!-- nianbao-disable-line RULE -->` and `<!-- nianbao-disable RULE -->` … `<!-- nianbao-enable RULE -->` (no RULE: every rule). A directive naming an unknown rule, or one that suppresses nothing, is reported so that stale comments do not hide future problems.',
    },
    examples: {
      wrong: '<!-- nianbao-disable-next-line relation-mismach -->',
      right: '<!-- nianbao-disable-next-line relation-mismatch -->',
    },
  },
  check(ctx) {
    if (ctx.model.directives.length === 0) return;
    const known = new Set(RULE_IDS());
    for (const d of ctx.model.directives) {
      const unknown = d.rules.filter((r) => !known.has(r));
      if (unknown.length) {
        ctx.report({
          range: d.range,
          message: { zh: `注释中的规则编号不存在：${listZh(unknown)}。`, en: `Unknown rule id(s) in the directive: ${unknown.join(', ')}.` },
        });
      }
    }
  },
};
