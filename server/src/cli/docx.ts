/**
 * Word documents (.docx): converted with mammoth to HTML, then to the text the core reads:
 *  - every paragraph (or heading, list item) outside a table is one line;
 *  - every row of a Word table is one line, its cells separated by tabs. Merged cells are expanded on the
 *    Word grid (a cell spanning two columns is followed by an empty cell; a cell spanning rows leaves empty
 *    cells below), which is what a tab-separated copy of the table looks like.
 * Line numbers in findings for a .docx refer to this text (`nianbao text FILE.docx` prints it).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*"?(\\d+)`).exec(attrs);
  const n = m ? parseInt(m[1], 10) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div']);

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Join pieces of one cell: Chinese text is joined directly, Latin words get a space. */
function joinCellParts(parts: string[]): string {
  let out = '';
  for (const p of parts.map((x) => x.trim()).filter((x) => x !== '')) {
    out += out !== '' && isWordChar(out[out.length - 1]) && isWordChar(p[0]) ? ' ' + p : p;
  }
  return out;
}

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** Turn mammoth's HTML into lines (see the module comment). Exported for the tests. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let tableDepth = 0;
  // state of the current top-level table
  let row: Cell[] | null = null;
  let cellParts: string[] | null = null;
  let cellPart = '';
  let cellSpan = { colspan: 1, rowspan: 1 };
  let pending: number[] = []; // remaining rows covered by a rowspan, by grid column
  const flushLine = (): void => {
    lines.push(line.replace(/[\r\n]+/g, ' '));
    line = '';
  };
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[4] !== undefined) {
      const text = decodeEntities(m[4]);
      if (cellParts) cellPart += text;
      else if (tableDepth === 0) line += text;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === 'table') {
      if (!closing) {
        if (tableDepth === 0) {
          if (line !== '') flushLine();
          pending = [];
        } else if (cellParts) {
          cellParts.push(cellPart);
          cellPart = '';
        }
        tableDepth++;
      } else {
        tableDepth = Math.max(0, tableDepth - 1);
      }
      continue;
    }
    if (tableDepth === 1) {
      if (tag === 'tr') {
        if (!closing) row = [];
        else if (row) {
          lines.push(layoutRow(row, pending));
          row = null;
        }
      } else if (tag === 'td' || tag === 'th') {
        if (!closing) {
          cellParts = [];
          cellPart = '';
          cellSpan = { colspan: attr(attrs, 'colspan'), rowspan: attr(attrs, 'rowspan') };
        } else if (cellParts) {
          cellParts.push(cellPart);
          (row ??= []).push({ text: joinCellParts(cellParts).replace(/[\t\r\n]+/g, ' '), ...cellSpan });
          cellParts = null;
          cellPart = '';
        }
      } else if (cellParts && (BLOCK.has(tag) || tag === 'br') && (closing || tag === 'br')) {
        cellParts.push(cellPart);
        cellPart = '';
      }
      continue;
    }
    if (tableDepth > 1) {
      // nested table: its cells become text of the outer cell
      if (cellParts && closing && (tag === 'td' || tag === 'th' || tag === 'tr' || BLOCK.has(tag))) {
        cellParts.push(cellPart);
        cellPart = '';
      }
      continue;
    }
    if (tag === 'br') flushLine();
    else if (BLOCK.has(tag) && closing) flushLine();
  }
  if (line !== '') flushLine();
  return lines.join('\n') + '\n';
}

/** Place the cells of one row on the grid, with empty cells where merged cells of earlier rows reach. */
function layoutRow(row: Cell[], pending: number[]): string {
  const out: string[] = [];
  let col = 0;
  const skipCovered = (): void => {
    while ((pending[col] ?? 0) > 0) {
      pending[col]--;
      out.push('');
      col++;
    }
  };
  for (const cell of row) {
    skipCovered();
    for (let k = 0; k < cell.colspan; k++) {
      out.push(k === 0 ? cell.text : '');
      if (cell.rowspan > 1) pending[col] = cell.rowspan - 1;
      col++;
    }
  }
  // merged cells reaching past the last cell of this row
  for (let c = col; c < pending.length; c++) {
    if ((pending[c] ?? 0) > 0) {
      while (out.length < c) out.push('');
      pending[c]--;
      out.push('');
    }
  }
  return out.join('\t');
}

/** Convert a .docx file to text (see the module comment). Throws when the file is not a Word document. */
export async function docxToText(buffer: Buffer): Promise<{ text: string; warnings: string[] }> {
  const mod = await import('mammoth');
  // mammoth is CommonJS: its exports arrive as the default export (and, depending on the loader, as members too)
  const mammoth = mod.default ?? mod;
  const result = await mammoth.convertToHtml(
    { buffer },
    { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  return { text: htmlToText(result.value), warnings: result.messages.filter((x) => x.type === 'error').map((x) => x.message) };
}
