/**
 * One fact, one finding: the blank number cells of a published report (empty, not 0) grouped into
 * the stretches a reader sees — a whole table, columns blank in every row, a row blank in every
 * column — each one finding naming the stretch and its count of cells; a blank cell alone is one
 * finding of its own. Left null (RPT4023, RPT4018), or read as 0 when the clerk confirms that the
 * report meant 0 by them (`--blank-as-zero`, RPT4024). Pure.
 */
import type { BlankRegionParams } from '../diagnostics/catalog';
import type { FormatLabels } from '../format/format';
import { rowPointer } from '../report/rows';
import { blankGrids, blankRegion, type BlankGrid } from '../validate/collapse';
import { finding, type Finding } from './findings';
import type { BlankCell } from './table-reader';

/**
 * The findings of the blank cells read: one per blank stretch of a table, one per blank cell alone.
 * `read`: the pointers of the cells read from the source (a row the source lacks is no blank row).
 */
export function blankFindings(labels: FormatLabels, blanks: readonly BlankCell[], read: Readonly<Record<string, string>>, asZero: boolean): Finding[] {
  const atOf = new Map(blanks.map((b) => [b.pointer, b.at]));
  const left = new Set(atOf.keys());
  const findings: Finding[] = [];
  const region = (grid: BlankGrid, pointer: string, cells: string[], names: Pick<BlankRegionParams, 'region' | 'regionEn'>) => {
    for (const cell of cells) left.delete(cell);
    const params = { table: grid.table, tableEn: grid.tableEn, ...names, count: cells.length };
    const at = atOf.get(cells[0] as string) ?? '';
    findings.push(asZero ? finding('RPT4024', at, pointer, params, cells) : finding('RPT4023', at, pointer, params, cells));
  };
  for (const grid of blankGrids(labels)) {
    const printed = grid.rows
      .map((row) => ({ row, cells: grid.columns.map((_, c) => rowPointer(grid.cell(row.path, c))) }))
      .filter(({ cells }) => cells.some((cell) => cell in read));
    const rows = printed.map(({ cells }) => cells);
    const all = rows.flat();
    if (all.length >= 2 && rows.length === grid.rows.length && all.every((cell) => left.has(cell))) {
      region(grid, grid.pointer, all, blankRegion(grid, 'whole'));
      continue;
    }
    if (rows.length >= 2 && grid.columns.length >= 2) {
      const blankColumns = grid.columns.map((_, c) => c).filter((c) => rows.every((row) => left.has(row[c] as string)));
      if (blankColumns.length > 0)
        region(
          grid,
          grid.pointer,
          blankColumns.flatMap((c) => rows.map((row) => row[c] as string)),
          blankRegion(grid, blankColumns),
        );
    }
    rows.forEach((cells, r) => {
      const blank = cells.filter((cell) => left.has(cell));
      if (cells.length < 2 || blank.length !== cells.length) return;
      const { row } = printed[r] as (typeof printed)[number];
      region(grid, rowPointer(row.path), blank, { region: `“${row.label}”一行`, regionEn: `row "${row.en}"` });
    });
  }
  // A blank cell alone (or one outside the format's grid: a 2019 column).
  for (const pointer of left) {
    const at = atOf.get(pointer) ?? '';
    findings.push(
      asZero ? finding('RPT4024', at, pointer, { table: '', tableEn: '', region: '一格', regionEn: 'a cell', count: 1 }) : finding('RPT4018', at, pointer, {}),
    );
  }
  return findings;
}
