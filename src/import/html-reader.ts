/**
 * HTML (a report page saved from a government portal) → source lines, from markup-tokens.ts (HTML's
 * tokenizing rules, all its named references): unclosed <p> and <td>, <br> without a slash and
 * unquoted attributes are all accepted. <head>, <script>, <style>, <noscript> and comments are dropped;
 * navigation and footers stay as lines (the recogniser reads from the title to the signature date).
 * A block (p, div, h1–h6, li, br …) is one line (第 N 段, counting the non-empty ones); a table is
 * read row by row, one line per cell (表 T 第 R 行第 C 格), its column counted in grid columns so
 * colspan and earlier rowspans are respected, a cell covered by a rowspan not repeated, <br> and
 * blocks inside a cell joined with '\n'. A table inside a cell makes that cell a layout container:
 * its own text reads as paragraphs. Encoding: a BOM, else <meta charset> / http-equiv Content-Type
 * (GBK, GB2312 and GB18030 read as GB18030), else UTF-8 (GB18030 when the bytes are not UTF-8).
 */
import { badBytes, decodeMarked, utf8OrGb18030, type Encoding } from './decode';
import { forEachMarkupToken } from './markup-tokens';
import { checkTextSize, ImportError, type Reader, type SourceLine } from './reader';

/** More grid cells in one table than any report table has (its 30 × 10), counting spans: past it a page is refused. */
const MAX_TABLE_SLOTS = 100_000;

/** Elements whose content is never text of the page (nor is <head>'s, ended as a browser ends it). */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'title', 'iframe', 'object', 'svg', 'select']);

/** Elements that stay in <head>; any other start tag ends it. */
const HEAD_ONLY = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'head']);

/** Elements that end a line (and, inside a table cell, start a new line of the cell). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'ul',
]);

const GB = /^(gbk|gb2312|gb_2312(-80)?|gb18030|x-gbk|euc-cn|cp936|csgb2312)$/i;

/** The page's encoding: a BOM, else the charset its <meta> declares, else UTF-8 (GB18030 when the bytes are not valid UTF-8). */
export function htmlEncodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  const declared = declaredCharset(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1'));
  if (declared && GB.test(declared)) return { label: 'gb18030', skip: 0 };
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      new TextDecoder(declared);
      return { label: declared, skip: 0 };
    } catch {
      // An unknown label: read as UTF-8 below.
    }
  }
  return utf8OrGb18030(bytes);
}

/** The page as text, in htmlEncodingOf's encoding, bad bytes marked (decode.ts). */
export const decodeHtml = (bytes: Uint8Array): string => decodeMarked(bytes, htmlEncodingOf(bytes)).text;

/** The charset of <meta charset=…> or <meta http-equiv="Content-Type" content="…; charset=…">. */
function declaredCharset(head: string): string | undefined {
  let charset: string | undefined;
  forEachMarkupToken(head, false, (token) => {
    if (charset !== undefined || token.kind !== 'open' || token.name !== 'meta') return;
    const { attrs } = token;
    charset = (attrs.charset ?? /charset\s*=\s*([^\s;"']+)/i.exec(attrs.content ?? '')?.[1])?.trim() || undefined;
  });
  return charset;
}

/** First bytes (after a BOM and whitespace) that open an HTML document. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '')
    .trimStart();
  return /^<(!doctype\s+html|html)\b/i.test(start);
}

export const htmlReader: Reader = {
  format: 'html',
  badBytes: (bytes) => badBytes(bytes, htmlEncodingOf(bytes)),
  detect: (bytes, name) => /\.html?$/i.test(name) || looksLikeHtml(bytes),
  read: async (bytes) => {
    checkTextSize(bytes);
    return htmlLines(decodeHtml(bytes));
  },
};

interface Cell {
  col: number;
  /** The cell's lines so far (blocks and <br> inside it), and the one being written. */
  parts: string[];
  current: string;
  /** A layout cell: it holds a table, so its own text is read as paragraphs. */
  container: boolean;
}

interface Table {
  index: number;
  row: number;
  /** Grid slots taken by cells of earlier rows (rowspan) and of this row: "row,col". */
  taken: Set<string>;
  cell?: Cell;
}

/** The lines of an HTML page. */
export function htmlLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const tables: Table[] = [];
  let tableCount = 0;
  let paragraphCount = 0;
  let text = '';

  /** The cell text is written to: the innermost table's open cell, unless it is a layout container. */
  const openCell = (): Cell | undefined => {
    const cell = tables[tables.length - 1]?.cell;
    return cell && !cell.container ? cell : undefined;
  };
  const flushParagraph = () => {
    const line = text.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (line) lines.push({ text: line, at: `第 ${++paragraphCount} 段` });
    text = '';
  };
  const breakCellLine = (cell: Cell) => {
    // Whitespace is collapsed as it is added; '\n' is a <br>.
    for (const part of cell.current.split('\n')) cell.parts.push(part.trim());
    cell.current = '';
  };
  const closeCell = (table: Table) => {
    const cell = table.cell;
    if (!cell) return;
    table.cell = undefined;
    if (cell.container) return flushParagraph();
    breakCellLine(cell);
    const at = `表 ${table.index + 1} 第 ${table.row + 1} 行第 ${cell.col + 1} 格`;
    lines.push({ text: cell.parts.filter((part) => part !== '').join('\n'), at, cell: { table: table.index, row: table.row, col: cell.col } });
  };

  const addText = (decoded: string) => {
    const cell = openCell();
    if (cell) cell.current += decoded.replace(/[ \t\r\n\f]+/g, ' ');
    else text += decoded;
  };
  /** The elements whose content is being dropped, innermost last: a DROPPED one up to its end tag, in <head> or not. */
  const dropping: string[] = [];
  forEachMarkupToken(html, false, (token) => {
    const dropped = dropping[dropping.length - 1];
    if (dropped !== undefined && dropped !== 'head') {
      if (token.kind === 'close' && token.name === dropped) dropping.pop();
      return;
    }
    if (token.kind === 'open' && DROPPED.has(token.name) && !token.selfClosing) {
      dropping.push(token.name);
      return;
    }
    if (dropped === 'head') {
      // As a browser does: <head> ends at </head>, or at the first thing that belongs in the body.
      const inHead =
        (token.kind === 'close' && token.name !== 'head') ||
        (token.kind === 'open' && HEAD_ONLY.has(token.name)) ||
        (token.kind === 'text' && !/[^ \t\r\n\f]/.test(token.text));
      if (inHead) return;
      dropping.pop();
      if (token.kind === 'close') return;
    } else if (token.kind === 'open' && token.name === 'head' && !token.selfClosing) {
      dropping.push('head');
      return;
    }
    if (token.kind === 'text') return addText(token.text);
    const { name } = token;
    const table = tables[tables.length - 1];
    const cell = openCell();
    if (token.kind === 'close') {
      if (name === 'td' || name === 'th') {
        if (table) closeCell(table);
      } else if (name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
        if (table) closeCell(table);
      } else if (name === 'table') {
        if (table) {
          closeCell(table);
          tables.pop();
        }
      } else if (BLOCKS.has(name)) {
        if (cell) breakCellLine(cell);
        else flushParagraph();
      }
      return;
    }
    switch (name) {
      case 'br':
        if (cell) cell.current += '\n';
        else flushParagraph();
        break;
      case 'table': {
        const outer = table?.cell;
        if (outer && !outer.container) {
          // A table inside a cell: the cell is layout, and what it held so far is text of the page.
          breakCellLine(outer);
          text += outer.parts.join(' ');
          outer.container = true;
        }
        flushParagraph();
        tables.push({ index: tableCount++, row: -1, taken: new Set() });
        break;
      }
      case 'tr':
        if (table) {
          closeCell(table);
          table.row++;
        } else flushParagraph();
        break;
      case 'td':
      case 'th': {
        if (!table) {
          flushParagraph();
          break;
        }
        closeCell(table);
        if (table.row < 0) table.row = 0;
        const rowSpan = span(token.attrs.rowspan);
        const colSpan = span(token.attrs.colspan);
        if (table.taken.size + rowSpan * colSpan > MAX_TABLE_SLOTS) {
          throw new ImportError(
            `网页中的表格超过 ${MAX_TABLE_SLOTS} 格（rowspan、colspan），不像年度报告`,
            `a table of the page has more than ${MAX_TABLE_SLOTS} cells (rowspan, colspan): not an annual report`,
            'too-complex',
          );
        }
        let col = 0;
        while (table.taken.has(`${table.row},${col}`)) col++;
        for (let r = 0; r < rowSpan; r++) for (let c = 0; c < colSpan; c++) table.taken.add(`${table.row + r},${col + c}`);
        flushParagraph();
        table.cell = { col, parts: [], current: '', container: false };
        break;
      }
      default:
        if (BLOCKS.has(name)) {
          if (cell) {
            if (cell.current.trim()) breakCellLine(cell);
          } else flushParagraph();
        }
    }
  });
  while (tables.length > 0) closeCell(tables.pop() as Table);
  flushParagraph();
  return lines;
}

/** A rowspan/colspan value: at least 1, at most 1000 (as browsers clamp it). */
const span = (value: string | undefined) => Math.min(1000, Math.max(1, Number.parseInt(value ?? '', 10) || 1));
