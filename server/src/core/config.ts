/**
 * Settings and the project config file `.nianbao.json`: validation with clear Chinese messages and
 * merging (defaults → config file → editor settings). Bad entries are reported and ignored, never fatal.
 */
import type { BodyKind } from './model';
import { DEFAULT_SETTINGS, type LintSettings } from './rule';
import { CROSS_YEAR_RULES } from './crossyear';
import { RULES } from './rules';
import type { Range, Severity, Text2 } from './types';
import { mapped } from './arrays';

export const CONFIG_FILE = '.nianbao.json';

export interface ConfigProblem {
  message: Text2;
  range: Range;
}

export interface PartialSettings {
  rules?: Record<string, Severity | 'off'>;
  bodyKind?: 'auto' | BodyKind;
  reportYear?: number | null;
}

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);
const BODY_KINDS = new Set(['auto', '部门', '人民政府']);

export function knownRuleIds(): string[] {
  return mapped([...RULES, ...CROSS_YEAR_RULES], (r) => r.meta.id);
}

/** Remove // and /* *\/ comments outside strings, keeping offsets (comments become spaces). */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && text[i + 1] === '*') {
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        out += text[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += '  ';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function offsetToRange(text: string, offset: number, length: number): Range {
  let line = 0;
  let col = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 0;
    } else col++;
  }
  return { start: { line, character: col }, end: { line, character: col + length } };
}

function keyRange(text: string, key: string): Range {
  const at = text.indexOf(`"${key}"`);
  return at >= 0 ? offsetToRange(text, at, key.length + 2) : offsetToRange(text, 0, 0);
}

/** Validate settings coming from the editor or a config file. `text` (the file) locates the problems. */
export function validateSettings(raw: unknown, text = ''): { settings: PartialSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const settings: PartialSettings = {};
  const at = (key: string): Range => keyRange(text, key);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: { zh: '配置应为一个 JSON 对象，例如 { "rules": { … } }。', en: 'The configuration must be a JSON object.' }, range: offsetToRange(text, 0, 0) });
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key === '$schema') continue;
    if (key === 'rules') {
      const rules = obj.rules;
      if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
        problems.push({ message: { zh: '"rules" 应为对象：规则编号 → off | info | warning | error。', en: '"rules" must map rule ids to off | info | warning | error.' }, range: at('rules') });
        continue;
      }
      const out: Record<string, Severity | 'off'> = {};
      const known = new Set(knownRuleIds());
      for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
        if (!known.has(id)) {
          problems.push({ message: { zh: `未知的规则编号“${id}”，已忽略。可用的规则见 nianbao rules。`, en: `Unknown rule id "${id}"; ignored.` }, range: at(id) });
          continue;
        }
        if (typeof v !== 'string' || !SEVERITIES.has(v)) {
          problems.push({ message: { zh: `规则“${id}”的取值应为 off、info、warning 或 error，而不是 ${JSON.stringify(v)}，已忽略。`, en: `Rule "${id}" must be off, info, warning or error, not ${JSON.stringify(v)}; ignored.` }, range: at(id) });
          continue;
        }
        out[id] = v as Severity | 'off';
      }
      settings.rules = out;
    } else if (key === 'bodyKind') {
      const v = obj.bodyKind;
      if (typeof v === 'string' && BODY_KINDS.has(v)) settings.bodyKind = v as 'auto' | BodyKind;
      else problems.push({ message: { zh: `"bodyKind" 应为 auto、部门 或 人民政府，而不是 ${JSON.stringify(v)}，已忽略。`, en: '"bodyKind" must be auto, 部门 or 人民政府; ignored.' }, range: at('bodyKind') });
    } else if (key === 'reportYear') {
      const v = obj.reportYear;
      if (v === 'auto' || v === null) settings.reportYear = null;
      else if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100) settings.reportYear = v;
      else problems.push({ message: { zh: `"reportYear" 应为 "auto" 或 2000–2100 之间的年份，而不是 ${JSON.stringify(v)}，已忽略。`, en: '"reportYear" must be "auto" or a year; ignored.' }, range: at('reportYear') });
    } else {
      problems.push({ message: { zh: `未知的配置项“${key}”，已忽略（可用：rules、bodyKind、reportYear）。`, en: `Unknown setting "${key}"; ignored.` }, range: at(key) });
    }
  }
  return { settings, problems };
}

/** Parse and validate the text of a `.nianbao.json` file. */
export function parseConfigFile(text: string): { settings: PartialSettings; problems: ConfigProblem[] } {
  const body = stripComments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (body.trim() === '') return { settings: {}, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const pos = m ? parseInt(m[1], 10) : 0;
    return {
      settings: {},
      problems: [{ message: { zh: `配置文件不是有效的 JSON（${(e as Error).message}），已按默认设置检查。`, en: `The config file is not valid JSON (${(e as Error).message}); defaults are used.` }, range: offsetToRange(body, pos, 1) }],
    };
  }
  return validateSettings(raw, body);
}

/** Later layers override earlier ones; rule maps are merged key by key. */
export function mergeSettings(...layers: PartialSettings[]): LintSettings {
  const out: LintSettings = { rules: { ...DEFAULT_SETTINGS.rules }, bodyKind: DEFAULT_SETTINGS.bodyKind, reportYear: DEFAULT_SETTINGS.reportYear };
  for (const l of layers) {
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.bodyKind !== undefined) out.bodyKind = l.bodyKind;
    if (l.reportYear !== undefined) out.reportYear = l.reportYear;
  }
  return out;
}

/** The JSON schema of `.nianbao.json` (contributed to VS Code through jsonValidation), generated from the rules. */
export function configSchema(): object {
  const ruleProps: Record<string, object> = {};
  for (const r of [...RULES, ...CROSS_YEAR_RULES]) {
    ruleProps[r.meta.id] = { enum: ['off', 'info', 'warning', 'error'], description: `${r.meta.description.zh}（默认：${r.meta.defaultSeverity}）`, markdownDescription: `${r.meta.description.zh} / ${r.meta.description.en}（默认 default: \`${r.meta.defaultSeverity}\`）` };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'nianbao 配置文件（.nianbao.json）',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', description: '按规则编号设置级别：off | info | warning | error', properties: ruleProps, additionalProperties: false },
      bodyKind: { enum: ['auto', '部门', '人民政府'], description: '报告主体类型（用于报送期限和第五十条第四项检查）；auto 表示从标题判断。' },
      reportYear: { oneOf: [{ const: 'auto' }, { type: 'integer', minimum: 2000, maximum: 2100 }], description: '报告年度；auto 表示从标题读取。' },
    },
  };
}
