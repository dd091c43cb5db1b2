/**
 * Inline directives that switch rules off for part of a draft. They are HTML comments, which stay
 * invisible in Markdown previews and harmless in plain text:
 *   <!-- nianbao-disable-next-line RULE [RULE…] -->   <!-- nianbao-disable-line RULE -->
 *   <!-- nianbao-disable RULE -->  …  <!-- nianbao-enable RULE -->      (no RULE: every rule)
 * The parser only records them; suppression happens in one place after the rules ran (lint.ts).
 */
import type { Directive } from '../model';
import { range } from './lines';

const DIRECTIVE_RE = /^<!--\s*nianbao-(disable-next-line|disable-line|disable|enable)\b/;
const KINDS = new Set(['disable-next-line', 'disable-line', 'disable', 'enable']);

export function readDirectives(lines: string[]): Directive[] {
  const out: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (t.indexOf('nianbao-') < 0) continue;
    // find each <!-- … --> once, left to right (no backtracking over long lines)
    let from = 0;
    for (;;) {
      const open = t.indexOf('<!--', from);
      if (open < 0) break;
      const close = t.indexOf('-->', open + 4);
      if (close < 0) break;
      const m = DIRECTIVE_RE.exec(t.slice(open, Math.min(close, open + 40)));
      if (m && KINDS.has(m[1])) {
        const rules = t
          .slice(open + m[0].length, close)
          .split(/[\s,，]+/)
          .filter((x) => x.length > 0);
        out.push({ kind: m[1] as Directive['kind'], rules, line: i, range: range(i, open, close + 3) });
      }
      from = close + 3;
    }
  }
  return out;
}

/** A line that holds nothing but directive comments (skipped by the table reader and the narrative). */
export function isDirectiveLine(text: string): boolean {
  if (text.indexOf('<!--') < 0) return false;
  const t = text.trim();
  return t.startsWith('<!--') && t.endsWith('-->') && t.indexOf('nianbao-') > 0 && t.indexOf('-->') === t.length - 3;
}
