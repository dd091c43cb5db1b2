/**
 * Settings for each file: defaults → the nearest `.nianbao.json` upward from the file (or `--config FILE`)
 * → `--rule id=severity` overrides. A bad config is reported once on stderr, in Chinese (or English), and
 * the valid rest of it is used.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, CROSS_YEAR_RULES, mergeSettings, parseConfigFile, RULES, type LintSettings, type Locale, type PartialSettings, type Severity } from '../core';

export type RuleOverrides = Record<string, Severity | 'off'>;

export const ALL_RULE_IDS = (): string[] => [...RULES.map((r) => r.meta.id), ...CROSS_YEAR_RULES.map((r) => r.meta.id)];

const CROSS_IDS = new Set(CROSS_YEAR_RULES.map((r) => r.meta.id));
const LEVELS = new Set(['off', 'info', 'warning', 'error', 'hint']);

/** Parse `id=level` of --rule; returns an error message or the pair. */
export function parseRuleOverride(s: string): { id: string; level: Severity | 'off' } | { error: { zh: string; en: string } } {
  const m = /^([a-z0-9-]+)\s*[=:]\s*([a-z]+)$/.exec(s.trim());
  if (!m) return { error: { zh: `--rule 的取值应为“规则编号=级别”，例如 --rule cell-missing=off，而不是“${s}”。`, en: `--rule expects id=level, e.g. --rule cell-missing=off, not "${s}".` } };
  if (!ALL_RULE_IDS().includes(m[1])) return { error: { zh: `未知的规则编号“${m[1]}”。可用的规则见 nianbao rules。`, en: `Unknown rule id "${m[1]}". See nianbao rules.` } };
  if (!LEVELS.has(m[2])) return { error: { zh: `规则“${m[1]}”的级别应为 off、info、warning 或 error，而不是“${m[2]}”。`, en: `Level of "${m[1]}" must be off, info, warning or error, not "${m[2]}".` } };
  return { id: m[1], level: m[2] as Severity | 'off' };
}

interface Loaded {
  settings: PartialSettings;
}

export class SettingsResolver {
  private readonly dirCache = new Map<string, string | null>();
  private readonly fileCache = new Map<string, Loaded>();
  private readonly merged = new Map<string, LintSettings>();

  constructor(
    private readonly overrides: RuleOverrides,
    private readonly configFile: string | null,
    private readonly locale: Locale,
    private readonly warn: (s: string) => void,
  ) {}

  /** Settings for a file in `dir` (the working directory for stdin). */
  forDir(dir: string): LintSettings {
    const cfg = this.configFile ?? this.findConfig(dir);
    const key = cfg ?? '';
    let s = this.merged.get(key);
    if (!s) {
      const layers: PartialSettings[] = [];
      if (cfg) layers.push(this.load(cfg).settings);
      layers.push({ rules: this.overrides });
      s = mergeSettings(...layers);
      this.merged.set(key, s);
    }
    return s;
  }

  /** Nearest .nianbao.json in dir or one of its parents. */
  private findConfig(dir: string): string | null {
    const chain: string[] = [];
    let d = dir;
    let found: string | null = null;
    for (;;) {
      const cached = this.dirCache.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      chain.push(d);
      const candidate = join(d, CONFIG_FILE);
      let isFile = false;
      try {
        isFile = statSync(candidate).isFile();
      } catch {
        isFile = false;
      }
      if (isFile) {
        found = candidate;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const c of chain) this.dirCache.set(c, found);
    return found;
  }

  private load(file: string): Loaded {
    let l = this.fileCache.get(file);
    if (l) return l;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      this.warn(this.locale === 'en' ? `nianbao: ${file}: cannot read the config file (${(e as Error).message}); defaults are used.\n` : `nianbao：${file}：无法读取配置文件（${(e as Error).message}），已按默认设置检查。\n`);
      l = { settings: {} };
      this.fileCache.set(file, l);
      return l;
    }
    const { settings, problems } = parseConfigFile(text);
    // The cross-year rules are known to the CLI only: take their levels from the file here.
    const extra: RuleOverrides = {};
    const kept = problems.filter((p) => {
      const id = /“([a-z0-9-]+)”/.exec(p.message.zh)?.[1];
      return !(id && CROSS_IDS.has(id) && p.message.zh.startsWith('未知的规则编号'));
    });
    for (const m of text.matchAll(/"(cross-year-[a-z-]+)"\s*:\s*"([a-z]+)"/g)) {
      if (CROSS_IDS.has(m[1]) && LEVELS.has(m[2])) extra[m[1]] = m[2] as Severity | 'off';
    }
    for (const p of kept) {
      const pos = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
      this.warn(this.locale === 'en' ? `nianbao: warning: ${file}:${pos}: ${p.message.en}\n` : `nianbao：警告：${file}:${pos}：${p.message.zh}\n`);
    }
    l = { settings: { ...settings, rules: { ...(settings.rules ?? {}), ...extra } } };
    this.fileCache.set(file, l);
    return l;
  }
}
