/**
 * Stage 4 (render/pdf): ReportDoc → PDF/A with pdfkit, typeset as the DOCX (GB/T 9704): the same
 * model, page, type scale and tables. Builds what pdfkit lacks: Chinese justification and 避头尾
 * (text.ts, linebreak.ts), per-character font fallback (fonts/font-set.ts), tables whose header rows
 * repeat on every page (table.ts), a tag tree, escaped XMP and pinned dates. Never reads YAML.
 */
import PDFDocument from 'pdfkit';
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { codeLabel } from '../../fonts/coverage';
import type { FontSet } from '../../fonts/font-set';
import { isTurned } from '../../model/turned';
import { signaturePlacement } from '../../model/signature';
import type { Block, ReportDoc, SignatureBlock, TableBlock } from '../../model/types';
import { CELL_PADDING_PT, GRID, LINE_PITCH_PT, MM_TO_PT, PAGE, ROLE, SIZE_PT, TABLE_BORDER_PT, TYPE_AREA } from '../../format/page-standard';
import { fitsIn, LAYOUT_TOLERANCE_PT } from './fit';
import { addContent, currentFont, replaceXmpInfo, selectFont } from './pdfkit-adapter';
import { layoutTable, rowGroups, rowsHeight, type LaidCell, type TableLayout } from './table';
import { drawLine, setText, type MissingGlyph, type SetLine, type TextCanvas, type TextStyle } from './text';
import { xmpDescriptions } from './xmp';

export type PdfConformance = 'PDF/A-2b' | 'PDF/A-2a' | 'PDF/A-3b';

export interface PdfOptions {
  /** Creation and modification date (SOURCE_DATE_EPOCH or the report's date). */
  timestamp: Date;
  fonts: FontSet;
  conformance?: PdfConformance;
}

const LEFT = PAGE.marginLeftMm * MM_TO_PT;
const TOP = PAGE.marginTopMm * MM_TO_PT;
const WIDTH = TYPE_AREA.widthPt;
const BOTTOM = TOP + TYPE_AREA.heightPt;
/** 28 characters of 3号 fill the 156 mm line: each gives up the difference to the grid pitch. */
const BODY_TRACKING = WIDTH / GRID.chars - SIZE_PT.body;
const CHAR = WIDTH / GRID.chars;
/** A body paragraph leaves at least two lines at the foot of a page (no orphan) and takes at least two to the next (no widow). */
const BODY_MIN_FIRST = 2;
const BODY_MIN_LAST = 2;
/** Where the baseline sits in a line box: CJK faces centre their ideographs about 0.38 em above it. */
const baselineIn = (top: number, lineHeight: number, sizePt: number) => top + lineHeight / 2 + 0.38 * sizePt;

const STYLES = {
  body: { role: ROLE.body, sizePt: SIZE_PT.body, trackingPt: BODY_TRACKING },
  title: { role: ROLE.title, sizePt: SIZE_PT.title, trackingPt: 0 },
  1: { role: ROLE.heading1, sizePt: SIZE_PT.body, trackingPt: BODY_TRACKING },
  2: { role: ROLE.heading2, sizePt: SIZE_PT.body, trackingPt: BODY_TRACKING },
  3: { role: ROLE.heading3, sizePt: SIZE_PT.body, trackingPt: BODY_TRACKING, bold: true },
} as const satisfies Record<string, TextStyle>;

type Doc = InstanceType<typeof PDFDocument>;

/** Stroke width that thickens 仿宋 into its bold for level-3 headings (text render mode 2). */
const BOLD_STROKE_PT = 0.35;
/** Numbers as pdfkit writes them: at most 6 decimals, no exponent. */
const num = (value: number) => String(Math.round(value * 1e6) / 1e6);

/**
 * A TJ array for glyphs (one hex code each, unshaped: one per code point) with `extraAfter[i]` pt
 * added after glyph i: TJ numbers are thousandths of the font size, subtracted from the position.
 */
function justified(encoded: string[], extraAfter: number[], fontSize: number): string {
  let out = '[<';
  encoded.forEach((glyph, i) => {
    out += glyph;
    const shift = i < encoded.length - 1 ? num((-(extraAfter[i] ?? 0) * 1000) / fontSize) : '0';
    if (shift !== '0' && shift !== '-0') out += `> ${shift} <`;
  });
  return `${out}>]`;
}
type Struct = ReturnType<Doc['struct']>;

/** The height of the signature with its blank line before: it keeps the text's last line with it. */
const signatureHeight = (block: SignatureBlock) => (block.spaceBeforeLines + block.organLines.length + 1) * LINE_PITCH_PT;

/** Lays the document out page by page and draws it. */
class Typesetter {
  private y = TOP;
  private pageNumber = 0;
  /** New pages are turned for a landscape table (GB/T 9704 10.2); `turned`: this page's drawing is rotated. */
  private landscape = false;
  private turned = false;
  readonly diagnostics: Diagnostic[] = [];
  private readonly canvas: TextCanvas;
  /** Set paragraphs by level and text: a heading measures the paragraph after it, which is then drawn from the same lines. */
  private readonly setCache = new Map<string, ReturnType<typeof setText>>();

  constructor(
    private readonly doc: Doc,
    private readonly fonts: FontSet,
    private readonly root: Struct,
  ) {
    const registered = new Map<string, unknown>();
    this.canvas = {
      font: (key, size) => {
        if (!registered.has(key)) {
          const face = fonts.opened().find((f) => f.key === key);
          if (face) doc.registerFont(key, face.unshaped as never);
        }
        selectFont(doc, key, registered);
        doc.fontSize(size);
      },
      glyphs: (text, x, baseline, characterSpacing, bold, extraAfter) => {
        // What pdfkit's text() would write for one unwrapped, unaligned run (pdfkit-adapter.ts).
        // pdfkit's pages are flipped to a top-left origin, so text is set inside a flip back, as pdfkit does.
        const font = currentFont(doc);
        const encoded = font.encode(text);
        const height = doc.page.height;
        const ops = [`q ${bold ? `${BOLD_STROKE_PT} w ` : ''}1 0 0 -1 0 ${num(height)} cm BT`];
        ops.push(`1 0 0 1 ${num(x)} ${num(height - baseline)} Tm /${font.name} ${num(font.sizePt)} Tf`);
        if (bold) ops.push('2 Tr');
        if (characterSpacing) ops.push(`${num(characterSpacing)} Tc`);
        ops.push(`${extraAfter ? justified(encoded, extraAfter, font.sizePt) : `<${encoded.join('')}>`} ${extraAfter ? 'TJ' : 'Tj'} ET Q`);
        addContent(doc, ops.join(' '));
      },
    };
  }

  /** Height of the type area as this page is set: its width when the page is turned. */
  private get pageHeight(): number {
    return this.landscape ? WIDTH : TYPE_AREA.heightPt;
  }

  private get remaining(): number {
    return TOP + this.pageHeight - this.y;
  }

  /** Pages begun so far. */
  get pages(): number {
    return this.pageNumber;
  }

  newPage(): void {
    this.upright();
    this.doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.pageNumber++;
    this.y = TOP;
    this.drawPageNumber();
    if (this.landscape) this.turn();
  }

  /**
   * A landscape table's page, as GB/T 9704 10.2 sets one: the sheet stays A4 upright with its page
   * number where every page has it, the table's head toward the left edge (订口 on odd pages, 切口 on
   * even), and /Rotate 90 shows it upright on screen. Everything after is drawn in the turned type
   * area (225 × 156 mm, 35 mm from the sheet's foot, 28 mm from its left), at the same LEFT and TOP.
   */
  private turn(): void {
    const page = this.doc.page as unknown as { height: number; dictionary: { data: Record<string, unknown> } };
    page.dictionary.data.Rotate = 90;
    this.doc.save();
    this.doc.transform(0, -1, 1, 0, LEFT - TOP, page.height - PAGE.marginBottomMm * MM_TO_PT + LEFT);
    this.turned = true;
  }

  private upright(): void {
    if (this.turned) this.doc.restore();
    this.turned = false;
  }

  /** Begins landscape pages (a landscape table, with the heading before it) or ends them: what follows starts a new upright page. */
  setLandscape(landscape: boolean): void {
    if (landscape === this.landscape) return;
    this.landscape = landscape;
    if (landscape) this.newPage();
    else this.y = TOP + this.pageHeight;
  }

  /** Ends the last page's drawing. */
  finish(): void {
    this.upright();
  }

  /** — N — under the type area: odd pages right, even pages left, one character in (GB/T 9704 7.5). */
  private drawPageNumber(): void {
    const style: TextStyle = { role: ROLE.pageNumber, sizePt: SIZE_PT.pageNumber, trackingPt: 0 };
    const { lines } = setText(this.fonts, `— ${this.pageNumber} —`, style, WIDTH);
    const line = lines[0];
    if (!line) return;
    const inset = SIZE_PT.pageNumber;
    const x = this.pageNumber % 2 === 1 ? LEFT + WIDTH - inset - line.width : LEFT + inset;
    const top = BOTTOM + PAGE.pageNumberGapMm * MM_TO_PT;
    this.doc.markContent('Artifact', { type: 'Pagination' } as never);
    drawLine(this.canvas, line, style, x, top + 0.8 * SIZE_PT.pageNumber, WIDTH);
    this.doc.endMarkedContent();
  }

  private report(origin: string, missing: MissingGlyph[]): void {
    for (const { char } of missing) {
      this.diagnostics.push({
        ...makeDiagnostic('RPT5003', origin || null, { char, code: codeLabel(char) }),
        focus: char,
      });
    }
  }

  /**
   * Sets lines of one block, flowing over pages. `minFirst`: lines that must stand together at the
   * start (no orphan); `minLast`: lines that must stand together at the end (no widow: a last line
   * alone at the top of a page takes one more line with it, and the page before ends a line short,
   * on the grid); `tailKeep`: height that must follow the last line on its page (the signature).
   */
  private flowText(
    type: string,
    lines: SetLine[],
    style: TextStyle,
    pitch: number,
    options: { indent?: number; align?: 'center'; minFirst?: number; minLast?: number; tailKeep?: number } = {},
  ): void {
    const element = this.doc.struct(type);
    this.root.add(element);
    const minLast = options.minLast ?? 1;
    let index = 0;
    while (index < lines.length) {
      const left = lines.length - index;
      const fits = Math.floor((this.remaining + LAYOUT_TOLERANCE_PT) / pitch);
      let count = Math.min(fits, left);
      if (count < left && left - count < minLast) count = left - minLast;
      // A URL broken over lines moves down rather than split across pages (unless it fills the page).
      let whole = count;
      while (whole > 0 && whole < left && lines[index + whole - 1]?.joined) whole -= 1;
      if (whole > 0) count = whole;
      const need = index === 0 ? Math.min(left, options.minFirst ?? 1) : 1;
      const tail = options.tailKeep ?? 0;
      // The last lines must share their page with what follows: hold them back for the next page.
      const holdBack = count === left && tail > 0 && !fitsIn(tail, this.remaining - count * pitch) && this.y > TOP;
      if (holdBack) count -= Math.max(1, minLast);
      if (count < need || count === 0) {
        this.newPage();
        continue;
      }
      const content = this.doc.markStructureContent(type);
      for (let i = 0; i < count; i++) {
        const line = lines[index + i] as SetLine;
        const indent = index + i === 0 ? (options.indent ?? 0) : 0;
        const x = options.align === 'center' ? LEFT + (WIDTH - line.width) / 2 : LEFT + indent;
        drawLine(this.canvas, line, style, x, baselineIn(this.y, pitch, style.sizePt), options.align === 'center' ? line.width : WIDTH - indent);
        this.y += pitch;
      }
      this.doc.endMarkedContent();
      element.add(content);
      index += count;
      if (holdBack) this.newPage();
    }
    element.end();
  }

  /**
   * The title's lines, as the model broke them (a line the real glyphs make too wide still wraps
   * inside the type area), on the body's line grid so that page 1's body lines sit on the same grid
   * as every other page's; one blank line after it.
   */
  title(lines: string[], origin: string): void {
    const style = STYLES.title;
    const set = lines.flatMap((line) => {
      const result = setText(this.fonts, line, style, WIDTH);
      this.report(origin, result.missing);
      return result.lines.map((l) => ({ ...l, justify: false }));
    });
    this.flowText('H', set, style, LINE_PITCH_PT, { align: 'center', minFirst: set.length });
    this.y += LINE_PITCH_PT;
  }

  /**
   * Body text (level 0) and headings: 2-character indent, 22 lines a page. A heading keeps `keepWith`
   * (the lead of what follows) on its page; a paragraph keeps its last line with `keepWith` after it.
   */
  paragraph(text: string, level: 0 | 1 | 2 | 3, origin: string, keepWith: number): void {
    const style = level === 0 ? STYLES.body : STYLES[level];
    const indent = 2 * CHAR;
    const { lines, missing } = this.setParagraph(text, level);
    this.report(origin, missing);
    const height = lines.length * LINE_PITCH_PT;
    if (level > 0) {
      if (!fitsIn(height + keepWith, this.remaining) && fitsIn(height + keepWith, this.pageHeight)) this.newPage();
      if (level === 1) this.doc.outline.addItem(text);
      this.flowText(`H${level}`, lines, style, LINE_PITCH_PT, { indent, minFirst: lines.length });
      return;
    }
    this.flowText('P', lines, style, LINE_PITCH_PT, { indent, minFirst: BODY_MIN_FIRST, minLast: BODY_MIN_LAST, tailKeep: keepWith });
  }

  private setParagraph(text: string, level: 0 | 1 | 2 | 3): ReturnType<typeof setText> {
    const key = `${level}:${text}`;
    let set = this.setCache.get(key);
    if (!set) this.setCache.set(key, (set = setText(this.fonts, text, level === 0 ? STYLES.body : STYLES[level], WIDTH, 2 * CHAR)));
    return set;
  }

  /** Height a body paragraph needs on the page it starts on: all of it when it is too short to split without an orphan or a widow. */
  paragraphLead(text: string): number {
    const count = this.setParagraph(text, 0).lines.length;
    return (count < BODY_MIN_FIRST + BODY_MIN_LAST ? count : BODY_MIN_FIRST) * LINE_PITCH_PT;
  }

  /**
   * The organ's name and the date (GB/T 9704 7.3.5.2), placed from the real glyph widths: the
   * name's lines right-aligned two characters from the margin, the date two characters right of
   * the name's first character. A line wider than the type area wraps inside it; nothing is lost.
   */
  signature(block: SignatureBlock): void {
    const style = STYLES.body;
    const set = (text: string) => {
      const result = setText(this.fonts, text, style, WIDTH - block.rightIndentChars * CHAR);
      this.report(block.origin, result.missing);
      return result.lines.map((line) => ({ ...line, justify: false }));
    };
    const organ = block.organLines.flatMap(set);
    const date = set(block.dateText);
    const place = signaturePlacement(block, organ[0]?.width ?? 0, date[0]?.width ?? 0, CHAR);
    const need = (block.spaceBeforeLines + organ.length + date.length) * LINE_PITCH_PT;
    if (!fitsIn(need, this.remaining)) this.newPage();
    else this.y += block.spaceBeforeLines * LINE_PITCH_PT;
    const lines = [...organ.map((line) => ({ line, right: place.organRight })), ...date.map((line) => ({ line, right: place.dateRight }))];
    for (const { line, right } of lines) {
      const element = this.doc.struct('P');
      this.root.add(element);
      const content = this.doc.markStructureContent('P');
      // Never left of the type area, whatever the placement asks.
      const x = Math.max(LEFT, LEFT + WIDTH - right - line.width);
      drawLine(this.canvas, line, style, x, baselineIn(this.y, LINE_PITCH_PT, style.sizePt), line.width);
      this.doc.endMarkedContent();
      element.add(content);
      element.end();
      this.y += LINE_PITCH_PT;
    }
  }

  /** Height a table needs before anything may follow its heading: its header and first row group (or all of it). */
  tableLead(layout: TableLayout): number {
    const { grid } = layout.table;
    // Turned, a table longer than its page runs on over pages: its heading needs only the first rows.
    if (grid.keepTogether && !(grid.landscape && !fitsIn(rowsHeight(layout, 0, grid.rowCount), WIDTH - LINE_PITCH_PT)))
      return rowsHeight(layout, 0, grid.rowCount);
    const first = rowGroups(layout, grid.headerRows, grid.rowCount)[0];
    return rowsHeight(layout, 0, first ? first[1] : grid.headerRows);
  }

  table(layout: TableLayout): void {
    const { grid } = layout.table;
    for (const { cell, glyph } of layout.missing) this.report(cell.origin || layout.table.origin, [glyph]);
    this.setLandscape(grid.landscape === true);
    if (!fitsIn(this.tableLead(layout), this.remaining) && this.y > TOP) this.newPage();
    const element = this.doc.struct('Table', { title: layout.table.summary } as never);
    this.root.add(element);
    const rowElements = new Map<number, Struct>();
    const rowElement = (r: number): Struct => {
      let tr = rowElements.get(r);
      if (!tr) {
        tr = this.doc.struct('TR');
        element.add(tr);
        rowElements.set(r, tr);
      }
      return tr;
    };
    // Rows go on in groups (rows a short span ties together); a group that does not fit starts a new
    // page, which repeats the header rows first.
    const header = rowsHeight(layout, 0, grid.headerRows);
    let segmentStart = 0;
    let continuation = false;
    for (const [start, end] of rowGroups(layout, grid.headerRows, grid.rowCount)) {
      const used = (continuation ? header : 0) + rowsHeight(layout, segmentStart, start);
      if (!fitsIn(used + rowsHeight(layout, start, end), this.remaining) && start > Math.max(segmentStart, grid.headerRows)) {
        const at = this.breakRow(layout, segmentStart, start);
        this.drawRows(layout, segmentStart, at, continuation, rowElement);
        this.newPage();
        continuation = true;
        segmentStart = at;
      }
    }
    this.drawRows(layout, segmentStart, grid.rowCount, continuation, rowElement);
    element.end();
    this.y += LINE_PITCH_PT / 2;
    this.setLandscape(false);
  }

  /**
   * Where to break before row `wanted`: there, unless a long spanning cell (三、本年度办理结果) that
   * starts on this page would not have room for its text before the break; then before that cell.
   */
  private breakRow(layout: TableLayout, segmentStart: number, wanted: number): number {
    let at = wanted;
    for (const { cell, lines } of layout.cells) {
      const crosses = cell.row >= segmentStart && cell.row < at && cell.row + cell.rowSpan > at;
      const cramped = rowsHeight(layout, cell.row, at) < lines.length * layout.lineHeight + 2 * CELL_PADDING_PT.y;
      if (crosses && cramped && cell.row > Math.max(segmentStart, layout.table.grid.headerRows)) at = cell.row;
    }
    return at;
  }

  /** Draws rows [from, to) on this page, preceded by the header rows (as artifacts) on a continuation page. */
  private drawRows(layout: TableLayout, from: number, to: number, continuation: boolean, rowElement: (r: number) => Struct): void {
    const header = layout.table.grid.headerRows;
    if (continuation && header > 0) {
      this.doc.markContent('Artifact', { type: 'Pagination' } as never);
      this.drawCells(layout, 0, header, null);
      this.doc.endMarkedContent();
      this.y += rowsHeight(layout, 0, header);
    }
    this.drawCells(layout, from, to, rowElement);
    this.y += rowsHeight(layout, from, to);
  }

  /** Cells anchored in rows [from, to), clipped to those rows; text tagged as TH/TD unless an artifact. */
  private drawCells(layout: TableLayout, from: number, to: number, rowElement: ((r: number) => Struct) | null): void {
    const top = this.y;
    const rowTop = (r: number) => top + rowsHeight(layout, from, r);
    const doc = this.doc;
    doc.lineWidth(TABLE_BORDER_PT).strokeColor('black');
    for (const laid of layout.cells) {
      const { cell } = laid;
      const covers = cell.row < to && cell.row + cell.rowSpan > from;
      if (!covers) continue;
      const anchored = cell.row >= from;
      const firstRow = Math.max(cell.row, from);
      const lastRow = Math.min(cell.row + cell.rowSpan, to);
      const x = LEFT + (layout.edges[cell.col] ?? 0);
      const w = (layout.edges[cell.col + cell.colSpan] ?? 0) - (layout.edges[cell.col] ?? 0);
      const y = rowTop(firstRow);
      const h = rowsHeight(layout, firstRow, lastRow);
      if (rowElement) doc.markContent('Artifact' as never);
      doc.rect(x, y, w, h).stroke();
      if (rowElement) doc.endMarkedContent();
      if (!anchored) continue;
      const textHeight = laid.lines.length * laid.lineHeight;
      const lineTop = y + Math.max(CELL_PADDING_PT.y, (h - textHeight) / 2);
      const type = cell.header ? 'TH' : 'TD';
      const cellElement = rowElement ? doc.struct(type, cell.scope ? ({ scope: cell.scope === 'column' ? 'Column' : 'Row' } as never) : {}) : null;
      if (cellElement && rowElement) rowElement(cell.row).add(cellElement);
      if (cellElement) {
        const content = doc.markStructureContent(type);
        this.drawCellText(laid, x, w, lineTop);
        doc.endMarkedContent();
        cellElement.add(content);
        cellElement.end();
      } else {
        this.drawCellText(laid, x, w, lineTop);
      }
    }
  }

  private drawCellText({ cell, lines, style, lineHeight }: LaidCell, x: number, w: number, top: number): void {
    lines.forEach((line, i) => {
      const left = cell.align === 'left' ? x + CELL_PADDING_PT.x : cell.align === 'right' ? x + w - CELL_PADDING_PT.x - line.width : x + (w - line.width) / 2;
      drawLine(this.canvas, { ...line, justify: false }, style, left, baselineIn(top + i * lineHeight, lineHeight, style.sizePt), w);
    });
  }
}

/** Renders the model to PDF bytes, with diagnostics for characters no font can draw. */
export async function renderPdf(model: ReportDoc, options: PdfOptions): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[]; pages: number }> {
  const conformance = options.conformance ?? 'PDF/A-2b';
  const { fonts, timestamp } = options;
  const info = {
    Title: model.meta.title,
    Author: model.meta.author,
    Subject: `${model.meta.author}${model.meta.year}年政府信息公开工作年度报告`,
    Creator: 'nianbao',
    Producer: 'nianbao (PDFKit)',
    CreationDate: timestamp,
    ModDate: timestamp,
  };
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    pdfVersion: '1.7',
    subset: conformance,
    tagged: true,
    lang: model.meta.lang,
    displayTitle: true,
    // The document's default face is ours, so no standard (unembedded) font enters the file.
    font: fonts.primary(ROLE.body).unshaped as never,
    info,
  } as never);
  // pdfkit's own XMP block is unescaped and lacks ModifyDate: replace it (see xmp.ts).
  replaceXmpInfo(doc, () =>
    doc.appendXML(
      xmpDescriptions({
        title: info.Title,
        author: info.Author,
        subject: info.Subject,
        lang: model.meta.lang,
        creatorTool: info.Creator,
        producer: info.Producer,
        created: timestamp,
        modified: timestamp,
      }),
    ),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const setter = new Typesetter(doc, fonts, root);
  setter.newPage();
  const layouts = new Map<TableBlock, TableLayout>();
  const layoutOf = (block: TableBlock) =>
    layouts.get(block) ?? layouts.set(block, layoutTable(fonts, block, block.grid.landscape ? TYPE_AREA.heightPt : WIDTH)).get(block)!;
  /** How much room the block after a heading needs on the heading's page. */
  const leadOf = (next: Block | undefined): number => {
    if (!next) return 0;
    if (next.kind === 'table') return setter.tableLead(layoutOf(next));
    if (next.kind === 'paragraph' || next.kind === 'heading') {
      // A paragraph that the signature follows brings the signature's lines with it.
      const after = model.blocks[model.blocks.indexOf(next) + 1];
      const lead = next.kind === 'paragraph' ? setter.paragraphLead(next.text) : 2 * LINE_PITCH_PT;
      return lead + (next.kind === 'paragraph' && after?.kind === 'signature' ? signatureHeight(after) : 0);
    }
    return LINE_PITCH_PT;
  };
  model.blocks.forEach((block, i) => {
    const next = model.blocks[i + 1];
    switch (block.kind) {
      case 'title':
        setter.title(block.lines, block.origin);
        break;
      case 'heading':
        // A landscape table's heading stands on its turned page.
        if (isTurned(block, next)) setter.setLandscape(true);
        setter.paragraph(block.text, block.level, block.origin, leadOf(next));
        break;
      case 'paragraph':
        setter.paragraph(block.text, 0, block.origin, next?.kind === 'signature' ? signatureHeight(next) : 0);
        break;
      case 'table':
        setter.table(layoutOf(block));
        break;
      case 'signature':
        setter.signature(block);
        break;
      default: {
        const unknown: never = block;
        throw new Error(`unhandled block ${JSON.stringify(unknown)}`);
      }
    }
  });
  setter.finish();
  root.end();
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), diagnostics: setter.diagnostics, pages: setter.pages };
}
