/**
 * Per-document settings: defaults → editor settings (workspace/configuration, per resource) → the nearest
 * `.nianbao.json` above the document. Config files are cached and re-read when they change on disk or in
 * an open editor, so changes take effect without a reload. Nothing is ever global in the server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE, mergeSettings, parseConfigFile, validateSettings, type ConfigProblem, type LintSettings, type PartialSettings } from '../core';

/** Settings that concern the editor integration, not the rules. */
export interface EditorSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  checkPlaintext: boolean;
  /** above this size (in characters) a document is checked on save only */
  maxTypingSize: number;
  /** how many report files of the workspace are checked when a folder opens (0: none) */
  workspaceMaxFiles: number;
}

export interface DocumentSettings {
  lint: LintSettings;
  editor: EditorSettings;
  /** the config file that applied, if any */
  configFile: string | null;
}

export const DEFAULT_EDITOR: EditorSettings = { enable: true, run: 'onType', checkPlaintext: true, maxTypingSize: 2_000_000, workspaceMaxFiles: 200 };

/** What the client returns for the section `nianbao`. */
export interface RawEditorSettings {
  enable?: unknown;
  run?: unknown;
  checkPlaintext?: unknown;
  rules?: unknown;
  bodyKind?: unknown;
  reportYear?: unknown;
  maxTypingSize?: unknown;
  workspace?: { maxFiles?: unknown };
}

export function editorSettings(raw: RawEditorSettings | null | undefined): { editor: EditorSettings; lint: PartialSettings } {
  const r = raw ?? {};
  const editor: EditorSettings = {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_EDITOR.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    checkPlaintext: typeof r.checkPlaintext === 'boolean' ? r.checkPlaintext : DEFAULT_EDITOR.checkPlaintext,
    maxTypingSize: typeof r.maxTypingSize === 'number' && r.maxTypingSize > 0 ? r.maxTypingSize : DEFAULT_EDITOR.maxTypingSize,
    workspaceMaxFiles: typeof r.workspace?.maxFiles === 'number' && r.workspace.maxFiles >= 0 ? Math.floor(r.workspace.maxFiles) : DEFAULT_EDITOR.workspaceMaxFiles,
  };
  const pick: Record<string, unknown> = {};
  if (r.rules !== undefined && r.rules !== null) pick.rules = r.rules;
  if (r.bodyKind !== undefined) pick.bodyKind = r.bodyKind;
  if (r.reportYear !== undefined) pick.reportYear = r.reportYear;
  return { editor, lint: validateSettings(pick).settings };
}

interface CachedConfig {
  mtimeMs: number;
  settings: PartialSettings;
  problems: ConfigProblem[];
}

/** Config files found on disk or held open in the editor (the editor's text wins). */
export class ConfigFiles {
  private disk = new Map<string, CachedConfig>();
  private open = new Map<string, { settings: PartialSettings; problems: ConfigProblem[] }>();
  private lookups = new Map<string, string | null>();

  /** The nearest config file above a document (file scheme only). */
  find(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return null;
    }
    const cached = this.lookups.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (let d = dir, i = 0; i < 64; i++) {
      const candidate = join(d, CONFIG_FILE);
      if (this.open.has(candidate) || existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    this.lookups.set(dir, found);
    return found;
  }

  read(path: string): { settings: PartialSettings; problems: ConfigProblem[] } {
    const o = this.open.get(path);
    if (o) return o;
    try {
      const mtimeMs = statSync(path).mtimeMs;
      const c = this.disk.get(path);
      if (c && c.mtimeMs === mtimeMs) return c;
      const parsed = parseConfigFile(readFileSync(path, 'utf8'));
      this.disk.set(path, { mtimeMs, ...parsed });
      return parsed;
    } catch (e) {
      return { settings: {}, problems: [{ message: { zh: `无法读取配置文件：${(e as Error).message}`, en: `Cannot read the config file: ${(e as Error).message}` }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
    }
  }

  /** The text of a config file open in the editor. */
  setOpen(path: string, text: string): { settings: PartialSettings; problems: ConfigProblem[] } {
    const parsed = parseConfigFile(text);
    this.open.set(path, parsed);
    this.lookups.clear();
    return parsed;
  }

  closeOpen(path: string): void {
    this.open.delete(path);
    this.lookups.clear();
  }

  /** A config file changed, appeared or disappeared on disk. */
  invalidate(): void {
    this.disk.clear();
    this.lookups.clear();
  }
}

export function isConfigUri(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE) || uri.endsWith('\\' + CONFIG_FILE);
}

export function configPath(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function resolveSettings(editor: { editor: EditorSettings; lint: PartialSettings }, configs: ConfigFiles, uri: string): DocumentSettings {
  const file = configs.find(uri);
  const fromFile = file ? configs.read(file).settings : {};
  return { editor: editor.editor, lint: mergeSettings(editor.lint, fromFile), configFile: file };
}
