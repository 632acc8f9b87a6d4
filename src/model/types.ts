/**
 * The document model: the one contract between the checked report and the renderers. Plain,
 * immutable, JSON-serialisable data; every decision about text (numbering, number text, default
 * preamble, fee sentence, date text, cell line breaks) is made by the model builder, so the DOCX
 * and the PDF cannot drift apart. No library types here.
 */

/** JSON Pointer into the report data a block or cell came from (for render diagnostics). */
export type Pointer = string;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ReportDoc {
  meta: {
    title: string;
    /** The publishing organ: signature and document author. */
    author: string;
    year: number;
    /** ISO date of the report (成文日期), e.g. 2024-01-25. */
    date: string;
    /** BCP 47 language of the document. */
    lang: 'zh-CN';
    /** The six part headings, for outlines/bookmarks. */
    parts: string[];
  };
  blocks: Block[];
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | TableBlock | SignatureBlock;

export interface TitleBlock {
  kind: 'title';
  text: string;
  /** The title broken into centred lines at meaningful points (GB/T 9704: 梯形 or 菱形). */
  lines: string[];
  /** Every offset in `text` where a line may break by meaning (a narrow screen wraps the title there and nowhere else), ascending. */
  breaks: number[];
  origin: Pointer;
}

/** 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. (仿宋 bold). `text` includes its number. */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
  origin: Pointer;
}

/** A body paragraph: first line indented two characters, justified. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  origin: Pointer;
}

export interface TableBlock {
  kind: 'table';
  /** Which table of the national format (二, 三, 四). */
  id: 'proactive' | 'applications' | 'review_litigation';
  /** A short description for accessibility (summary / alt text). */
  summary: string;
  grid: TableGrid;
  origin: Pointer;
}

export interface TableGrid {
  /** Column widths as fractions of the type area's width, or of its height for a landscape table (they sum to 1). */
  columns: { widthFraction: number }[];
  /**
   * Set across the page: the numbers do not fit the type area's width even at MIN_NUMBER_PT, so the
   * table stands on pages of its own turned 90° (GB/T 9704 10.2), its heading with it. Absent: upright.
   */
  landscape?: true;
  rowCount: number;
  /** Leading rows that are headers: marked as header rows in DOCX, repeated on every page in PDF. */
  headerRows: number;
  /** Text size of the table in points. */
  fontSizePt: number;
  /**
   * Size of the data cells (numbers): fontSizePt, or smaller (never below MIN_NUMBER_PT) where the
   * numbers outgrow their columns after the label columns have given all the width they can.
   */
  numberSizePt: number;
  /** Keep the whole table on one page when it fits (short tables); otherwise only the header rows stay with the first data row. */
  keepTogether: boolean;
  /** Anchor cells only, row-major; a cell covers rowSpan × colSpan grid slots. */
  cells: GridCell[];
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** `\n` is a forced line break (商业\n企业, as the template prints it). */
  text: string;
  align: Align;
  /** A header cell (TH); `scope` says what it heads. */
  header: boolean;
  scope?: 'column' | 'row';
  origin: Pointer;
}

/**
 * Organ name and date at the end (GB/T 9704 7.3.5.2, no seal); each renderer places them with its
 * own measure through model/signature.ts's signaturePlacement.
 */
export interface SignatureBlock {
  kind: 'signature';
  organ: string;
  /** The name broken by meaning into lines that fit beside the right indent (one for most names). */
  organLines: string[];
  /** 2024年1月25日 */
  dateText: string;
  /** The name ends this many characters (body size) from the right margin… */
  rightIndentChars: number;
  /** …and the date begins this many characters right of the name's first character. */
  dateShiftChars: number;
  /** Blank body lines between the text and the name. */
  spaceBeforeLines: number;
  origin: Pointer;
}
