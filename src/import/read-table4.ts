/** Table 四 (review and litigation) by the format's labels, laid out side by side or row by row. */
import type { FormatLabels } from '../format/format';
import { finding } from './findings';
import { indexes, listCells, norm, nulls } from './line-text';
import type { SourceLine } from './reader';
import type { Piece } from './segment';
import { blankCells, isNumberLike, TableReader, withBlanksBetween, type Region, type TableSink } from './table-reader';

/**
 * Table 四 is printed with its rows side by side (行政复议 | 行政诉讼: 未经复议直接起诉 | 复议后起诉): copied
 * as text, its 15 numbers come after all the labels, in that order. A table laid out row by row
 * (label, then its numbers) is read by labels.
 */
export function readTable4(labels: FormatLabels, region: Region, sink: TableSink): Record<string, unknown> {
  const { CASE_COLUMNS, CASE_ROWS, LITIGATION_LABEL } = labels;
  const width = CASE_COLUMNS.length;
  const table = new TableReader(region, [LITIGATION_LABEL, ...CASE_COLUMNS.map((c) => c.label), ...CASE_ROWS.map((r) => r.label)], sink);
  if (CASE_ROWS.some((row) => table.hasNumbersAfter(row.label))) {
    return Object.fromEntries(
      CASE_ROWS.map((row) => [
        row.key,
        table.row(
          row.label,
          `/review_litigation/${row.key}`,
          listCells(`/review_litigation/${row.key}`, width),
          CASE_COLUMNS.map((c) => c.label),
        ),
      ]),
    );
  }
  const lines = table.lines;
  let start = lines.length;
  while (start > 0 && isNumberLike(lines[start - 1] as SourceLine)) start -= 1;
  const wanted = width * CASE_ROWS.length;
  // Text: the empty cells between the numbers are cells; a table printed blank is its 15 empty cells after the labels.
  let cells: readonly SourceLine[] = withBlanksBetween(lines.slice(start));
  const before = lines[start - 1];
  if (cells.length === 0 && before?.blanksAfter?.length === wanted) cells = blankCells(before);
  const last = lines.at(-1)?.cell;
  if (last) {
    // A table's cells: the data row is the table's last row, its cells (blank ones too) placed by their columns.
    const row = lines.filter((line) => line.cell?.table === last.table && line.cell.row === last.row);
    if (row.every((line, i) => (line.cell?.col ?? -1) >= 0 && (i === 0 || (line.cell?.col ?? -1) > (row[i - 1]?.cell?.col ?? Infinity)))) cells = row;
  }
  const [run] = cells;
  if (cells.length === 1 && run && (run as Piece).run) {
    // The 15 numbers run together: certain only when each is one digit.
    const digits = norm(run.text);
    if (digits.length !== wanted) {
      sink.findings.push(finding('RPT4015', run.at, '/review_litigation', { row: LITIGATION_LABEL, count: digits.length }));
      return Object.fromEntries(CASE_ROWS.map((row) => [row.key, nulls(width)]));
    }
    cells = [...digits].map((digit) => ({ text: digit, at: run.at }));
  }
  if (cells.length !== wanted) {
    sink.findings.push(finding('RPT4016', cells[0]?.at ?? region.at, '/review_litigation', { found: cells.length, expected: wanted }));
    return Object.fromEntries(CASE_ROWS.map((row) => [row.key, nulls(width)]));
  }
  const reader = new TableReader({ lines: [], at: region.at }, [], sink);
  return Object.fromEntries(
    CASE_ROWS.map((row, r) => [
      row.key,
      indexes(width).map((c) => reader.readCell(cells[r * width + c] as SourceLine, `/review_litigation/${row.key}/${c}`, row.label)),
    ]),
  );
}
