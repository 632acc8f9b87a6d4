/**
 * A table of the model as an HTML table: the grid's anchor cells with their rowspan/colspan, the
 * header rows in <thead> (repeated on every printed page), the body in row groups, every header
 * cell a <th> with its scope and an id, and every data cell naming its headers (WCAG H43), so a
 * screen reader announces 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 申请人情况 / 自然人 for
 * a number of table 三, not just the number.
 */
import type { Align, GridCell, TableBlock, TableGrid } from '../../model/types';
import { escapeHtml, textWithBreaks } from './escape';
import { LOOK, styleOf } from './look';

/** Ids in the page: `nb-` keeps them apart from a CMS page's own when the article is pasted. */
export const tableId = (table: TableBlock) => `nb-${table.id}`;
export const captionId = (table: TableBlock) => `nb-${table.id}-caption`;
const cellId = (table: TableBlock, cell: GridCell) => `nb-${table.id}-${cell.row}-${cell.col}`;

const ALIGN_CLASS: Record<Align, string | undefined> = { left: 'l', center: undefined, right: 'r', justify: 'j' };

/** What a reader on a narrow screen is told above a table wider than the screen (hidden where the browser sees it fits). */
export const SCROLL_HINT = '（表格较宽，可左右滑动查看各列）';

/** Cell padding in px for the `cellpadding` attribute (the stylesheet's padding wins where it is kept). */
const CELL_PADDING_PX = 4;

/** A column's width in percent of the table: at most three decimals, so the output never depends on float printing. */
export const columnPercent = (grid: TableGrid, c: number) => String(Number(((grid.columns[c]?.widthFraction ?? 0) * 100).toFixed(3)));

/** The anchor cell covering each grid slot, row by row. */
function slotsOf(grid: TableGrid): (GridCell | undefined)[][] {
  const slots: (GridCell | undefined)[][] = Array.from({ length: grid.rowCount }, () => new Array<GridCell | undefined>(grid.columns.length));
  for (const cell of grid.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const row = slots[r];
        if (row) row[c] = cell;
      }
    }
  }
  return slots;
}

/** The rows of the table's head: the model's header rows, or for a table without (表二) the leading rows made of header cells only. */
function headRowCount(grid: TableGrid, slots: (GridCell | undefined)[][]): number {
  if (grid.headerRows > 0) return grid.headerRows;
  let rows = 0;
  while (rows < grid.rowCount && allHeaders(slots[rows])) rows++;
  return rows === grid.rowCount ? 0 : rows;
}

const allHeaders = (row: (GridCell | undefined)[] | undefined) => row !== undefined && row.every((cell) => cell?.header === true);

/**
 * The body's row groups (<tbody>): a new group where header rows follow data (表二's 第二十条 items),
 * and around a row label in the first column that spans several rows (表三's 三、本年度办理结果).
 */
function bodyGroups(grid: TableGrid, slots: (GridCell | undefined)[][], head: number): [number, number][] {
  const starts = new Set<number>([head]);
  for (let r = head + 1; r < grid.rowCount; r++) if (allHeaders(slots[r]) && !allHeaders(slots[r - 1])) starts.add(r);
  for (const cell of grid.cells) {
    if (cell.header && cell.scope === 'row' && cell.col === 0 && cell.rowSpan > 1 && cell.row >= head) {
      starts.add(cell.row);
      starts.add(cell.row + cell.rowSpan);
    }
  }
  const sorted = [...starts].filter((r) => r < grid.rowCount).sort((a, b) => a - b);
  return sorted.map((start, i) => [start, sorted[i + 1] ?? grid.rowCount]);
}

/**
 * The column groups (<colgroup>): the columns split wherever a column header spanning several (but
 * not all) columns begins or ends — 表三's label block, 自然人, 法人或其他组织, 总计; 表四's 行政复议
 * and the two 行政诉讼 groups. Each group as [first column, end).
 */
export function columnGroups(grid: TableGrid): [number, number][] {
  const n = grid.columns.length;
  const bounds = new Set<number>([0, n]);
  for (const cell of grid.cells) {
    if (cell.header && cell.scope === 'column' && cell.colSpan > 1 && cell.colSpan < n) bounds.add(cell.col).add(cell.col + cell.colSpan);
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((start, i) => [start, sorted[i + 1] ?? n]);
}

/**
 * A header that is the whole of its row group (三、本年度办理结果) or of its column group (法人或其他组织,
 * 行政复议) labels the group; the others label their rows or columns, all those they span.
 */
function scopeOf(cell: GridCell, rows: [number, number][], columns: [number, number][]): string {
  const whole = (groups: [number, number][], start: number, span: number) => span > 1 && groups.some(([first, end]) => first === start && end === start + span);
  if (cell.scope === 'row') return cell.col === 0 && whole(rows, cell.row, cell.rowSpan) ? 'rowgroup' : 'row';
  return whole(columns, cell.col, cell.colSpan) ? 'colgroup' : 'col';
}

/**
 * The header cells of a data cell: the row headers to its left, then the column headers above it
 * up to the nearest data above those (so a number of 表二's 第二十条第（六）项 is headed by its own
 * block's labels, not by those of the blocks above).
 */
function headersOf(cell: GridCell, slots: (GridCell | undefined)[][]): GridCell[] {
  const row: GridCell[] = [];
  for (let c = 0; c < cell.col; c++) {
    const left = slots[cell.row]?.[c];
    if (left?.header && left.scope === 'row' && !row.includes(left)) row.push(left);
  }
  const column: GridCell[] = [];
  for (let r = cell.row - 1; r >= 0; r--) {
    const above = new Set<GridCell>();
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
      const slot = slots[r]?.[c];
      if (slot) above.add(slot);
    }
    if ([...above].some((a) => !a.header)) {
      if (column.length > 0) break;
      continue;
    }
    for (const a of above) if (a.scope === 'column' && !column.includes(a)) column.push(a);
  }
  return [...row, ...column.reverse()];
}

function cellHtml(
  table: TableBlock,
  cell: GridCell,
  slots: (GridCell | undefined)[][],
  groups: [number, number][],
  columns: [number, number][],
  inline: boolean,
): string {
  const attrs: string[] = [];
  const classes = [ALIGN_CLASS[cell.align], cell.header ? undefined : 'num'].filter(Boolean);
  if (cell.header) attrs.push(`id="${cellId(table, cell)}"`, `scope="${scopeOf(cell, groups, columns)}"`);
  else {
    const headers = headersOf(cell, slots);
    if (headers.length > 0) attrs.push(`headers="${headers.map((h) => cellId(table, h)).join(' ')}"`);
  }
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (classes.length > 0) attrs.push(`class="${classes.join(' ')}"`);
  const tag = cell.header ? 'th' : 'td';
  const style = styleOf(inline, LOOK.cell, cell.header ? LOOK.th : LOOK.num, cell.align === 'center' ? '' : `text-align: ${cell.align};`);
  return `<${[tag, ...attrs].join(' ')}${style}>${textWithBreaks(cell.text)}</${tag}>`;
}

/**
 * The table in its scrolling wrapper: a named, focusable region, so a keyboard can scroll it on a phone.
 * With `inline` (a fragment) every element carries its look in its `style` attribute, and the table its
 * `border`, `cellpadding` and `cellspacing` (obsolete in HTML5, so not on the page), which still draw the
 * rules where a CMS strips styles too.
 */
export function tableHtml(table: TableBlock, inline = false): string {
  const { grid } = table;
  const slots = slotsOf(grid);
  const head = headRowCount(grid, slots);
  const groups = bodyGroups(grid, slots, head);
  const columns = columnGroups(grid);
  const byRow = Array.from({ length: grid.rowCount }, (): GridCell[] => []);
  for (const cell of grid.cells) byRow[cell.row]?.push(cell);
  const rows = (start: number, end: number) =>
    byRow
      .slice(start, end)
      .map(
        (cells) =>
          `<tr>${[...cells]
            .sort((a, b) => a.col - b.col)
            .map((cell) => cellHtml(table, cell, slots, groups, columns, inline))
            .join('')}</tr>`,
      )
      .join('\n');
  const col = (c: number) => `<col${styleOf(inline, `width: ${columnPercent(grid, c)}%;`)}>`;
  return [
    `<section class="table-scroll${grid.keepTogether ? ' keep' : ''}${grid.landscape ? ' turned' : ''}" aria-labelledby="${captionId(table)}" tabindex="0"${styleOf(inline, LOOK.scroll)}>`,
    `<table id="${tableId(table)}"${inline ? ` border="1" cellpadding="${CELL_PADDING_PX}" cellspacing="0"` : ''}${styleOf(inline, LOOK.table)}>`,
    `<caption id="${captionId(table)}"${styleOf(inline, LOOK.caption)}><span>${escapeHtml(table.summary)}<span class="nb-hint" aria-hidden="true">${SCROLL_HINT}</span></span></caption>`,
    columns.map(([start, end]) => `<colgroup>${Array.from({ length: end - start }, (_, i) => col(start + i)).join('')}</colgroup>`).join(''),
    ...(head > 0 ? ['<thead>', rows(0, head), '</thead>'] : []),
    ...groups.flatMap(([start, end]) => ['<tbody>', rows(start, end), '</tbody>']),
    '</table>',
    '</section>',
  ].join('\n');
}
