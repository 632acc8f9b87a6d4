/**
 * Stage 3 (model): the three statistical tables as grids with explicit spans, built from the
 * report's format (its labels, table layout and page standard) (labels, order, merges of ../shared/TEMPLATE.md §3–5) and the report's numbers.
 */
import type { Format } from '../format/format';
import { rowAt } from '../report/rows';
import type { CheckedReport, Report } from '../report/types';
import { breakLabel, ems, SLACK_EMS, widestWordEms } from './cell-text';
import { rowHeights } from './table-rows';
import type { Align, GridCell, TableBlock, TableGrid } from './types';

/** Collects anchor cells row by row. */
class GridBuilder {
  readonly cells: GridCell[] = [];
  row = 0;

  add(col: number, text: string, options: { rowSpan?: number; colSpan?: number; align?: Align; header?: 'column' | 'row'; origin?: string } = {}): this {
    this.cells.push({
      row: this.row,
      col,
      rowSpan: options.rowSpan ?? 1,
      colSpan: options.colSpan ?? 1,
      text,
      align: options.align ?? 'center',
      header: options.header !== undefined,
      ...(options.header ? { scope: options.header } : {}),
      origin: options.origin ?? '',
    });
    return this;
  }

  next(): this {
    this.row++;
    return this;
  }
}

const count = (value: number) => String(value);
/** A part's heading without its number (一、), as a table's summary names it. */
const partTitle = (format: Format, part: 1 | 2 | 3) => format.labels.PART_HEADINGS[part].slice(2);

/** The room a cell's padding takes. */
const padding = (format: Format) => 2 * format.page.CELL_PADDING_PT.x;

/** Numbers are never set smaller than this: 8 pt still reads on paper; below it a figure is guessed at. */
export const MIN_NUMBER_PT = 8;

type GridRest = Pick<TableGrid, 'rowCount' | 'headerRows' | 'keepTogether' | 'cells'>;

/** The page a table is fitted to: the type area upright, or turned 90° (its height is then the table's width). */
interface Frame {
  landscape: boolean;
  widthPt: number;
  /** Height the whole table may take: one page under its one-line heading when it is kept together upright (or its height at the preferred widths, if more). */
  heightPt: number;
}

/**
 * Column widths (fractions of `widthPt`) at number size `numberPt`: every column at least its preferred width and at
 * least as wide as its widest number; what that adds is taken first from the label columns (down to
 * their widest unbreakable word, so labels wrap at their allowed points), then from number columns
 * wider than their numbers. Undefined when the numbers do not fit even so.
 */
function columnWidths(
  format: Format,
  fractions: readonly number[],
  fontSizePt: number,
  numberPt: number,
  rest: GridRest,
  widthPt: number,
): readonly number[] | undefined {
  const pad = padding(format);
  const preferred = fractions.map((f) => f * widthPt);
  const numbers = preferred.map(() => 0);
  const words = preferred.map(() => 0);
  const hasNumbers = preferred.map(() => false);
  for (const cell of rest.cells) {
    if (cell.colSpan !== 1) continue;
    if (cell.header) words[cell.col] = Math.max(words[cell.col] ?? 0, (widestWordEms(cell.text, format.layout.LABEL_BREAKS) + SLACK_EMS) * fontSizePt + pad);
    else {
      hasNumbers[cell.col] = true;
      numbers[cell.col] = Math.max(numbers[cell.col] ?? 0, (ems(cell.text) + SLACK_EMS) * numberPt + pad);
    }
  }
  // Nothing to change: the preferred fractions as they are (no float noise in the seed's widths).
  if (preferred.every((pt, c) => pt >= (numbers[c] ?? 0))) return fractions;
  const widths = preferred.map((pt, c) => Math.max(pt, numbers[c] ?? 0));
  let excess = widths.reduce((a, b) => a + b, 0) - widthPt;
  for (const givers of [false, true]) {
    const give = widths.map((w, c) => (hasNumbers[c] === givers ? Math.max(0, w - Math.max(numbers[c] ?? 0, words[c] ?? 0)) : 0));
    const total = give.reduce((a, b) => a + b, 0);
    if (excess <= LAYOUT_TOLERANCE_PT || total <= 0) continue;
    const take = Math.min(excess, total);
    give.forEach((g, c) => (widths[c] = (widths[c] ?? 0) - (g * take) / total));
    excess -= take;
  }
  if (excess > LAYOUT_TOLERANCE_PT) return undefined;
  // A number spanning columns (table 二's single values) must fit their sum.
  const span = (cell: GridCell) => widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const spansFit = rest.cells.every(
    (cell) => cell.header || cell.colSpan === 1 || (ems(cell.text) + SLACK_EMS) * numberPt + pad <= span(cell) + LAYOUT_TOLERANCE_PT,
  );
  return spansFit ? widths.map((pt) => pt / widthPt) : undefined;
}

/** Float noise allowed when widths are compared (as the PDF's fit.ts allows). */
const LAYOUT_TOLERANCE_PT = 0.01;

/** The grid at these widths: labels broken for their cells. */
function gridAt(format: Format, fractions: readonly number[], frame: Frame, fontSizePt: number, numberSizePt: number, rest: GridRest): TableGrid {
  const spanEms = (cell: GridCell) =>
    (fractions.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) * frame.widthPt - padding(format)) / fontSizePt;
  return {
    ...rest,
    columns: fractions.map((widthFraction) => ({ widthFraction })),
    ...(frame.landscape ? { landscape: true as const } : {}),
    fontSizePt,
    numberSizePt,
    cells: rest.cells.map((cell) => (cell.header ? { ...cell, text: breakLabel(cell.text, spanEms(cell), format.layout.LABEL_BREAKS) } : cell)),
  };
}

/** The grid's height as the PDF sets it: each cell's lines, rows stretched by spans (table-rows.ts). */
function gridHeight(format: Format, grid: TableGrid): number {
  const { CELL_LINE_HEIGHT, CELL_PADDING_PT } = format.page;
  const textPt = (cell: GridCell) => cell.text.split('\n').length * (cell.header ? grid.fontSizePt : grid.numberSizePt) * CELL_LINE_HEIGHT;
  const cells = grid.cells.map((cell) => ({ row: cell.row, rowSpan: cell.rowSpan, textPt: textPt(cell) }));
  return rowHeights(grid.rowCount, cells, grid.fontSizePt * CELL_LINE_HEIGHT + 2 * CELL_PADDING_PT.y, CELL_PADDING_PT.y).reduce((a, b) => a + b, 0);
}

/**
 * The grid with its columns sized and its labels broken: numbers at the table's size where the label
 * columns can give them the width (labels wrapping at their allowed points, a kept-together table
 * still on one page under its heading); otherwise numbers a half point smaller at a time, never
 * below MIN_NUMBER_PT; and when even that does not fit upright, the table turned to landscape, where
 * the same search starts again at the table's size. `preferred` gives the column widths (fractions)
 * the layout wants for a frame width: what the seed and small counts get unchanged.
 */
function fitGrid(format: Format, preferred: (widthPt: number) => readonly number[], fontSizePt: number, rest: GridRest): TableGrid {
  const { TYPE_AREA, LINE_PITCH_PT } = format.page;
  const upright: Frame = { landscape: false, widthPt: TYPE_AREA.widthPt, heightPt: Infinity };
  // A table its format makes taller than a page at the preferred widths runs on over pages anyway:
  // giving its labels less width may then not make it taller than that.
  const preferredHeight = gridHeight(format, gridAt(format, preferred(upright.widthPt), upright, fontSizePt, fontSizePt, rest));
  const frames: Frame[] = [
    { ...upright, heightPt: rest.keepTogether ? Math.max(TYPE_AREA.heightPt - LINE_PITCH_PT, preferredHeight) : Infinity },
    // Turned, a long table runs on over pages with its header rows repeated.
    { landscape: true, widthPt: TYPE_AREA.heightPt, heightPt: Infinity },
  ];
  for (const frame of frames) {
    for (let numberPt = fontSizePt; numberPt >= MIN_NUMBER_PT; numberPt -= 0.5) {
      const widths = columnWidths(format, preferred(frame.widthPt), fontSizePt, numberPt, rest, frame.widthPt);
      if (!widths) continue;
      const grid = gridAt(format, widths, frame, fontSizePt, numberPt, rest);
      if (gridHeight(format, grid) <= frame.heightPt + LAYOUT_TOLERANCE_PT) return grid;
    }
  }
  // Counts are at most MAX_COUNT (8 digits), which fit turned at MIN_NUMBER_PT; a format allowing
  // longer ones gets its numbers at MIN_NUMBER_PT all the same (the PDF sets one that still overflows smaller, table.ts).
  const frame = frames[1] as Frame;
  return gridAt(format, preferred(frame.widthPt), frame, fontSizePt, MIN_NUMBER_PT, rest);
}

/** 表二: 第二十条 items 一, 五, 六, 八 (4 grid columns, 14 rows). */
export function proactiveTable(report: CheckedReport, format: Format): TableBlock {
  const { CONTENT_LABEL, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, PROACTIVE_ITEMS, SINGLE_VALUE_BLOCKS } = format.labels;
  const { PROACTIVE_COLUMN_FRACTIONS, TABLE_SIZE_PT } = format.layout;
  const g = new GridBuilder();
  const p = report.proactive;
  g.add(0, DOCUMENT_BLOCK_ITEM, { colSpan: 4, header: 'column' }).next();
  g.add(0, CONTENT_LABEL, { header: 'column' });
  DOCUMENT_COUNT_COLUMNS.forEach((column, i) => g.add(i + 1, column.label, { header: 'column' }));
  g.next();
  for (const row of DOCUMENT_ROWS) {
    g.add(0, row.label, { header: 'row' });
    DOCUMENT_COUNT_COLUMNS.forEach((column, i) => g.add(i + 1, count(p[row.key][column.key]), { origin: `/proactive/${row.key}/${column.key}` }));
    g.next();
  }
  for (const block of SINGLE_VALUE_BLOCKS) {
    g.add(0, block.item, { colSpan: 4, header: 'column' }).next();
    g.add(0, CONTENT_LABEL, { header: 'column' }).add(1, block.valueLabel, { colSpan: 3, header: 'column' }).next();
    for (const row of block.rows) {
      const text = row.key === 'fees' ? p.fees_text : count(p[row.key]);
      g.add(0, row.label, { header: 'row' })
        .add(1, text, { colSpan: 3, origin: `/proactive/${row.key}` })
        .next();
    }
  }
  return {
    kind: 'table',
    id: 'proactive',
    summary: `${partTitle(format, 1)}：${PROACTIVE_ITEMS}`,
    grid: fitGrid(format, () => PROACTIVE_COLUMN_FRACTIONS, TABLE_SIZE_PT.proactive, { rowCount: g.row, headerRows: 0, keepTogether: true, cells: g.cells }),
    origin: '/proactive',
  };
}

/** Table 三's columns (fractions) in a frame `widthPt` wide: the label columns and the data columns at their set widths, the item column the rest. */
function applicationColumns(format: Format, widthPt: number): number[] {
  const { TABLE3_COLUMN_CHARS, TABLE_SIZE_PT } = format.layout;
  const { APPLICANT_COLUMNS } = format.labels;
  const pt = (chars: number) => (chars + SLACK_EMS) * TABLE_SIZE_PT.applications + padding(format);
  const results = pt(TABLE3_COLUMN_CHARS.results);
  const group = pt(TABLE3_COLUMN_CHARS.group);
  const data = pt(TABLE3_COLUMN_CHARS.data);
  const item = widthPt - results - group - APPLICANT_COLUMNS.length * data;
  return [results, group, item, ...APPLICANT_COLUMNS.map(() => data)].map((pt) => pt / widthPt);
}

/** 表三: applications (10 grid columns: 3 label + 7 data; 3 header rows + 25 data rows). */
export function applicationsTable(report: Report, format: Format): TableBlock {
  const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, RESULT_GROUPS, RESULTS_LABEL, TABLE3_APPLICANTS, TABLE3_CORNER, TABLE3_ORGANISATIONS } =
    format.labels;
  const g = new GridBuilder();
  const LABELS = 3;
  g.add(0, TABLE3_CORNER, { rowSpan: 3, colSpan: LABELS, header: 'column' });
  g.add(LABELS, TABLE3_APPLICANTS, { colSpan: APPLICANT_COLUMNS.length, header: 'column' }).next();
  const [natural, ...rest] = APPLICANT_COLUMNS;
  const organisations = rest.slice(0, -1);
  g.add(LABELS, natural?.label ?? '', { rowSpan: 2, header: 'column' });
  g.add(LABELS + 1, TABLE3_ORGANISATIONS, { colSpan: organisations.length, header: 'column' });
  g.add(LABELS + APPLICANT_TOTAL_INDEX, APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX].label, { rowSpan: 2, header: 'column' }).next();
  organisations.forEach((column, i) => g.add(LABELS + 1 + i, column.label, { header: 'column' }));
  g.next();

  const resultRows = APPLICATION_ROWS.filter((row) => row.kind === 'result' || row.kind === 'sub' || row.kind === 'total').length;
  let resultsLabelled = false;
  for (const row of APPLICATION_ROWS) {
    const pointer = '/' + row.path.join('/');
    if (row.kind === 'top') {
      g.add(0, row.label, { colSpan: LABELS, align: 'left', header: 'row', origin: pointer });
    } else {
      if (!resultsLabelled) {
        g.add(0, RESULTS_LABEL, { rowSpan: resultRows, header: 'row' });
        resultsLabelled = true;
      }
      if (row.kind === 'sub') {
        const group = RESULT_GROUPS.find((candidate) => candidate.label === row.group);
        if (group && row.path[row.path.length - 1] === group.rows[0]?.key) g.add(1, group.label, { rowSpan: group.rows.length, header: 'row' });
        g.add(2, row.label, { align: 'left', header: 'row', origin: pointer });
      } else {
        g.add(1, row.label, { colSpan: 2, align: 'left', header: 'row', origin: pointer });
      }
    }
    const values = rowAt(report, row.path) ?? [];
    values.forEach((value, i) => g.add(LABELS + i, count(value), { origin: `${pointer}/${i}` }));
    g.next();
  }
  return {
    kind: 'table',
    id: 'applications',
    summary: `${partTitle(format, 2)}（按申请人类型统计）`,
    grid: fitGrid(format, (width) => applicationColumns(format, width), format.layout.TABLE_SIZE_PT.applications, {
      rowCount: g.row,
      headerRows: 3,
      keepTogether: true,
      cells: g.cells,
    }),
    origin: '/applications',
  };
}

/** 表四: administrative review and litigation (15 grid columns; 3 header rows + 1 data row). */
export function reviewLitigationTable(report: Report, format: Format): TableBlock {
  const { CASE_COLUMNS, CASE_ROWS, LITIGATION_LABEL } = format.labels;
  const { caseColumnFractions, TABLE_SIZE_PT } = format.layout;
  const g = new GridBuilder();
  const n = CASE_COLUMNS.length;
  const [review, ...litigation] = CASE_ROWS;
  g.add(0, review?.label ?? '', { colSpan: n, header: 'column' })
    .add(n, LITIGATION_LABEL, { colSpan: n * 2, header: 'column' })
    .next();
  CASE_COLUMNS.forEach((column, i) => g.add(i, column.label, { rowSpan: 2, header: 'column' }));
  litigation.forEach((row, i) => g.add(n * (i + 1), row.label, { colSpan: n, header: 'column' }));
  g.next();
  litigation.forEach((_, i) => CASE_COLUMNS.forEach((column, c) => g.add(n * (i + 1) + c, column.label, { header: 'column' })));
  g.next();
  CASE_ROWS.forEach((row, i) =>
    report.review_litigation[row.key].forEach((value, c) => g.add(n * i + c, count(value), { origin: `/review_litigation/${row.key}/${c}` })),
  );
  g.next();
  return {
    kind: 'table',
    id: 'review_litigation',
    summary: partTitle(format, 3),
    grid: fitGrid(format, () => caseColumnFractions(n * 3), TABLE_SIZE_PT.reviewLitigation, {
      rowCount: g.row,
      headerRows: 3,
      keepTogether: true,
      cells: g.cells,
    }),
    origin: '/review_litigation',
  };
}
