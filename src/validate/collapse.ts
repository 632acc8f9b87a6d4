/**
 * One mistake, one diagnostic. A row left blank (every cell empty, "/", "—" or "无") is one error
 * naming the row and its columns, not one per cell; so are columns blank in every row of table 三 or
 * 四, and a table all blank (one error with the count of cells); a table left empty is one error for
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
 * A table of rows × columns (三 or 四) with every cell blank, or with columns blank in every row:
 * one RPT4025 naming them and their count of cells, at the table, for the cells' RPT2006.
 */
function collapseBlankColumns(labels: FormatLabels, data: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  let out = diagnostics;
  const tables = [
    {
      key: 'applications',
      table: '表三',
      tableEn: 'table 3',
      rows: rowsOf(labels).filter((row) => row.path[0] === 'applications'),
      columns: labels.APPLICANT_COLUMNS,
    },
    {
      key: 'review_litigation',
      table: '表四',
      tableEn: 'table 4',
      rows: rowsOf(labels).filter((row) => row.path[0] === 'review_litigation'),
      columns: labels.CASE_COLUMNS,
    },
  ];
  for (const t of tables) {
    const values = t.rows.map((row) => valueAt(data, row.path));
    if (!values.every((value) => Array.isArray(value) && value.length === t.columns.length)) continue;
    const blank = t.columns.map((_, c) => c).filter((c) => values.every((value) => isBlankCell((value as unknown[])[c])));
    if (blank.length === 0 || t.rows.length < 2) continue;
    const cells = new Set(blank.flatMap((c) => t.rows.map((row) => rowPointer(row.path, c))));
    const whole = blank.length === t.columns.length;
    const names = blank.map((c) => t.columns[c] as (typeof t.columns)[number]);
    const diagnostic = makeDiagnostic('RPT4025', `/${t.key}`, {
      table: t.table,
      tableEn: t.tableEn,
      region: whole ? '全表' : `${names.map((n) => `“${n.label}”`).join('')}${names.length} 列`,
      regionEn: whole ? 'the whole table' : `column${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n.en}"`).join(', ')}`,
      count: cells.size,
    });
    const inside = (d: Diagnostic) => d.pointer !== null && (cells.has(d.pointer) || (whole && within(d.pointer, `/${t.key}`)));
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
