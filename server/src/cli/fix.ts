/**
 * --fix: apply the preferred fixes of the findings to the text, and write the file back safely:
 * same encoding (UTF-8, UTF-8 with BOM, UTF-16, GB18030 through iconv-lite), same line endings,
 * atomically (a temporary file in the same folder, then rename). Nothing is written when the encoding
 * was uncertain or the original bytes do not come back from the decoded text.
 */
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import * as iconv from 'iconv-lite';
import type { LintDiagnostic, Position, TextEdit } from '../core';
import type { Encoding } from './read';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text: string, starts: number[], p: Position): number {
  if (p.line >= starts.length) return text.length;
  const start = starts[p.line];
  const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  // end of the line's content, before its terminator
  let end = next;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return Math.min(start + Math.max(0, p.character), end);
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply every preferred fix whose edits do not overlap an edit already taken (a fix is taken whole or not
 * at all). New text is written with the document's line ending.
 */
export function applyFixes(text: string, diagnostics: LintDiagnostic[], eol: string): { text: string; applied: number } {
  const starts = lineStarts(text);
  const taken: Span[] = [];
  let applied = 0;
  const overlaps = (s: Span): boolean => taken.some((t) => (s.start < t.end && t.start < s.end) || (s.start === s.end && t.start === t.end && s.start === t.start));
  for (const d of diagnostics) {
    for (const fix of d.fixes) {
      if (!fix.preferred || fix.edits.length === 0) continue;
      const spans = fix.edits.map((e: TextEdit) => ({ start: offsetAt(text, starts, e.range.start), end: offsetAt(text, starts, e.range.end), text: e.newText.replace(/\r\n|\r|\n/g, eol) }));
      if (spans.some((s) => s.end < s.start)) continue;
      // the edits of one fix must not overlap each other either
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      if (sorted.some((s, i) => i > 0 && s.start < sorted[i - 1].end)) continue;
      // (an identical repair offered by two findings overlaps itself and is applied once)
      if (spans.some(overlaps)) continue;
      taken.push(...spans);
      applied++;
      break;
    }
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of taken) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return { text: out, applied };
}

export function encode(text: string, encoding: Encoding): Buffer | null {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'gb18030':
      return iconv.encodingExists('gb18030') ? iconv.encode(text, 'gb18030') : null;
    default:
      return null;
  }
}

/** True when the decoded text gives back exactly the original bytes in its encoding. */
export function roundTrips(original: Buffer, text: string, encoding: Encoding): boolean {
  const again = encode(text, encoding);
  return again !== null && again.equals(original);
}

/** Write a file atomically: temporary file in the same folder, flushed, then renamed over the original. */
export function writeAtomic(file: string, data: Buffer): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.nianbao-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode: number | null = null;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    mode = null;
  }
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  closeSync(fd);
  try {
    if (mode !== null) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** A unified diff of the change (for --fix --dry-run). */
export function unifiedDiff(file: string, before: string, after: string): string {
  const norm = (s: string): string => s.replace(/\r\n|\r/g, '\n');
  const name = (side: string): string => (file.startsWith('/') || /^[A-Za-z]:/.test(file) ? file : `${side}/${file}`);
  return createTwoFilesPatch(name('a'), name('b'), norm(before), norm(after), '', '', { context: 3 }).replace(/^=+\n/, '');
}
