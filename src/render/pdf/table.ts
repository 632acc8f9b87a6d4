/**
 * Stage 4 (render/pdf): a table grid measured for the page: column edges from the model's
 * fractions, every cell's text set inside its cell, row heights that fit every cell (a spanning
 * cell stretches the last row it covers), and where the table may break between pages.
 */
import type { FontSet } from '../../fonts/font-set';
import { rowHeights as tableRowHeights } from '../../model/table-rows';
import type { GridCell, TableBlock } from '../../model/types';
import { CELL_LINE_HEIGHT, CELL_PADDING_PT, ROLE } from '../../format/page-standard';
import { setText, type MissingGlyph, type SetLine, type TextStyle } from './text';

/** Spans up to this many rows (（三）不予公开 has 8) keep their rows on one page; longer ones may break. */
const MAX_UNBROKEN_SPAN = 8;

export interface LaidCell {
  cell: GridCell;
  lines: SetLine[];
  /** The cell's style: the table's, or the numbers' size for a data cell. */
  style: TextStyle;
  lineHeight: number;
}

export interface TableLayout {
  table: TableBlock;
  style: TextStyle;
  lineHeight: number;
  /** x of each column edge, from the type area's left (columns + 1 values). */
  edges: number[];
  rowHeights: number[];
  cells: LaidCell[];
  /** breakBefore[r]: the table may continue on a new page before row r. */
  breakBefore: boolean[];
  missing: { cell: GridCell; glyph: MissingGlyph }[];
}

/** `widthPt`: the type area's width, or its height for a landscape table (TableGrid.landscape). */
export function layoutTable(fonts: FontSet, table: TableBlock, widthPt: number): TableLayout {
  const { grid } = table;
  const style: TextStyle = { role: ROLE.table, sizePt: grid.fontSizePt, trackingPt: 0 };
  const lineHeight = grid.fontSizePt * CELL_LINE_HEIGHT;
  const edges = [0];
  for (const column of grid.columns) edges.push((edges[edges.length - 1] ?? 0) + column.widthFraction * widthPt);
  const missing: TableLayout['missing'] = [];
  const cells = grid.cells.map((cell): LaidCell => {
    const inner = (edges[cell.col + cell.colSpan] ?? 0) - (edges[cell.col] ?? 0) - 2 * CELL_PADDING_PT.x;
    let cellStyle = cell.header ? style : { ...style, sizePt: grid.numberSizePt };
    let set = setText(fonts, cell.text, cellStyle, inner);
    // A number is never broken: should a face's digits be wider than the model allowed for, the
    // number is set smaller until it fits on one line.
    const natural = set.lines.reduce((sum, line) => sum + line.width, 0);
    if (!cell.header && set.lines.length > 1 && !cell.text.includes('\n')) {
      cellStyle = { ...cellStyle, sizePt: (cellStyle.sizePt * inner) / natural };
      set = setText(fonts, cell.text, cellStyle, inner + 0.01);
    }
    for (const glyph of set.missing) missing.push({ cell, glyph });
    return { cell, lines: set.lines, style: cellStyle, lineHeight: cellStyle.sizePt * CELL_LINE_HEIGHT };
  });
  const rows = cells.map(({ cell, lines, lineHeight: cellLine }) => ({ row: cell.row, rowSpan: cell.rowSpan, textPt: lines.length * cellLine }));
  const rowHeights = tableRowHeights(grid.rowCount, rows, lineHeight + 2 * CELL_PADDING_PT.y, CELL_PADDING_PT.y);
  // Never break before the last row: a continuation page shows at least two rows under its header.
  const breakBefore = Array.from({ length: grid.rowCount }, (_, r) => r > grid.headerRows && r < grid.rowCount - 1);
  for (const { cell } of cells) {
    if (cell.rowSpan > 1 && cell.rowSpan <= MAX_UNBROKEN_SPAN) for (let r = cell.row + 1; r < cell.row + cell.rowSpan; r++) breakBefore[r] = false;
  }
  return { table, style, lineHeight, edges, rowHeights, cells, breakBefore, missing };
}

/** Rows [from, to) as groups that must stay on one page (a group ends where a break is allowed). */
export function rowGroups(layout: TableLayout, from: number, to: number): [number, number][] {
  const groups: [number, number][] = [];
  let start = from;
  for (let r = from + 1; r <= to; r++) {
    if (r === to || layout.breakBefore[r]) {
      groups.push([start, r]);
      start = r;
    }
  }
  return groups;
}

export const rowsHeight = (layout: TableLayout, from: number, to: number) => layout.rowHeights.slice(from, to).reduce((a, b) => a + b, 0);
