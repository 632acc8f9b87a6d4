/**
 * Stage 4 (render): ReportDoc → DOCX bytes: the package (styles, settings, footers, sections) made
 * by the `docx` package, once per shape of report, and the body written by body-xml.ts. Reads only
 * the model and the page standard; knows nothing of YAML or the PDF renderer. The page, type and
 * table layout follow GB/T 9704 (../shared/TEMPLATE.md §8); the output is made byte-reproducible in
 * reproducible.ts.
 */
import {
  PageOrientation,
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { Align, Block, GridCell, ReportDoc, TableBlock } from '../../model/types';
import { fullWidthChars } from '../../model/title-lines';
import { signaturePlacement } from '../../model/signature';
import { isTurned } from '../../model/turned';
import { CELL_LINE_HEIGHT, CELL_PADDING_PT, GRID, PAGE, ROLE, SIZE_PT, TABLE_BORDER_PT, TYPE_AREA } from '../../format/page-standard';
import type { FontRole } from '../../format/font-roles';
import { documentSkeleton, documentXml, type DocumentSkeleton } from './docx-adapter';
import { paragraphXml, runXml, tableXml, type Justification, type ParagraphOptions, type RunOptions } from './body-xml';
import { fontTableXml, WORD_FONTS } from './fonts';
import { deflateEntry, writeZip, type DeflatedEntry } from '../../zip';
import { coreXml } from './reproducible';

const twip = (pt: number) => Math.round(pt * 20);
const halfPt = (pt: number) => Math.round(pt * 2);
/** A4 as Word writes it, 210 × 297 mm to the nearest twip (docx's convertMillimetersToTwip floors to 11905 × 16837). */
const A4_TWIP = { width: Math.round((PAGE.widthMm / 25.4) * 1440), height: Math.round((PAGE.heightMm / 25.4) * 1440) } as const;
const MARGIN_TWIP = {
  top: convertMillimetersToTwip(PAGE.marginTopMm),
  bottom: convertMillimetersToTwip(PAGE.marginBottomMm),
  left: convertMillimetersToTwip(PAGE.marginLeftMm),
  right: convertMillimetersToTwip(PAGE.marginRightMm),
} as const;
/** The type area as the section sets it, in whole twips: 8845 × 12757. */
const TYPE_AREA_TWIP = {
  width: A4_TWIP.width - MARGIN_TWIP.left - MARGIN_TWIP.right,
  height: A4_TWIP.height - MARGIN_TWIP.top - MARGIN_TWIP.bottom,
} as const;
/** The line pitch in whole twips, rounded down so that 22 lines fit the type area (579: 22 × 579 = 12738 ≤ 12757). */
const BODY_LINE = Math.floor(TYPE_AREA_TWIP.height / GRID.lines);
/** The character pitch: 28 characters to the type area's width (15.79 pt), in twips for indents. */
const CHAR_PT = TYPE_AREA_TWIP.width / 20 / GRID.chars;
const BODY_CHAR = CHAR_PT * 20;
/** Body text's tracking: the character pitch minus the font size, in whole twips rounded down (−5: 28 × 15.75 pt ≤ 442.25 pt < 29 × 15.75 pt). */
const TRACKING_TWIP = Math.floor((CHAR_PT - SIZE_PT.body) * 20);

export interface DocxOptions {
  /** The timestamp written into the document properties (SOURCE_DATE_EPOCH or the report's date). */
  timestamp: Date;
}

/** Run properties of a font role: the name in every slot, East Asian hint for “ ” and —. */
function font(role: FontRole, sizePt: number, extra: Partial<IRunOptions> = {}): IRunOptions {
  const name = WORD_FONTS[role].name;
  return { font: { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' }, size: halfPt(sizePt), ...extra };
}

const ALIGN = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'both',
} as const satisfies Record<Align, Justification>;

const exactLines = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Style ids. Fonts, sizes and spacing live in the styles, so a clerk can restyle in Word and runs stay bare. */
const STYLE = { title: 'Title', h1: 'Heading1', h2: 'Heading2', h3: 'Heading3', table: (sizePt: number) => `TableText${halfPt(sizePt)}` } as const;

/** The paragraph styles: Normal is body text (justified, two-character indent, 22 lines a page). */
function paragraphStyles(tableSizes: number[]): IParagraphStyleOptions[] {
  const heading = (id: string, name: string, level: number, role: FontRole, bold = false): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...font(role, SIZE_PT.body), bold },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level },
  });
  return [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: font(ROLE.body, SIZE_PT.body, { characterSpacing: TRACKING_TWIP }),
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(BODY_CHAR * 2) }, spacing: exactLines(BODY_LINE) },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: font(ROLE.title, SIZE_PT.title, { characterSpacing: 0 }),
      // On the body's 22-line grid, as the PDF: each title line takes one line pitch, one blank line after.
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, keepNext: true, spacing: { ...exactLines(BODY_LINE), after: BODY_LINE } },
    },
    heading(STYLE.h1, 'heading 1', 0, ROLE.heading1),
    heading(STYLE.h2, 'heading 2', 1, ROLE.heading2),
    heading(STYLE.h3, 'heading 3', 2, ROLE.heading3, true),
    ...tableSizes.map((sizePt): IParagraphStyleOptions => ({
      id: STYLE.table(sizePt),
      name: `Table Text ${sizePt}`,
      basedOn: 'Normal',
      run: font(ROLE.table, sizePt, { characterSpacing: 0 }),
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: exactLines(twip(sizePt * CELL_LINE_HEIGHT)) },
    })),
    {
      id: 'Footer',
      name: 'footer',
      basedOn: 'Normal',
      run: font(ROLE.pageNumber, SIZE_PT.pageNumber, { characterSpacing: 0 }),
      paragraph: { indent: { firstLine: 0 }, spacing: exactLines(twip(SIZE_PT.pageNumber * 1.3)) },
    },
  ];
}

/**
 * A hyphen between digits (0517-87654321, 400-800-1234, GB/T 9704-2012) followed by a word joiner:
 * LibreOffice breaks a line after such a hyphen whatever the run's language, and w:noBreakHyphen is
 * worse there (it breaks between the digits instead). U+2060 is the break-prohibiting mark of
 * UAX #14, invisible and not in the text LibreOffice exports; a report cannot hold one itself
 * (source/forbidden-chars.ts), and the DOCX reader drops it.
 */
const DIGIT_HYPHEN = /(?<=\d)-(?=\d)/g;

/** Text with `\n` forced breaks → runs (body-xml.ts). */
function runs(text: string, run: Omit<RunOptions, 'text'> = {}): string {
  return text
    .split('\n')
    .map((line, i) => runXml({ ...run, text: line.replace(DIGIT_HYPHEN, '-\u2060'), ...(i > 0 ? { break: 1 } : {}) }))
    .join('');
}

/**
 * Word and LibreOffice keep a table with its heading only as far as keep-with-next reaches, which
 * LibreOffice gives up on over a long table (table 三 broke across pages there, a merged label left
 * behind). A table kept together that takes more than half a page therefore starts a new page with
 * its heading — as the PDF places it whenever it does not fit below what precedes it.
 */
function startsPage(table: Block | undefined): boolean {
  if (table?.kind !== 'table' || !table.grid.keepTogether) return false;
  const rowPt = table.grid.fontSizePt * CELL_LINE_HEIGHT + 2 * CELL_PADDING_PT.y;
  return table.grid.rowCount * rowPt > TYPE_AREA.heightPt / 2;
}

/** A block's body XML, as paragraphs (their options and runs, so the last of a section can take its w:sectPr) and tables. */
type BodyPart = { paragraph: ParagraphOptions; runs: string } | { table: string };

/** `next`: the block after this one (a signature must not stand alone on a page, GB/T 9704 7.3.5; a long table brings its heading to a new page). */
function renderBlock(block: Block, next: Block | undefined): BodyPart[] {
  const keepNext = next?.kind === 'signature';
  switch (block.kind) {
    case 'title':
      return [{ paragraph: { style: STYLE.title }, runs: block.lines.map((line, i) => runs(line, i > 0 ? { break: 1 } : {})).join('') }];
    case 'heading':
      return [
        {
          paragraph: { style: block.level === 1 ? STYLE.h1 : block.level === 2 ? STYLE.h2 : STYLE.h3, ...(startsPage(next) ? { pageBreakBefore: true } : {}) },
          runs: runs(block.text),
        },
      ];
    case 'paragraph':
      return [{ paragraph: keepNext ? { keepNext: true, keepLines: true } : {}, runs: runs(block.text) }];
    case 'table':
      return [{ table: renderTable(block) }, { paragraph: { spacing: exactLines(Math.round(BODY_LINE / 2)) }, runs: '' }];
    case 'signature': {
      // Word measures nothing for us: widths in characters of the official faces (half-width digits).
      const organ = fullWidthChars(block.organLines[0] ?? '');
      const place = signaturePlacement(block, organ, fullWidthChars(block.dateText), 1);
      // The date is set from the left, two characters right of where the name's first line begins
      // (whole characters), so the offset does not hang on the width of its digits, which differs
      // between the official faces and their stand-ins. A date longer than the name ends two
      // characters from the margin in the official faces (the name moved left by as much); the
      // date may use those two characters where a stand-in's digits are wider, rather than wrap.
      const dateLeft = GRID.chars - place.organRight - organ + block.dateShiftChars;
      // The name keeps with its date; both stay with the end of the text as far as a page allows.
      const twips = (chars: number) => Math.round(chars * BODY_CHAR);
      const line = (text: string, alignment: 'left' | 'right', indent: { left?: number; right?: number }, before: number, keepNext: boolean): BodyPart => ({
        paragraph: {
          keepNext,
          keepLines: true,
          spacing: { ...exactLines(BODY_LINE), before },
          indent: { ...indent, firstLine: 0 },
          alignment: ALIGN[alignment],
        },
        runs: text,
      });
      return [
        line(
          block.organLines.map((text, i) => runs(text, i > 0 ? { break: 1 } : {})).join(''),
          'right',
          { right: twips(place.organRight) },
          BODY_LINE * block.spaceBeforeLines,
          true,
        ),
        line(runs(block.dateText), 'left', { left: twips(dateLeft), right: -twips(block.rightIndentChars) }, 0, false),
      ];
    }
    default: {
      const unknown: never = block;
      throw new Error(`unhandled block ${JSON.stringify(unknown)}`);
    }
  }
}

const border = { style: BorderStyle.SINGLE, size: Math.round(TABLE_BORDER_PT * 8), color: '000000' };

function renderTable(table: TableBlock): string {
  const { grid } = table;
  // A landscape table's fractions are of the turned type area's width (the upright one's height).
  const total = twip(grid.landscape ? TYPE_AREA.heightPt : TYPE_AREA.widthPt);
  const widths = grid.columns.map((c) => Math.round(c.widthFraction * total));
  const style = STYLE.table(grid.fontSizePt);
  const byRow = new Map<number, GridCell[]>();
  for (const cell of grid.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  // Rows whose paragraphs keep with the next row: all but the last of a short table, else the
  // header rows and the first data row, so a table never starts with only its header at a page foot.
  const keptRows = grid.keepTogether ? grid.rowCount - 1 : grid.headerRows + 1;
  const rows = Array.from({ length: grid.rowCount }, (_, r) => ({
    tableHeader: r < grid.headerRows,
    cantSplit: true,
    height: twip(grid.fontSizePt * CELL_LINE_HEIGHT + CELL_PADDING_PT.y * 2),
    cells: (byRow.get(r) ?? []).map((cell) => {
      const alignment = cell.align === 'center' ? undefined : ALIGN[cell.align];
      return {
        // Numbers smaller than the table's text carry their size on the run; the style keeps the table's.
        paragraph: paragraphXml(
          { style, ...(r < keptRows ? { keepNext: true } : {}), ...(alignment ? { alignment } : {}) },
          runs(cell.text, !cell.header && grid.numberSizePt !== grid.fontSizePt ? { size: halfPt(grid.numberSizePt) } : {}),
        ),
        ...(alignment ? { alignment } : {}),
        columnSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        width: widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0),
        verticalAlign: 'center' as const,
      };
    }),
  }));
  return tableXml({
    rows,
    columnWidths: widths,
    width: total,
    margins: { left: twip(CELL_PADDING_PT.x), right: twip(CELL_PADDING_PT.x), top: twip(CELL_PADDING_PT.y), bottom: twip(CELL_PADDING_PT.y) },
    border,
  });
}

/** Footer with the page number — 1 —: odd pages right, even pages left, one character in from the margin. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = twip(SIZE_PT.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { firstLine: 0, right: oneChar } : { firstLine: 0, left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * The blocks in sections: a landscape table (TableGrid.landscape) with the heading before it gets a
 * landscape section of its own, as the PDF turns its pages; everything else stays upright.
 */
function sectionsOf(doc: ReportDoc): { landscape: boolean; blocks: { block: Block; next: Block | undefined }[] }[] {
  const sections: { landscape: boolean; blocks: { block: Block; next: Block | undefined }[] }[] = [];
  doc.blocks.forEach((block, i) => {
    const next = doc.blocks[i + 1];
    const landscape = isTurned(block, next);
    const last = sections[sections.length - 1];
    // A turned table's heading already opened its section; the table joins it.
    const joins = last && last.landscape === landscape && !(landscape && block.kind === 'heading');
    if (joins) last.blocks.push({ block, next });
    else sections.push({ landscape, blocks: [{ block, next }] });
  });
  return sections;
}

/** The parts of a report's package that depend on more than its body: the language, the tables' type sizes, which sections are turned. */
interface SkeletonKey {
  lang: string;
  tableSizes: number[];
  landscape: boolean[];
}

/** The parts each report writes itself; the rest of its package is the skeleton's. */
const OWN_PARTS = ['word/document.xml', 'docProps/core.xml'];

/** A skeleton with its shared parts deflated for the zip (the report's own parts: undefined). */
interface Package {
  skeleton: DocumentSkeleton;
  parts: [string, DeflatedEntry | undefined][];
}

/**
 * Packages made by docx, by key (JSON of a SkeletonKey): the reports of a batch share a handful, so
 * docx builds and writes the styles, settings, theme, numbering and footers, and they are
 * deflated, once for them. Bounded (a long-lived process, the editor's server, renders reports of any shape).
 */
const packages = new Map<string, Package>();
const MAX_PACKAGES = 16;

function packageOf(key: SkeletonKey): Package {
  const id = JSON.stringify(key);
  const known = packages.get(id);
  if (known) return known;
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { ...font(ROLE.body, SIZE_PT.body), language: { value: 'en-US', eastAsia: key.lang } } } },
      paragraphStyles: paragraphStyles(key.tableSizes),
    },
    sections: key.landscape.map((landscape): ISectionOptions => ({
      properties: {
        page: {
          size: landscape ? { ...A4_TWIP, orientation: PageOrientation.LANDSCAPE } : A4_TWIP,
          // Turned, the type area keeps its 156 × 225 mm: the upright margins go round with the page.
          margin: {
            ...(landscape ? { top: MARGIN_TWIP.left, bottom: MARGIN_TWIP.right, left: MARGIN_TWIP.bottom, right: MARGIN_TWIP.top } : MARGIN_TWIP),
            header: convertMillimetersToTwip(15),
            // The footer paragraph (one 4号 line) ends this far above the page edge, so its top is 7 mm under the type area.
            footer: convertMillimetersToTwip(PAGE.marginBottomMm - PAGE.pageNumberGapMm) - twip(SIZE_PT.pageNumber * 1.3),
          },
        },
        // The grid records the 22-line pitch only: with a character grid (linesAndChars, w:charSpace) LibreOffice gives
        // every character wider than a cell two cells (14–15 a line); 28 a line come from the body's tracking instead.
        grid: { linePitch: BODY_LINE },
      },
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: [],
    })),
  });
  // docx's core.xml has the current time; the report's own (reproducible.ts) replaces it below.
  const skeleton = documentSkeleton(document, { 'word/fontTable.xml': fontTableXml() });
  const made: Package = { skeleton, parts: skeleton.parts.map(([name, data]) => [name, OWN_PARTS.includes(name) ? undefined : deflateEntry(data)]) };
  if (packages.size >= MAX_PACKAGES) packages.clear();
  packages.set(id, made);
  return made;
}

/**
 * A section's body XML with its w:sectPr where docx puts it: in the section's last paragraph (an
 * empty one added after a closing table), or at the end of the body for the last section.
 */
function sectionXml(parts: BodyPart[], sectionProperties: string, last: boolean): string {
  if (last) return parts.map((part) => ('table' in part ? part.table : paragraphXml(part.paragraph, part.runs))).join('') + sectionProperties;
  const end = 'table' in (parts[parts.length - 1] ?? { table: '' }) ? parts.length : parts.length - 1;
  return (
    parts.map((part, i) => ('table' in part ? part.table : paragraphXml(part.paragraph, part.runs, i === end ? sectionProperties : ''))).join('') +
    (end === parts.length ? paragraphXml({}, '', sectionProperties) : '')
  );
}

/** Renders the model to DOCX bytes. */
export async function renderDocx(doc: ReportDoc, options: DocxOptions): Promise<Uint8Array> {
  const sections = sectionsOf(doc);
  const { skeleton, parts } = packageOf({
    lang: doc.meta.lang,
    tableSizes: [...new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid.fontSizePt] : [])))],
    landscape: sections.map((section) => section.landscape),
  });
  const body = sections
    .map(({ blocks }, i) => {
      const parts = blocks.flatMap(({ block, next }) => renderBlock(block, next));
      return sectionXml(parts, skeleton.sectionProperties[i] as string, i === sections.length - 1);
    })
    .join('');
  const own: Record<string, string> = { 'word/document.xml': documentXml(skeleton, body), 'docProps/core.xml': coreXml(doc, options.timestamp) };
  return writeZip(
    parts.map(([name, deflated]) => [name, deflated ?? Buffer.from(own[name] ?? '', 'utf8')]),
    options.timestamp,
  );
}
