/**
 * Stage 3 (model): the height of each row of a table grid from the lines of its cells, one rule for
 * the model (which sizes columns so that a table fits its page) and the PDF (which draws the rows).
 * Pure.
 */

export interface RowCell {
  row: number;
  rowSpan: number;
  /** Height of the cell's text (lines × line height). */
  textPt: number;
}

/**
 * Every row at least `minimumPt`; single-row cells first, then spans from short to long, each
 * stretching the last row it covers when its text needs more than its rows give.
 */
export function rowHeights(rowCount: number, cells: readonly RowCell[], minimumPt: number, paddingPt: number): number[] {
  const heights = Array.from({ length: rowCount }, () => minimumPt);
  for (const cell of [...cells].sort((a, b) => a.rowSpan - b.rowSpan)) {
    const need = cell.textPt + 2 * paddingPt;
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
    const last = cell.row + cell.rowSpan - 1;
    if (need > have) heights[last] = (heights[last] ?? minimumPt) + need - have;
  }
  return heights;
}
