/**
 * From command-line arguments to the list of files to check: files as given, folders walked recursively
 * (filtered by --include / --exclude globs), glob patterns (for shells that do not expand them), and `-` for
 * standard input.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const DEFAULT_INCLUDE = ['**/*.{txt,md,docx}'];
/** Always skipped inside folders: Word's lock files (~$报告.docx) and editors' backup files. */
const ALWAYS_EXCLUDE = ['**/~$*', '**/*~', '**/node_modules/**'];

export interface Input {
  /** path as shown in the output ('<stdin>' for standard input) */
  display: string;
  /** absolute path (cwd for stdin) */
  abs: string;
  stdin: boolean;
  /** named on the command line (not found by walking a folder) */
  explicit: boolean;
  /** set when the argument could not be expanded (no match, unreadable folder) */
  problem?: { zh: string; en: string };
}

export interface ExpandOptions {
  include: string[];
  exclude: string[];
  cwd: string;
}

const toPosix = (p: string): string => (sep === '\\' ? p.split(sep).join('/') : p);
const isGlob = (s: string): boolean => /[*?[\]{}]/.test(s);

function walk(root: string, onFile: (abs: string, rel: string) => void, skipDir: (rel: string) => boolean): void {
  const seen = new Set<string>();
  const visit = (dir: string, rel: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (e.name.startsWith('.') || skipDir(r)) continue;
        visit(abs, r);
      } else if (isFile) onFile(abs, r);
    }
  };
  visit(root, '');
}

export function expandInputs(args: string[], o: ExpandOptions): Input[] {
  const opts = { dot: true, basename: true, windows: false };
  const include = picomatch(o.include.length ? o.include : DEFAULT_INCLUDE, opts);
  const exclude = picomatch([...ALWAYS_EXCLUDE, ...o.exclude], opts);
  const excludeDir = (rel: string): boolean => exclude(rel) || exclude(rel + '/');
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (i: Input): void => {
    const k = i.stdin ? '\0stdin' : i.abs;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(i);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ display: '<stdin>', abs: o.cwd, stdin: true, explicit: true });
      continue;
    }
    const abs = resolve(o.cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const found: Input[] = [];
      walk(
        abs,
        (fileAbs, rel) => {
          if (include(rel) && !exclude(rel)) found.push({ display: join(arg, rel), abs: fileAbs, stdin: false, explicit: false });
        },
        excludeDir,
      );
      if (found.length === 0) add({ display: arg, abs, stdin: false, explicit: true, problem: { zh: '文件夹中没有可检查的文件（.txt、.md、.docx，或 --include 指定的文件）', en: 'No file to check in this folder' } });
      for (const f of found) add(f);
    } else if (!st && isGlob(arg)) {
      const scan = picomatch.scan(toPosix(arg));
      const base = resolve(o.cwd, scan.base || '.');
      const match = picomatch(scan.glob || '**', { dot: false, windows: false });
      const found: Input[] = [];
      try {
        if (statSync(base).isDirectory())
          walk(
            base,
            (fileAbs, rel) => {
              if (match(rel) && !exclude(rel)) found.push({ display: toPosix(join(scan.base || '.', rel)), abs: fileAbs, stdin: false, explicit: false });
            },
            excludeDir,
          );
      } catch {
        // base folder missing: reported below
      }
      if (found.length === 0) add({ display: arg, abs, stdin: false, explicit: true, problem: { zh: '没有与此模式匹配的文件', en: 'No file matches this pattern' } });
      for (const f of found) add(f);
    } else {
      add({ display: arg, abs, stdin: false, explicit: true });
    }
  }
  return out;
}

/** The path of a file relative to the working directory, with forward slashes (for SARIF and CSV). */
export function relPosix(abs: string, cwd: string): string {
  return toPosix(relative(cwd, abs));
}
