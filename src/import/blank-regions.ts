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
import { SINGLE_VALUES_WHOLE } from '../validate/collapse';
import { finding, type Finding } from './findings';
import type { BlankCell } from './table-reader';

/** A table (or a block of one) as rows × columns of cell pointers, and the pointer of the whole. */
interface CellGrid {
  table: string;
  tableEn: string;
  pointer: string;
  /** What the whole grid is called in a message (全表, or the block's item). */
  whole: { zh: string; en: string };
  rows: { pointer: string; label: string; en: string }[];
  columns: { label: string; en: string }[];
  cell: (row: number, column: number) => string;
}

/** The grids of tables 二, 三 and 四 in the format's rows and columns. */
function gridsOf(labels: FormatLabels): CellGrid[] {
  const { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS } =
    labels;
  const whole = { zh: '全表', en: 'the whole table' };
  const singles = SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows.map((row) => ({ ...row, valueLabel: block.valueLabel })));
  const documentRows = DOCUMENT_ROWS.map((row) => ({ pointer: `/proactive/${row.key}`, label: row.label, en: row.en }));
  return [
    {
      table: '表二',
      tableEn: 'table 二',
      // The block's first row: where the checker's diagnostic about it is too (validate/collapse.ts).
      pointer: documentRows[0]?.pointer ?? '/proactive',
      whole: { zh: `${DOCUMENT_BLOCK_ITEM}各格`, en: `every cell of ${DOCUMENT_BLOCK_ITEM}` },
      rows: documentRows,
      columns: [...DOCUMENT_COUNT_COLUMNS],
      cell: (r, c) => `${documentRows[r]?.pointer}/${DOCUMENT_COUNT_COLUMNS[c]?.key}`,
    },
    {
      table: '表二',
      tableEn: 'table 二',
      pointer: '/proactive',
      whole: SINGLE_VALUES_WHOLE,
      rows: singles.map((row) => ({ pointer: `/proactive/${row.key}`, label: row.label, en: row.en })),
      columns: [{ label: '数量', en: 'value' }],
      cell: (r) => `/proactive/${singles[r]?.key}`,
    },
    {
      table: '表三',
      tableEn: 'table 三',
      pointer: '/applications',
      whole,
      rows: APPLICATION_ROWS.map((row) => ({ pointer: rowPointer(row.path), label: row.group ? `${row.group}${row.label}` : row.label, en: row.en })),
      columns: [...APPLICANT_COLUMNS],
      cell: (r, c) => rowPointer((APPLICATION_ROWS[r] as (typeof APPLICATION_ROWS)[number]).path, c),
    },
    {
      table: '表四',
      tableEn: 'table 四',
      pointer: '/review_litigation',
      whole,
      rows: CASE_ROWS.map((row) => ({ pointer: `/review_litigation/${row.key}`, label: row.label, en: row.en })),
      columns: [...CASE_COLUMNS],
      cell: (r, c) => `/review_litigation/${CASE_ROWS[r]?.key}/${c}`,
    },
  ];
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join('');
const quotedEn = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * The findings of the blank cells read: one per blank stretch of a table, one per blank cell alone.
 * `read`: the pointers of the cells read from the source (a row the source lacks is no blank row).
 */
export function blankFindings(labels: FormatLabels, blanks: readonly BlankCell[], read: Readonly<Record<string, string>>, asZero: boolean): Finding[] {
  const atOf = new Map(blanks.map((b) => [b.pointer, b.at]));
  const left = new Set(atOf.keys());
  const findings: Finding[] = [];
  const region = (grid: CellGrid, pointer: string, cells: string[], names: Pick<BlankRegionParams, 'region' | 'regionEn'>) => {
    for (const cell of cells) left.delete(cell);
    const params = { table: grid.table, tableEn: grid.tableEn, ...names, count: cells.length };
    const at = atOf.get(cells[0] as string) ?? '';
    findings.push(asZero ? finding('RPT4024', at, pointer, params, cells) : finding('RPT4023', at, pointer, params, cells));
  };
  for (const grid of gridsOf(labels)) {
    const printed = grid.rows
      .map((row, r) => ({ row, cells: grid.columns.map((_, c) => grid.cell(r, c)) }))
      .filter(({ cells }) => cells.some((cell) => cell in read));
    const rows = printed.map(({ cells }) => cells);
    const all = rows.flat();
    if (all.length >= 2 && rows.length === grid.rows.length && all.every((cell) => left.has(cell))) {
      region(grid, grid.pointer, all, { region: grid.whole.zh, regionEn: grid.whole.en });
      continue;
    }
    if (rows.length >= 2 && grid.columns.length >= 2) {
      const blankColumns = grid.columns.map((_, c) => c).filter((c) => rows.every((row) => left.has(row[c] as string)));
      if (blankColumns.length > 0) {
        const names = blankColumns.map((c) => grid.columns[c] as CellGrid['columns'][number]);
        region(
          grid,
          grid.pointer,
          blankColumns.flatMap((c) => rows.map((row) => row[c] as string)),
          {
            region: `${quoted(names.map((n) => n.label))}${names.length} 列`,
            regionEn: `column${names.length > 1 ? 's' : ''} ${quotedEn(names.map((n) => n.en))}`,
          },
        );
      }
    }
    rows.forEach((cells, r) => {
      const blank = cells.filter((cell) => left.has(cell));
      if (cells.length < 2 || blank.length !== cells.length) return;
      const { row } = printed[r] as (typeof printed)[number];
      region(grid, row.pointer, blank, { region: `“${row.label}”一行`, regionEn: `row "${row.en}"` });
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
