/**
 * Reading one table of a report: the numbers after each row label, a cell as a number (null when it
 * cannot be read, with a finding), and the table's stretch of the source as a Region.
 */
import { LOST } from './decode';
import { finding, type Finding } from './findings';
import { matcher } from './label-match';
import { NONE_MARK, norm, nulls, NUMBER, NUMBERS } from './line-text';
import type { SourceLine } from './reader';
import { segment, type Piece } from './segment';
import { TableGrid, type Misfit } from './table-grid';

/** How many cells past the format's a row is read for, to see that it prints more (bounded work). */
const MAX_EXTRA_CELLS = 8;

/** Why a row of running text is not read: more cells than columns. */
const textMisfit = (row: string, found: number, expected: number): Misfit & { row: string } => ({
  row,
  reason: `在下一行名之前有 ${found} 格，表头只有 ${expected} 列`,
  reasonEn: `${found} cells before the next row label, for ${expected} columns`,
});

/** A stretch of the source lines: one part of the report. */
export interface Region {
  lines: SourceLine[];
  /** Where the part starts, for findings about something missing in it. */
  at: string;
}

/** Reads the rows of one table by their labels; `labels` are every label the table prints (where a row's cells end). */
export class TableReader {
  private cursor = 0;
  private readonly labels: Set<string>;
  /** Numbers with decimals as printed, by pointer. */
  readonly written: Record<string, string> = {};

  private readonly region: Region;
  /** Lines read as a format label they print differently, by index: the label as printed. */
  private readonly printedAs = new Map<number, string>();
  /** Lines printed like a label that could not be matched to one row: they end a row's cells. */
  private readonly stops = new Set<number>();
  /** Per format label (normalised), the printed labels near it that could not be matched to it alone. */
  private readonly unsure = new Map<string, { printed: string; at: string; candidates: string[] }[]>();

  constructor(
    region: Region,
    labels: readonly string[],
    private readonly sink: TableSink,
  ) {
    this.labels = new Set(labels.map(norm));
    const lines = segment(region.lines, [...this.labels]);
    this.region = { ...region, lines };
    this.matchPrinted(lines, labels);
    this.grid = new TableGrid(lines);
  }

  /** The table's cells by their place in the source's grid (DOCX, HTML, a ruled PDF table). */
  private readonly grid: TableGrid;

  /**
   * Lines that print a label differently from the format (numbering, width, 行政 dropped, one
   * character off: label-match.ts) read as that label, when certain: the line is a row's label (its
   * numbers follow on the line or the next), it is near one label of the table only, the table does
   * not print that label as such, and no other line is as near to it. The others end a row's cells.
   */
  private matchPrinted(lines: Piece[], labels: readonly string[]): void {
    const match = matcher(labels);
    const exactly = new Set<string>();
    const hits: { index: number; printed: string; rest: string[]; labels: string[]; exact: boolean }[] = [];
    lines.forEach((line, index) => {
      const tokens = line.text.trim().split(/\s+/);
      if (this.labels.has(norm(line.text)) || this.labels.has(norm(tokens[0] ?? ''))) {
        exactly.add(this.labels.has(norm(line.text)) ? norm(line.text) : norm(tokens[0] ?? ''));
        return;
      }
      let cut = tokens.length;
      while (cut > 1 && isNumberLike({ text: tokens[cut - 1] as string, at: line.at })) cut -= 1;
      const printed = tokens.slice(0, cut).join('');
      const next = lines[index + 1];
      const rowLike = cut < tokens.length || (next !== undefined && (isNumberLike(next) || next.text.trim() === ''));
      if (!rowLike || !/[\u3400-\u9fff]/.test(printed) || printed.length > 80) return;
      const near = match(printed);
      if (near) hits.push({ index, printed, rest: tokens.slice(cut), labels: near.labels, exact: near.closeness === 'exact' });
    });
    // Per label, how many lines are near it exactly and how many nearly: counted once, not per line
    // (a table region may hold thousands of lines printed like a row).
    const nearBy = new Map<string, { exact: number; near: number }>();
    for (const hit of hits)
      for (const label of hit.labels) {
        const count = nearBy.get(label) ?? { exact: 0, near: 0 };
        if (hit.exact) count.exact += 1;
        else count.near += 1;
        nearBy.set(label, count);
      }
    for (const hit of hits) {
      const line = lines[hit.index] as Piece;
      const [label] = hit.labels;
      if (hit.labels.length === 1 && label !== undefined && exactly.has(norm(label))) continue;
      const count = nearBy.get(label as string) ?? { exact: 0, near: 0 };
      const rivals = hit.exact ? count.exact : count.near;
      const better = !hit.exact && count.exact > 0;
      if (hit.labels.length === 1 && label !== undefined && rivals === 1 && !better) {
        lines[hit.index] = { ...line, text: [label, ...hit.rest].join(' ') };
        this.printedAs.set(hit.index, hit.printed);
        continue;
      }
      this.stops.add(hit.index);
      if (better) continue;
      for (const candidate of hit.labels) {
        const list = this.unsure.get(norm(candidate)) ?? [];
        list.push({ printed: hit.printed, at: line.at, candidates: hit.labels });
        this.unsure.set(norm(candidate), list);
      }
    }
  }

  /** The table's lines, a line of labels and numbers run together cut into pieces. */
  get lines(): readonly Piece[] {
    return this.region.lines;
  }

  /**
   * The numbers after the row label `label`, one per cell pointer in `cellPointers` (where each value
   * goes in the report data); null for each that is missing or unreadable. `pointer` is the row's.
   * `columns`: the format's labels of the row's columns as the table's header prints them, to place
   * a table's cells by the header's grid (table-grid.ts); a row whose cells cannot be placed so, or
   * whose count differs from the columns', is null, never shifted.
   */
  row(label: string, pointer: string, cellPointers: readonly string[] = [pointer], columns: readonly string[] = []): (number | null)[] {
    const count = cellPointers.length;
    const { lines } = this.region;
    const found = this.find(norm(label));
    if (found === undefined) {
      const unsure = this.unsure.get(norm(label));
      for (const near of unsure ?? []) {
        const candidates = near.candidates.map((c) => `“${c}”`).join('、');
        this.sink.findings.push(finding('RPT4022', near.at, pointer, { printed: near.printed, row: label, candidates }));
      }
      if (!unsure) this.sink.findings.push(finding('RPT4003', this.region.at, pointer, { row: label }));
      return nulls(count);
    }
    const labelLine = lines[found.index] as Piece;
    const printed = this.printedAs.get(found.index);
    if (printed !== undefined) {
      this.sink.findings.push(finding('RPT4021', labelLine.at, pointer, { printed, row: label }));
    }
    this.cursor = found.index + 1;
    if (labelLine.cell && found.inline.length === 0) {
      // A table cell: its row's cells are placed by the header's columns, never counted off in order.
      const placed = this.grid.place(labelLine, columns, count);
      if ('why' in placed) {
        this.sink.findings.push(finding('RPT4026', labelLine.at, pointer, { row: label, ...placed.why }));
        return nulls(count);
      }
      return placed.cells.map((cell, i) => this.readCell(cell, cellPointers[i] as string, label));
    }
    let cells = [...found.inline, ...this.cellsAfter(count)];
    // A row of text with no number and exactly as many empty cells as columns: a row printed blank.
    if (cells.length === 0 && count >= 2 && labelLine.blanksAfter?.length === count) cells = blankCells(labelLine);
    if (count > 1 && cells.length < count && cells.some((cell) => (cell as Piece).run)) {
      // The row's numbers printed without separators: which digits make which cell is certain only when each is one digit.
      const digits = cells.map((cell) => norm(cell.text)).join('');
      if (/^\d+$/.test(digits) && digits.length === count) {
        for (const cell of cellPointers) this.sink.origins[cell] = (cells[0] as SourceLine).at;
        return [...digits].map(Number);
      }
      this.sink.findings.push(finding('RPT4015', (cells[0] as SourceLine).at, pointer, { row: label, count: digits.length }));
      return nulls(count);
    }
    if (cells.length !== count) {
      // Fewer or more cells than columns: which number is in which column is not certain.
      const at = labelLine.at;
      if (cells.length < count) this.sink.findings.push(finding('RPT4004', at, pointer, { row: label, found: cells.length, expected: count }));
      else this.sink.findings.push(finding('RPT4026', at, pointer, textMisfit(label, cells.length, count)));
      return nulls(count);
    }
    return cells.map((cell, i) => this.readCell(cell, cellPointers[i] as string, label));
  }

  /**
   * The lines after the cursor that are the row's cells: up to the next label (or a line printed like
   * one), and, once `count` are taken, up to the first line that is no number or mark. A few more
   * than `count` are taken, so a row printing more cells than the format's is seen. Empty cells of
   * text (SourceLine.blanksAfter) are taken between two numbers only: before a row's first number or
   * after its last they may be empty label cells (a table's cells are placed by table-grid.ts).
   */
  private cellsAfter(count: number): SourceLine[] {
    const { lines } = this.region;
    const cells: SourceLine[] = [];
    while (this.cursor < lines.length && cells.length < count + MAX_EXTRA_CELLS) {
      const line = lines[this.cursor] as SourceLine;
      if (this.labels.has(norm(line.text)) || this.stops.has(this.cursor)) break;
      if (cells.length >= count && !isNumberLike(line)) break;
      cells.push(line);
      this.cursor += 1;
      const next = lines[this.cursor];
      if (next && isNumberLike(line) && isNumberLike(next) && !this.stops.has(this.cursor)) cells.push(...blankCells(line).slice(0, count + MAX_EXTRA_CELLS));
    }
    return cells;
  }

  /** Whether numbers follow the label `label` (a table laid out row by row): on its line, the next line, or in its table row. */
  hasNumbersAfter(label: string): boolean {
    const found = this.find(norm(label), 0);
    if (!found) return false;
    const line = this.region.lines[found.index] as SourceLine;
    // A table cell: a number in a cell of its row right of it (empty label cells may come first).
    if (line.cell && found.inline.length === 0) return this.grid.numberAfter(line);
    const next = this.region.lines[found.index + 1];
    return found.inline.length > 0 || (next !== undefined && isNumberLike(next));
  }

  /** One cell as a number: null when it cannot be read, 0 for a “none” mark (with a finding either way); a blank one is noted in the sink. */
  readCell(line: SourceLine, pointer: string, row: string): number | null {
    this.sink.origins[pointer] = line.at;
    const raw = line.text.trim();
    if (LOST.test(raw)) this.sink.lostCells[pointer] = raw;
    const text = norm(raw).replace(/[,，]/g, '');
    if (raw === '') {
      // One finding per blank stretch of the table, once all is read (blank-regions.ts).
      this.sink.blanks.push({ pointer, at: line.at });
      return this.sink.blankAsZero ? 0 : null;
    }
    if (NUMBERS.test(raw)) {
      // One cell printing several numbers: a merged cell over rows the format keeps apart.
      this.sink.findings.push(finding('RPT4017', line.at, pointer, { row, rows: raw.split(/\s+/).length }));
      return null;
    }
    if (NUMBER.test(text)) {
      if (text.includes('.')) this.written[pointer] = text;
      return Number(text);
    }
    if (NONE_MARK.test(text)) {
      this.sink.findings.push(finding('RPT4001', line.at, pointer, { written: raw }));
      return 0;
    }
    this.sink.findings.push(finding('RPT4002', line.at, pointer, { written: raw }));
    return null;
  }

  /** The label's line from the cursor on (else anywhere), and the cells printed on the same line after it. */
  private find(label: string, from = this.cursor): { index: number; inline: SourceLine[] } | undefined {
    const { lines } = this.region;
    const search = (start: number) => {
      for (let i = start; i < lines.length; i++) {
        const line = lines[i] as SourceLine;
        if (norm(line.text) === label) return { index: i, inline: [] };
        const [first, ...rest] = line.text.trim().split(/\s+/);
        if (rest.length > 0 && norm(first ?? '') === label) return { index: i, inline: rest.map((text) => ({ text, at: line.at })) };
      }
      return undefined;
    };
    return search(from) ?? search(0);
  }
}

/** The empty cells of text printed right after `line`, as blank cells. */
export const blankCells = (line: SourceLine): SourceLine[] => (line.blanksAfter ?? []).map((at) => ({ text: '', at }));

/** `cells` with the empty cells of text printed between two of them (never before the first or after the last). */
export const withBlanksBetween = (cells: readonly SourceLine[]): SourceLine[] =>
  cells.flatMap((cell, i) => (i < cells.length - 1 ? [cell, ...blankCells(cell)] : [cell]));

export const isNumberLike = (line: SourceLine) => {
  const text = norm(line.text).replace(/[,，]/g, '');
  return NUMBER.test(text) || NONE_MARK.test(text) || NUMBERS.test(line.text.trim());
};

/** Where a table's values and their sources go: the recogniser's findings, origins and lost cells. */
export interface TableSink {
  findings: Finding[];
  /** Where each value was read in the source, by pointer. */
  origins: Record<string, string>;
  /** The text of cells that lost characters to bad bytes, by pointer. */
  lostCells: Record<string, string>;
  /** The blank number cells read (empty, not 0), where they were printed. */
  blanks: BlankCell[];
  /** Read a blank cell as 0 (`report import --blank-as-zero`: the clerk confirms the report meant 0). */
  blankAsZero: boolean;
}

/** A blank number cell: its value's pointer and its place in the source. */
export interface BlankCell {
  pointer: string;
  at: string;
}

/** A table's data, and its numbers with decimals as printed, by pointer. */
export interface TableRead {
  data: Record<string, unknown>;
  written: Record<string, string>;
}
