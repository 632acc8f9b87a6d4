/**
 * A table's cells placed by the source's grid. The cells of a DOCX or HTML table (grid columns,
 * spans counted) and of a ruled PDF table (columns by the x of their borders) carry their row and
 * column (SourceLine.cell). A row's numbers are the cells of its label's row that stand under the
 * header's columns: the label columns' cells — empty ones too — are never taken for numbers, and a
 * row whose cells do not fall one to a column is not read (never read shifted). Pure.
 */
import { NONE_MARK, norm, NUMBER } from './line-text';
import type { SourceLine } from './reader';

/** Why a row's cells cannot be placed in the format's columns, for its finding (RPT4026). */
export interface Misfit {
  reason: string;
  reasonEn: string;
}

/** The longest text of a header cell looked for (the format's column labels are shorter). */
const MAX_HEADER_LENGTH = 30;

type GridLine = SourceLine & { cell: NonNullable<SourceLine['cell']> };

const isGridLine = (line: SourceLine): line is GridLine => line.cell !== undefined;
const holdsNumber = (text: string) => NUMBER.test(norm(text).replace(/[,，]/g, '')) || NONE_MARK.test(norm(text));
const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const misfit = (reason: string, reasonEn: string) => ({ why: { reason, reasonEn } });

export class TableGrid {
  /** The cells of each source row, by "table:row". */
  private readonly rows = new Map<string, GridLine[]>();
  /** The cells of each source table by their text (normalised; short texts only: a header's), by "table:text". */
  private readonly byText = new Map<string, GridLine[]>();
  /** Per source table, the leftmost column holding a number: the columns left of it hold labels. */
  private readonly firstNumberColumn = new Map<number, number>();

  constructor(lines: readonly SourceLine[]) {
    for (const line of lines) {
      if (!isGridLine(line)) continue;
      const { table, row, col } = line.cell;
      push(this.rows, `${table}:${row}`, line);
      const text = norm(line.text);
      if (text.length <= MAX_HEADER_LENGTH) push(this.byText, `${table}:${text}`, line);
      if (col >= 0 && holdsNumber(line.text)) this.firstNumberColumn.set(table, Math.min(col, this.firstNumberColumn.get(table) ?? col));
    }
  }

  /**
   * The `count` cells of the label's row, in the order of `columns` (the format's column labels as
   * the header prints them). Placed by the header cells' grid columns when the header prints them
   * all, left to right; else the row's cells right of the label, less empty cells of the label
   * columns (left of the table's first number), must be exactly `count`. Otherwise why not.
   */
  place(label: SourceLine, columns: readonly string[], count: number): { cells: SourceLine[] } | { why: Misfit } {
    if (!isGridLine(label)) return misfit('行名不在表格中', 'the row label is not in a table');
    const { table, row, col } = label.cell;
    const after = (this.rows.get(`${table}:${row}`) ?? []).filter((cell) => cell.cell.col > col || cell.cell.col < 0);
    const unplaced = after.find((cell) => cell.cell.col < 0);
    if (unplaced) return misfit(`“${unplaced.text}”一格不在表格的任何一列中`, `the cell "${unplaced.text}" is in none of the table's columns`);
    const header = this.headerColumns(label, columns, count);
    if (!header) {
      // No header to place them by: the row's cells right of its label, less the label columns' empty
      // cells (left of the table's first number) that make them more than the columns.
      const firstNumber = this.firstNumberColumn.get(table) ?? Infinity;
      let start = 0;
      while (after.length - start > count && (after[start] as GridLine).text.trim() === '' && (after[start] as GridLine).cell.col < firstNumber) start += 1;
      const data = after.slice(start);
      if (data.length === count) return { cells: data };
      return misfit(
        `表头的列名没有找到，行名之后有 ${data.length} 格，应为 ${count} 格`,
        `no header names the columns, and ${data.length} cells follow the row label, not ${count}`,
      );
    }
    // Cells left of the header's first column are the label columns' (empty or not): never numbers.
    const data = after.filter((cell) => cell.cell.col >= (header[0] as number));
    const cells: SourceLine[] = [];
    for (const cell of data) {
      const i = header.indexOf(cell.cell.col);
      if (i < 0) return misfit(`“${cell.text}”一格不在表头任何一列之下`, `the cell "${cell.text}" is under none of the header's columns`);
      cells[i] = cell;
    }
    const missing = header.findIndex((_, i) => cells[i] === undefined);
    if (missing >= 0) return misfit(`表头“${columns[missing]}”一列之下没有这一行的格`, `the row has no cell under the header's "${columns[missing]}"`);
    return { cells };
  }

  /** Whether the first cell with text right of `label` in its row holds a number (not another label: a sub-row's). */
  numberAfter(label: SourceLine): boolean {
    if (!isGridLine(label)) return false;
    const { table, row, col } = label.cell;
    const next = (this.rows.get(`${table}:${row}`) ?? []).find((cell) => cell.cell.col > col && cell.text.trim() !== '');
    return next !== undefined && holdsNumber(next.text);
  }

  /** The grid columns of the header cells printing `columns`, nearest above the label's row; undefined unless all, left to right. */
  private headerColumns(label: GridLine, columns: readonly string[], count: number): number[] | undefined {
    if (columns.length !== count) return undefined;
    const found: number[] = [];
    for (const column of columns) {
      const named = (this.byText.get(`${label.cell.table}:${norm(column)}`) ?? []).filter((cell) => cell.cell.row < label.cell.row && cell.cell.col >= 0);
      const nearest = named.reduce<GridLine | undefined>((best, cell) => (best && best.cell.row >= cell.cell.row ? best : cell), undefined);
      if (!nearest) return undefined;
      found.push(nearest.cell.col);
    }
    return found.every((col, i) => i === 0 || col > (found[i - 1] as number)) ? found : undefined;
  }
}
