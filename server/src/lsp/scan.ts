/**
 * Workspace-wide problems: when a folder opens, report files in it are checked too (bounded), so the
 * Problems panel lists every report, not only the open ones.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', 'dist', 'out', '.vscode-test']);
const EXTENSIONS = new Set(['.txt', '.md']);

/** Candidate files under the folders, breadth first, at most `max` files of at most `maxSize` bytes. */
export function findCandidates(folders: string[], max: number, maxSize: number): string[] {
  const out: string[] = [];
  const queue = [...folders];
  let visited = 0;
  while (queue.length && out.length < max && visited < 20000) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      visited++;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(join(dir, e.name));
      } else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) {
        const p = join(dir, e.name);
        try {
          if (statSync(p).size <= maxSize) out.push(p);
        } catch {
          /* vanished */
        }
        if (out.length >= max) break;
      }
    }
  }
  return out;
}

export function readUtf8OrGb(path: string): string | null {
  try {
    const buf = readFileSync(path);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
    } catch {
      return new TextDecoder('gb18030').decode(buf);
    }
  } catch {
    return null;
  }
}
