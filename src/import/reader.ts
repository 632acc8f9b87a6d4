/**
 * Importers are the mirror of the renderers (Pandoc's readers): each reads one published form of a
 * report — plain text, DOCX, HTML, PDF — into the same neutral stream of lines, and one recogniser
 * turns that stream into report data with the national format's labels (src/format/). A table is
 * read row by row, each cell one line (a merged cell once, at its first row), which is also how a
 * table copied out of a PDF or a web page reads as text (../shared/seeds/yichun-2023.txt).
 */
import type { ImportCause } from '../diagnostics/catalog';
import type { BadBytes } from './decode';
import type { Finding } from './findings';

/** One line of the source: a paragraph, a line of text, or a table cell. */
export interface SourceLine {
  /** The text, with its inner line breaks kept as '\n' (商业\n企业). */
  text: string;
  /** Where it was found, for diagnostics and YAML comments: 第 12 行, 第 3 段, 表 2 第 4 行第 1 格, 第 2 页第 7 行. */
  at: string;
  /** For a table cell: which table of the source, and the cell's row and column there (0-based; col -1: on no column of a PDF table's grid). */
  cell?: { table: number; row: number; col: number };
  /**
   * Text only: where the empty cells printed right after this line are (a line holding nothing but
   * a tab: a table cell copied empty). Kept off the lines, so prose and labels never see them; the
   * table reader takes them as blank cells where they are certainly a row's number cells.
   */
  blanksAfter?: string[];
}

/** A reader for one source format. */
export interface Reader {
  /** The format's name on the command line and in messages: text, docx, html, pdf. */
  readonly format: string;
  /** Whether these bytes (and file name) are in this reader's format. */
  detect(bytes: Uint8Array, name: string): boolean;
  /**
   * The source as lines; throws ImportError for a file it cannot read (corrupt, encrypted, scanned).
   * What it notices about the source as a whole (a PDF's pages missing or out of order) it adds to `findings`.
   */
  read(bytes: Uint8Array, findings?: Finding[]): Promise<SourceLine[]>;
  /** For a text source: where its bytes are not in the encoding it is read in (each is reported, never silently replaced). */
  badBytes?(bytes: Uint8Array): BadBytes[];
}

/** A file a reader cannot read, said in words a clerk understands, and why (which picks RPT1019's hint). */
export class ImportError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly kind: ImportCause,
  ) {
    super(en);
  }
}

/**
 * More source lines (paragraphs, lines, cells) than any report has (a few hundred to a few thousand),
 * and the most bytes of text or HTML a report page is read from (its pages are tens of KB, a portal
 * page with its scripts a few MB). Past them a file is refused before its text is split: a builtin
 * that splits a huge string allocates without a pause, where the worker's heap limit cannot stop it.
 */
export const MAX_LINES = 100_000;
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export const tooManyLines = () =>
  new ImportError(
    `文件超过 ${MAX_LINES} 行（段、表格的格），不像年度报告`,
    `the file has more than ${MAX_LINES} lines (paragraphs, table cells): not an annual report`,
    'too-complex',
  );

/** Refuses text or HTML of more than MAX_TEXT_BYTES. */
export function checkTextSize(bytes: Uint8Array): void {
  if (bytes.byteLength <= MAX_TEXT_BYTES) return;
  const mb = MAX_TEXT_BYTES / 1024 / 1024;
  throw new ImportError(`文本或网页超过 ${mb} MB，不像年度报告`, `the text or web page is larger than ${mb} MB: not an annual report`, 'too-big');
}
