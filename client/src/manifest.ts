/**
 * The generated parts of the extension manifest, from the rule registry (npm run docs writes them; the drift test
 * test/generated.test.ts fails when a committed file is stale):
 * - `contributes.configuration.properties["nianbao.rules"].properties` in package.json: every rule id with
 *   off | info | warning | error, described through `%nianbao.config.rule.<id>%`;
 * - those description keys in package.nls.json (English) and package.nls.zh-cn.json (Chinese);
 * - schemas/nianbao.schema.json, the JSON schema of `.nianbao.json` (from configSchema()).
 * Not part of the client bundle (no vscode import): scripts/gen-docs.mjs and the tests use it.
 */
import { configSchema, RULES } from '../../server/src/core';

export const SCHEMA_FILE = 'schemas/nianbao.schema.json';
export const RULE_KEY_PREFIX = 'nianbao.config.rule.';
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
const LEVEL_KEYS = RULE_LEVELS.map((l) => `%nianbao.config.ruleLevel.${l}%`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const LEVEL_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示' };

/** The `properties` of the setting `nianbao.rules`: one entry per rule id. */
export function rulesSettingProperties(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const rule of RULES) {
    out[rule.meta.id] = {
      type: 'string',
      enum: [...RULE_LEVELS],
      enumDescriptions: [...LEVEL_KEYS],
      markdownDescription: `%${RULE_KEY_PREFIX}${rule.meta.id}%`,
    };
  }
  return out;
}

/** The nls entries of the rule descriptions, for one language. */
export function ruleNls(locale: 'zh' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { meta } of RULES) {
    out[`${RULE_KEY_PREFIX}${meta.id}`] =
      locale === 'en'
        ? `${meta.description.en} (default: ${meta.defaultSeverity})`
        : `${meta.description.zh}（默认级别：${LEVEL_ZH[meta.defaultSeverity] ?? meta.defaultSeverity}）`;
  }
  return out;
}

const stringify = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

export function schemaText(): string {
  return stringify(configSchema());
}

/** package.json with the generated rule properties (the rest of the text is kept as JSON.stringify writes it). */
export function updatePackageJson(text: string): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, Json> }> } } };
  const rules = pkg.contributes.configuration.properties['nianbao.rules'];
  if (!rules) throw new Error('package.json has no setting nianbao.rules');
  rules.properties = rulesSettingProperties();
  return stringify(pkg);
}

/** An nls file with the generated rule keys replaced (hand-written keys keep their order, rule keys go last). */
export function updateNls(text: string, locale: 'zh' | 'en'): string {
  const nls = JSON.parse(text) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(nls)) if (!key.startsWith(RULE_KEY_PREFIX)) out[key] = value;
  Object.assign(out, ruleNls(locale));
  return stringify(out);
}
