import { colLabel, holdsWithZeros, touchingIndex, type RelationResult } from '../relations';
import type { Rule } from '../rule';
import { tableDef } from '../templates';
import { listEn, listZh } from '../text';
import type { Cell } from '../model';
import type { Fix, Range, Text2, TextEdit } from '../types';
import { mapped } from '../arrays';

type Touching = (cells: ReadonlySet<Cell>) => RelationResult[];

/** The index of which relations read which cells, built on first use. */
function lazyTouching(relations: () => RelationResult[]): Touching {
  let index: Touching | null = null;
  return (cells) => (index ??= touchingIndex(relations()))(cells);
}

/**
 * "Fill with 0": certain (preferred) only when every relation touching these cells still holds with 0.
 * Whether it does is worked out when the fix is first looked at, not while the document is checked.
 */
class FillZeros implements Fix {
  readonly edits: TextEdit[];
  private holds: boolean | null = null;

  constructor(
    private readonly missing: Cell[],
    private readonly touching: Touching,
  ) {
    this.edits = mapped(missing, (c) => ({ range: c.range, newText: '0' }));
  }

  private consistent(): boolean {
    if (this.holds === null) {
      const zeros = new Set(this.missing);
      this.holds = this.touching(zeros).every((r) => holdsWithZeros(r, zeros) !== false);
    }
    return this.holds;
  }

  get preferred(): boolean {
    return this.consistent();
  }

  get title(): Text2 {
    const n = this.missing.length;
    return this.consistent()
      ? { zh: `将${n}个未填写的单元格填为 0`, en: `Fill the ${n} empty cells with 0` }
      : { zh: `将${n}个未填写的单元格填为 0（与合计不符，请先核对）`, en: `Fill the ${n} empty cells with 0 (disagrees with a total: check first)` };
  }
}

export const cellMissing: Rule = {
  meta: {
    id: 'cell-missing',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: 'fix',
    description: { zh: '表格单元格未填写数字（空白或“/”“—”）', en: 'A table cell has no number (blank or a placeholder such as / or —)' },
    details: {
      zh: '统计表的每个单元格都应填写数字，没有发生的事项填 0。空白、“/”“—”“-”等会被审核视为缺数，也使勾稽关系无法校验。每行只提示一次，列出未填的列。快速修复把空白或占位符改为 0（缺失整格的行需手工补齐）。',
      en: 'Every cell of the statistical tables must hold a number; write 0 when nothing happened. Blanks and placeholders (/, —, -) count as missing data and stop the relations from being checked. One finding per row, naming the columns. The quick fix writes 0 into blank or placeholder cells.',
    },
    examples: { wrong: '(一) 予以公开⇥⇥⇥⇥⇥⇥0', right: '(一) 予以公开⇥0⇥0⇥0⇥0⇥0⇥0⇥0' },
  },
  check(ctx) {
    // the relations index is built when the first fix is looked at (a code action), not while checking
    let touching: Touching | null = null;
    for (const table of ctx.model.tables) {
      if (!table.readable) continue;
      const def = tableDef(table.template, table.id);
      if (!def) continue;
      for (const row of table.rows.values()) {
        const missing: Cell[] = [];
        for (const c of row.cells.values()) if (c.state === 'blank' || c.state === 'placeholder' || c.state === 'absent') missing.push(c);
        if (!missing.length) continue;
        const cols = mapped(missing, (c) => colLabel(def, c.col));
        // the official label, so that the message stays the same when the label itself is corrected
        const label = row.label.match.entry.official || row.label.text.replace(/\s+/g, '');
        const name = row.label.text ? `「${label}」` : def.kind === 'review' ? '行政复议、行政诉讼表格' : '该行';
        const nameEn = row.label.text ? `"${label}"` : 'the review/litigation table';
        const located = missing.filter((c) => c.state !== 'absent');
        const range: Range = row.label.text ? row.label.range : { start: (located[0] ?? missing[0]).range.start, end: (located[located.length - 1] ?? missing[0]).range.end };
        const fixes: Fix[] = [];
        if (located.length === missing.length) {
          touching ??= lazyTouching(ctx.relations.bind(ctx));
          fixes.push(new FillZeros(missing, touching));
        }
        ctx.report({
          range,
          message: {
            zh: `${name}有${missing.length}个单元格未填写数字（${listZh(cols, 7)}）。没有发生的事项应填 0，空白或“/”“—”视为缺数。`,
            en: `${nameEn} has ${missing.length} cell(s) without a number (${listEn(cols, 7)}). Write 0 when nothing happened; blanks and placeholders count as missing data.`,
          },
          related: mapped(located, (c) => ({ range: c.range, message: { zh: `${colLabel(def, c.col)}：${c.raw || '空白'}`, en: `${colLabel(def, c.col)}: ${c.raw || 'blank'}` } })),
          fixes,
        });
      }
    }
  },
};
