/**
 * PDF (with a text layer: our own, Word's, WPS's, LibreOffice's exports) → source lines, with
 * pdfjs-dist (pdfjs-adapter.ts) for the text runs with their positions and the page's drawing
 * operators, from which the table rulings come; the layout is read by pdf-layout.ts. A paragraph is
 * one line, a table is read row by row, one line per cell, a merged cell once; `at` is 第 P 页第 L 行
 * (P the page of the file, as a PDF viewer counts). The pages are read in the order of their printed
 * numbers where that is certain (page-order.ts), which also names pages missing, repeated or out of order.
 * A scanned PDF (no text), an encrypted or a damaged one is an ImportError, never a stack trace;
 * pdfjs's own (English) error texts are said in Chinese (English keeps the original). Bounds: the
 * compressed streams are measured first (pdf-streams.ts), pages and text items are counted; the time
 * and the memory a file takes are bounded by the worker it is read in (core/worker-tasks.ts).
 */
import * as path from 'node:path';
import {
  dropFurniture,
  groupLines,
  pageBlocks,
  pageText,
  printedNumbers,
  sourceLines,
  type Block,
  type PageContent,
  type Segment,
  type TextRun,
} from './pdf-layout';
import { pageOrder } from './page-order';
import { DRAW_OPS, loadPdfjs, PDFJS_DIR, type Pdfjs, type PdfjsDocument, type PdfjsPage, type PdfjsTextItem } from './pdfjs-adapter';
import { checkStreamSizes } from './pdf-streams';
import { ImportError, type Reader } from './reader';

/** More pages than any annual report has: a file claiming more is not read (pdfjs on garbage may claim millions). */
export const MAX_PAGES = 500;
/** More text items (or rulings) on one page than any page of a report holds: a page of single glyphs has a few thousand. */
export const MAX_ITEMS_PER_PAGE = 20_000;
/** More text items in the whole file than a report of MAX_PAGES dense pages holds. */
export const MAX_ITEMS = 200_000;

const scanned = () => new ImportError('扫描件，没有文字层', 'a scanned PDF without a text layer', 'scanned');
const encrypted = () => new ImportError('PDF 文件已加密，需要密码才能打开', 'the PDF is encrypted and needs a password to open', 'encrypted');
const tooMany = (what: { zh: string; en: string }, limit: number) =>
  new ImportError(`PDF 的${what.zh}超过 ${limit} 个，不像年度报告`, `the PDF has more than ${limit} ${what.en}: not an annual report`, 'too-complex');

/** pdfjs's error texts, each with what it means to a clerk (the English keeps pdfjs's words). */
const PDFJS_ERRORS: [RegExp, string, string][] = [
  [/Invalid PDF structure|startxref|trailer/i, '文件结构无效，不是完整的 PDF', 'invalid PDF structure'],
  [/zero bytes|empty/i, '文件是空的', 'empty file'],
  [/xref/i, '交叉引用表损坏', 'broken cross-reference table'],
  [/flate|FCHECK|block type|compression|LZW|stream/i, '压缩数据损坏', 'broken compressed data'],
  [/root|catalog|page count|pages|page index|invalid page/i, '页面目录损坏', 'broken page tree'],
  [/font|cmap|glyph/i, '字体数据损坏', 'broken font data'],
  [/password|encrypt/i, '加密数据无法读取', 'unreadable encryption'],
];

/** A corrupt PDF: pdfjs's text said in Chinese, kept as written in English. */
function damaged(text: string): ImportError {
  const [, zh, en] = PDFJS_ERRORS.find(([pattern]) => pattern.test(text)) ?? [undefined, '内部结构损坏', 'broken structure'];
  return new ImportError(`PDF 文件已损坏：${zh}`, `the PDF is corrupt: ${en} (${text})`, 'damaged');
}

export const pdfReader: Reader = {
  format: 'pdf',
  detect(bytes) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
    return /%PDF-\d/.test(head.toString('latin1'));
  },
  async read(bytes, findings) {
    checkStreamSizes(bytes);
    const pdfjs = await loadPdfjs();
    const task = pdfjs.getDocument({
      // pdfjs takes over (detaches) the buffer it is given: give it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      // Images are never decoded: the reader wants text and rulings only.
      maxImageSize: 0,
      // Chinese PDFs whose fonts are not embedded use Adobe's predefined CMaps (UniGB-UCS2-H …).
      cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
      cMapPacked: true,
      stopAtErrors: false,
    });
    try {
      const doc = await task.promise.catch((error: unknown) => {
        throw asImportError(error);
      });
      const pages = (await readPages(pdfjs, doc)).map((page) => ({ height: page.height, blocks: pageBlocks(page) }));
      const numbers = printedNumbers(pages);
      const kept = dropFurniture(pages, numbers);
      const texts = kept.map(pageText);
      const order = pageOrder(numbers, (a, b) => texts[a] === texts[b]);
      findings?.push(...order.findings);
      return sourceLines(
        order.pages.map((p) => kept[p] as Block[]),
        order.pages.map((p, k) => ({ page: p + 1, follows: order.follows[k] as boolean })),
      );
    } finally {
      await task.destroy().catch(() => undefined);
    }
  },
};

/** What pdfjs threw, as words a clerk understands. */
function asImportError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return encrypted();
  // A limit met inside pdfjs (its call stack, a Map's size) is the file's complexity, said as such by core/import.ts.
  if (error instanceof RangeError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  return damaged(message.replace(/\s+/g, ' ').slice(0, 120));
}

async function readPages(pdfjs: Pdfjs, doc: PdfjsDocument): Promise<PageContent[]> {
  if (doc.numPages > MAX_PAGES) {
    throw new ImportError(
      `PDF 有 ${doc.numPages} 页，超过 ${MAX_PAGES} 页，不像年度报告`,
      `the PDF has ${doc.numPages} pages, more than ${MAX_PAGES}: not an annual report`,
      'too-complex',
    );
  }
  const pages: PageContent[] = [];
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      pages.push(await pageContent(pdfjs, page));
      page.cleanup();
    } catch (error) {
      throw asImportError(error);
    }
    items += (pages[pages.length - 1] as PageContent).runs.length;
    if (items > MAX_ITEMS) throw tooMany(TEXT_ITEMS, MAX_ITEMS);
  }
  if (pages.length > 0 && pages.every((p) => p.runs.length === 0)) throw scanned();
  return pages;
}

async function pageContent(pdfjs: Pdfjs, page: PdfjsPage): Promise<PageContent> {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const content = await page.getTextContent();
  if (content.items.length > MAX_ITEMS_PER_PAGE) throw tooMany(TEXT_ITEMS, MAX_ITEMS_PER_PAGE);
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    runs.push(runOf(item, x0, y0));
  }
  // The operator list is costly (pdfjs compiles every glyph it shows): read only where a table may be.
  const segments = mayHoldTable(runs) ? rulings(pdfjs, await page.getOperatorList()).map((s) => shift(s, x0, y0)) : [];
  if (segments.length > MAX_ITEMS_PER_PAGE) throw tooMany(RULINGS, MAX_ITEMS_PER_PAGE);
  return { width: x1 - x0, height: y1 - y0, runs, segments };
}

/**
 * Whether a page's text may hold a table: on some baseline, two runs 1.5 font sizes apart or more
 * (the cells of a row). Running text, however justified, has no such gap; a page of it has no table.
 */
export function mayHoldTable(runs: TextRun[]): boolean {
  return groupLines(runs).some((line) =>
    line.some((run, i) => i > 0 && run.x - ((line[i - 1] as TextRun).x + (line[i - 1] as TextRun).width) >= 1.5 * run.size),
  );
}

function runOf(item: PdfjsTextItem, x0: number, y0: number): TextRun {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
  return { str: item.str, x: e - x0, y: f - y0, width: item.width, size };
}

const TEXT_ITEMS = { zh: '文字块', en: 'text items' };
const RULINGS = { zh: '表格线', en: 'ruled lines' };

const shift = (s: Segment, x0: number, y0: number): Segment => ({ x1: s.x1 - x0, y1: s.y1 - y0, x2: s.x2 - x0, y2: s.y2 - y0 });

type Matrix = [number, number, number, number, number, number];

/** The matrix of `m` applied inside `outer` (PDF's cm: the new CTM is m × CTM). */
const compose = (outer: Matrix, m: readonly number[]): Matrix => {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [A, B, C, D, E, F] = outer;
  return [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F];
};

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Straight axis-parallel lines a page draws: stroked lines and rectangle edges, thin filled rectangles. */
export function rulings(pdfjs: Pdfjs, list: { fnArray: number[]; argsArray: unknown[] }): Segment[] {
  const { OPS } = pdfjs;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const segments: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        if (args) ctm = compose(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args?.[0])) ctm = compose(ctm, args[0] as number[]);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath: {
        const [op, [data] = [], ,] = (args ?? []) as [number, (ArrayLike<number> | null)[]?];
        if (!data) break;
        // Appended one by one: a path of a million lines would overflow the stack as spread arguments.
        if (strokes.has(op)) for (const s of strokedLines(data, ctm)) segments.push(s);
        else if (fills.has(op)) for (const s of thinRectangles(data, ctm)) segments.push(s);
        break;
      }
    }
  });
  return segments;
}

/** The subpaths of a path (pdfjs's DrawOPS), each as its points; curves end a straight run. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const paths: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === DRAW_OPS.moveTo) {
      current = { points: [apply(ctm, data[i] as number, data[i + 1] as number)], closed: false, curved: false };
      paths.push(current);
      i += 2;
    } else if (op === DRAW_OPS.lineTo) {
      current?.points.push(apply(ctm, data[i] as number, data[i + 1] as number));
      i += 2;
    } else if (op === DRAW_OPS.curveTo) {
      if (current) current.curved = true;
      i += 6;
    } else if (op === DRAW_OPS.quadraticCurveTo) {
      if (current) current.curved = true;
      i += 4;
    } else if (op === DRAW_OPS.closePath) {
      if (current) current.closed = true;
    } else break;
  }
  return paths;
}

function straight(a: [number, number], b: [number, number]): Segment | undefined {
  const [x1, y1] = a;
  const [x2, y2] = b;
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 1) return { x1: Math.min(x1, x2), y1, x2: Math.max(x1, x2), y2: y1 };
  if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 1) return { x1, y1: Math.min(y1, y2), x2: x1, y2: Math.max(y1, y2) };
  return undefined;
}

function strokedLines(data: ArrayLike<number>, ctm: Matrix): Segment[] {
  const segments: Segment[] = [];
  for (const { points, closed, curved } of subpaths(data, ctm)) {
    if (curved) continue;
    const ring = closed && points.length > 2 ? [...points, points[0] as [number, number]] : points;
    for (let i = 0; i + 1 < ring.length; i++) {
      const s = straight(ring[i] as [number, number], ring[i + 1] as [number, number]);
      if (s) segments.push(s);
    }
  }
  return segments;
}

/** A filled rectangle at most 2.5 pt thick is a ruling (Word and WPS draw borders so), along its middle. */
function thinRectangles(data: ArrayLike<number>, ctm: Matrix): Segment[] {
  const segments: Segment[] = [];
  for (const { points, curved } of subpaths(data, ctm)) {
    if (curved || points.length < 4 || points.length > 5) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Axis-parallel: every corner on the bounding box's corners.
    if (!points.every(([x, y]) => (Math.abs(x - left) < 0.5 || Math.abs(x - right) < 0.5) && (Math.abs(y - bottom) < 0.5 || Math.abs(y - top) < 0.5))) continue;
    const [w, h] = [right - left, top - bottom];
    if (h <= 2.5 && w > h && w >= 1) segments.push({ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 });
    else if (w <= 2.5 && h > w && h >= 1) segments.push({ x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top });
  }
  return segments;
}
