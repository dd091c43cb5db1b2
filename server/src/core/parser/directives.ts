/**
 * Inline directives that switch rules off for part of a draft. They are HTML comments, which stay
 * invisible in Markdown previews and harmless in plain text:
 *   <!-- nianbao-disable-next-line RULE [RULE…] -->   <!-- nianbao-disable-line RULE -->
 *   <!-- nianbao-disable RULE -->  …  <!-- nianbao-enable RULE -->      (no RULE: every rule)
 * The parser only records them; suppression happens in one place after the rules ran (lint.ts).
 */
import type { Directive, Line } from '../model';
import { range } from './lines';

const DIRECTIVE_RE = /<!--\s*nianbao-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(lines: Line[]): Directive[] {
  const out: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (t.indexOf('nianbao-') < 0) continue;
    DIRECTIVE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE_RE.exec(t))) {
      const rules = m[2].split(/[\s,，]+/).filter((x) => x.length > 0);
      out.push({ kind: m[1] as Directive['kind'], rules, line: i, range: range(i, m.index, m.index + m[0].length) });
    }
  }
  return out;
}

/** A line that holds nothing but directive comments (skipped by the table reader and the narrative). */
export function isDirectiveLine(text: string): boolean {
  return /^\s*(<!--\s*nianbao-[^>]*-->\s*)+$/.test(text);
}
