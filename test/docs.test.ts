import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CROSS_YEAR_RULES, docsIndex, renderRuleDoc, RULES } from '../server/src/core';

describe('rule docs', () => {
  it('every rule has a unique id and a generated docs page that is up to date (npm run docs)', () => {
    const ids = [...RULES, ...CROSS_YEAR_RULES].map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of [...RULES, ...CROSS_YEAR_RULES]) {
      const page = readFileSync(`docs/rules/${rule.meta.id}.md`, 'utf8');
      assert.equal(page, renderRuleDoc(rule), `docs/rules/${rule.meta.id}.md is stale: run npm run docs`);
    }
    assert.equal(readFileSync('docs/rules/README.md', 'utf8'), docsIndex([...RULES, ...CROSS_YEAR_RULES]));
  });
  it('every rule describes itself in Chinese and English', () => {
    for (const { meta } of RULES) {
      assert.match(meta.description.zh, /[\u4e00-\u9fff]/, meta.id);
      assert.ok(meta.description.en.length > 10, meta.id);
      assert.match(meta.details.zh, /[\u4e00-\u9fff]/, meta.id);
    }
  });
});
