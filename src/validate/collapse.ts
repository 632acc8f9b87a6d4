/**
 * One mistake, one diagnostic. A row left blank (every cell empty, "/", "—" or "无") is one error
 * naming the row and its columns, not one per cell; so are columns blank in every row of table 三, 四
 * or table 二's block of documents, table 二's single values all blank, and such a table all blank (one error with the count of cells); a table left empty is one error for
 * the table, not one per missing row. Runs over the structural diagnostics of a file and its loaded data.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { FormatLabels } from '../format/format';
import { rowPointer } from '../report/rows';

/** What clerks write in a cell that has nothing: nothing, a slash, a dash, 无. */
const BLANK = /^[\s\u3000]*(?:[/／]|[—–\-－]+|无|空)?[\s\u3000]*$/;
export const isBlankCell = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && BLANK.test(value));

/** The rows of tables 三 and 四, as a blank row's diagnostic names them. */
const rowsOf = ({ APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS }: FormatLabels) => [
  ...APPLICATION_ROWS.map((row) => ({
    path: row.path,
    table: '表三',
    tableEn: 'table 3',
    label: row.group ? `${row.group}${row.label}` : row.label,
    en: row.en,
    columns: APPLICANT_COLUMNS,
  })),
  ...CASE_ROWS.map((row) => ({ path: ['review_litigation', row.key], table: '表四', tableEn: 'table 4', label: row.label, en: row.en, columns: CASE_COLUMNS })),
];

const TABLES = [
  { key: 'proactive', zh: '表二（主动公开政府信息情况）', en: 'table 2 (proactive disclosure)' },
  { key: 'applications', zh: '表三（收到和处理政府信息公开申请情况）', en: 'table 3 (applications)' },
  { key: 'review_litigation', zh: '表四（行政复议、行政诉讼情况）', en: 'table 4 (review and litigation)' },
] as const;

function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

const within = (pointer: string | null, place: string) => pointer !== null && (pointer === place || pointer.startsWith(place + '/'));

/**
 * A table (or a block of one) whose blank cells are named together, as the checker's RPT4025 and the
 * import's RPT4023/RPT4024 name them: its rows and columns as the format gives them, where each cell
 * is, and what the whole is called. Defined once for both.
 */
export interface BlankGrid {
  /** Where a message about the whole or its columns stands. */
  pointer: string;
  table: string;
  tableEn: string;
  whole: { zh: string; en: string };
  rows: readonly { path: readonly string[]; label: string; en: string }[];
  columns: readonly { label: string; en: string }[];
  /** The path of a cell: a row's list index, or a document row's column key; a single value is its row. */
  cell: (row: readonly string[], column: number) => string[];
}

/** Table 二's items 20(5), (6) and (8) (one value a row) all blank, as a message names them. */
const SINGLE_VALUES_WHOLE = { zh: '第二十条第（五）（六）（八）项各格', en: 'every cell of items 20(5), (6) and (8)' };

/** The grids of tables 二 (its block of documents, its single values), 三 and 四. */
export function blankGrids(labels: FormatLabels): BlankGrid[] {
  const whole = { zh: '全表', en: 'the whole table' };
  const rows = (table: string) => rowsOf(labels).filter((row) => row.path[0] === table);
  const { DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS } = labels;
  return [
    {
      // Table 二's block of documents: its pointer is its first row's.
      pointer: `/proactive/${DOCUMENT_ROWS[0]?.key}`,
      table: '表二',
      tableEn: 'table 2',
      whole: { zh: `${DOCUMENT_BLOCK_ITEM}各格`, en: `every cell of ${DOCUMENT_BLOCK_ITEM}` },
      rows: DOCUMENT_ROWS.map((row) => ({ path: ['proactive', row.key], label: row.label, en: row.en })),
      columns: DOCUMENT_COUNT_COLUMNS,
      cell: (row, c) => [...row, DOCUMENT_COUNT_COLUMNS[c]?.key as string],
    },
    {
      // Table 二's single values (许可, 处罚, 强制, 收费): one column, so blank only as a whole.
      pointer: '/proactive',
      table: '表二',
      tableEn: 'table 2',
      whole: SINGLE_VALUES_WHOLE,
      rows: SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows.map((row) => ({ path: ['proactive', row.key], label: row.label, en: row.en }))),
      columns: [{ label: '数量', en: 'value' }],
      cell: (row) => [...row],
    },
    {
      pointer: '/applications',
      table: '表三',
      tableEn: 'table 3',
      whole,
      rows: rows('applications'),
      columns: labels.APPLICANT_COLUMNS,
      cell: (row, c) => [...row, String(c)],
    },
    {
      pointer: '/review_litigation',
      table: '表四',
      tableEn: 'table 4',
      whole,
      rows: rows('review_litigation'),
      columns: labels.CASE_COLUMNS,
      cell: (row, c) => [...row, String(c)],
    },
  ];
}

/** How a message names the blank stretch of a grid: the whole, or its columns (“商业企业”“科研机构”2 列). */
export function blankRegion(grid: BlankGrid, columns: readonly number[] | 'whole'): { region: string; regionEn: string } {
  if (columns === 'whole') return { region: grid.whole.zh, regionEn: grid.whole.en };
  const names = columns.map((c) => grid.columns[c] as BlankGrid['columns'][number]);
  return {
    region: `${names.map((n) => `“${n.label}”`).join('')}${names.length} 列`,
    regionEn: `column${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n.en}"`).join(', ')}`,
  };
}

/**
 * A table (三, 四, table 二's block of documents or its single values) with every cell blank, or with
 * columns blank in every row: one RPT4025 naming them and their count of cells, for the cells' RPT2006.
 */
function collapseBlankColumns(labels: FormatLabels, data: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  let out = diagnostics;
  for (const grid of blankGrids(labels)) {
    const rows = grid.rows.map((row) => row.path);
    // Every row written out in full (a list of all its cells, a mapping, or a row's one value): a cell left out is not blank.
    const full = (value: unknown) =>
      grid.columns.length === 1
        ? value !== undefined
        : Array.isArray(value)
          ? value.length === grid.columns.length
          : value !== null && typeof value === 'object';
    if (rows.length < 2 || !rows.every((row) => full(valueAt(data, row)))) continue;
    const blankAt = (row: readonly string[], c: number) => {
      const value = valueAt(data, grid.cell(row, c));
      return value !== undefined && isBlankCell(value);
    };
    const blank = grid.columns.map((_, c) => c).filter((c) => rows.every((row) => blankAt(row, c)));
    if (blank.length === 0) continue;
    const cells = new Set(blank.flatMap((c) => rows.map((row) => rowPointer(grid.cell(row, c)))));
    const whole = blank.length === grid.columns.length;
    const diagnostic = makeDiagnostic('RPT4025', grid.pointer, {
      table: grid.table,
      tableEn: grid.tableEn,
      ...blankRegion(grid, whole ? 'whole' : blank),
      count: cells.size,
    });
    const rowPointers = rows.map((row) => rowPointer(row));
    const inside = (d: Diagnostic) => d.pointer !== null && (cells.has(d.pointer) || (whole && rowPointers.some((row) => within(d.pointer, row))));
    const first = out.findIndex(inside);
    if (first < 0) continue;
    out = [...out.slice(0, first).filter((d) => !inside(d)), diagnostic, ...out.slice(first).filter((d) => !inside(d))];
  }
  return out;
}

/** Replaces the per-cell and per-row diagnostics of blank rows, blank columns and empty tables (of `labels`' rows) by one each. */
export function collapseBlanks(labels: FormatLabels, data: unknown, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  let out = collapseBlankColumns(labels, data, [...diagnostics]);
  const replace = (place: string, diagnostic: Diagnostic, alsoParentMissing: boolean) => {
    const inside = (d: Diagnostic) => within(d.pointer, place) || (alsoParentMissing && d.code === 'RPT2001' && d.pointer === place);
    if (!out.some(inside)) return;
    const first = out.findIndex(inside);
    out = [...out.slice(0, first).filter((d) => !inside(d)), diagnostic, ...out.slice(first).filter((d) => !inside(d))];
  };
  for (const table of TABLES) {
    const value = valueAt(data, [table.key]);
    const empty = isBlankCell(value) || (value !== null && typeof value === 'object' && Object.keys(value).length === 0);
    if (value !== undefined && empty) replace(`/${table.key}`, makeDiagnostic('RPT2016', `/${table.key}`, { table: table.zh, tableEn: table.en }), true);
  }
  for (const row of rowsOf(labels)) {
    const value = valueAt(data, row.path);
    const blank = value !== undefined && (isBlankCell(value) || (Array.isArray(value) && value.every(isBlankCell)));
    if (!blank) continue;
    replace(
      rowPointer(row.path),
      makeDiagnostic('RPT2015', rowPointer(row.path), {
        table: row.table,
        tableEn: row.tableEn,
        row: row.label,
        rowEn: row.en,
        columns: row.columns.map((c) => c.label).join('、'),
        columnsEn: row.columns.map((c) => c.en).join(', '),
        zeros: `[${row.columns.map(() => '0').join(', ')}]`,
      }),
      false,
    );
  }
  return out;
}
