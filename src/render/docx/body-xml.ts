/**
 * The body of word/document.xml written as text, element by element as docx 9.15.2 writes the
 * same options (docx-adapter.ts pins the version): the same elements, attributes and order, so the
 * DOCX is byte for byte what docx's Paragraph, TextRun and Table gave. docx builds an object per
 * element, turns the tree into a second tree and that into text — two thirds of a report's DOCX
 * time, for a body of a few thousand elements. The package around the body (styles, settings,
 * footers, section properties) is still docx's (docx-adapter.ts documentSkeleton).
 */

/** docx's escaping of text and attribute values: the five XML characters, and control characters dropped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escapeXml = (text: string) => text.replace(ESCAPED, (char) => ESCAPES[char] ?? '');

/** docx's integer measures: whole numbers, rounded down. */
const whole = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`Invalid value '${value}' specified. Must be an integer.`);
  return Math.floor(value);
};
/** docx's unsigned measures (heights, first-line indents): whole and not negative. */
const unsigned = (value: number) => {
  const result = whole(value);
  if (result < 0) throw new Error(`Invalid value '${value}' specified. Must be a positive integer.`);
  return result;
};

/** w:jc values. */
export type Justification = 'left' | 'center' | 'right' | 'both';

export interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  spacing?: { after?: number; before?: number; line?: number; lineRule?: 'exact' };
  indent?: { left?: number; right?: number; firstLine?: number };
  alignment?: Justification;
}

export interface RunOptions {
  text: string;
  /** Line breaks before the text. */
  break?: number;
  /** Size in half-points (w:sz and w:szCs). */
  size?: number;
}

/** A run: its properties, its breaks, its text (kept with its spaces). */
export function runXml({ text, break: breaks = 0, size }: RunOptions): string {
  const properties = size === undefined ? '' : `<w:rPr><w:sz w:val="${whole(size)}"/>${size ? `<w:szCs w:val="${whole(size)}"/>` : ''}</w:rPr>`;
  return `<w:r>${properties}${'<w:br/>'.repeat(breaks)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** An on/off property: present when on, `w:val="false"` when set off. */
const onOff = (name: string, value: boolean | undefined) => (value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`);

/** Attributes in the given order, those undefined left out. */
const attributes = (pairs: [string, string | number | undefined][]) =>
  pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');

/** A paragraph of `runs` (runXml); `sectionProperties`: the w:sectPr of the section it ends, if any. */
export function paragraphXml(options: ParagraphOptions, runs = '', sectionProperties = ''): string {
  const { spacing, indent } = options;
  const properties =
    (options.style ? `<w:pStyle w:val="${escapeXml(options.style)}"/>` : '') +
    onOff('w:keepNext', options.keepNext) +
    onOff('w:keepLines', options.keepLines) +
    (options.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (spacing
      ? `<w:spacing${attributes([
          ['w:after', spacing.after],
          ['w:before', spacing.before],
          ['w:line', spacing.line],
          ['w:lineRule', spacing.lineRule],
        ])}/>`
      : '') +
    (indent
      ? `<w:ind${attributes([
          ['w:left', indent.left === undefined ? undefined : whole(indent.left)],
          ['w:right', indent.right === undefined ? undefined : whole(indent.right)],
          ['w:firstLine', indent.firstLine === undefined ? undefined : unsigned(indent.firstLine)],
        ])}/>`
      : '') +
    (options.alignment ? `<w:jc w:val="${options.alignment}"/>` : '') +
    sectionProperties;
  const content = (properties ? `<w:pPr>${properties}</w:pPr>` : '') + runs;
  return content ? `<w:p>${content}</w:p>` : '<w:p/>';
}

/** A cell border, as docx writes a table's w:tblBorders sides. */
export interface BorderOptions {
  style: string;
  size: number;
  color: string;
}

export interface TableOptions {
  /** The table's width and its columns' widths, in twips. */
  width: number;
  columnWidths: number[];
  /** Cell margins in twips. */
  margins: { top: number; left: number; bottom: number; right: number };
  border: BorderOptions;
  rows: RowOptions[];
}

export interface RowOptions {
  tableHeader: boolean;
  cantSplit: boolean;
  /** The least height, in twips. */
  height: number;
  cells: CellOptions[];
}

export interface CellOptions {
  /** Width in twips. */
  width: number;
  columnSpan: number;
  rowSpan: number;
  verticalAlign: 'center';
  /** The cell's one paragraph, and the alignment docx copies to the cells it merges down into. */
  paragraph: string;
  alignment?: Justification;
}

/**
 * A table with fixed layout. A cell spanning rows is followed, in each row it covers, by a
 * continuing cell (w:vMerge continue) with an empty paragraph, placed as docx places it.
 */
export function tableXml(table: TableOptions): string {
  const { border, margins } = table;
  const side = (name: string) => `<w:${name} w:val="${border.style}" w:color="${border.color}" w:sz="${border.size}"/>`;
  const margin = (name: string, size: number) => `<w:${name} w:type="dxa" w:w="${size}"/>`;
  const properties =
    `<w:tblPr><w:tblW w:type="dxa" w:w="${table.width}"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(side).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${margin('top', margins.top)}${margin('left', margins.left)}${margin('bottom', margins.bottom)}${margin('right', margins.right)}</w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${table.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  return `<w:tbl>${properties}${grid}${withContinuations(table.rows)
    .map((row, r) => rowXml(table.rows[r] as RowOptions, row))
    .join('')}</w:tbl>`;
}

/** A cell as written: its own, or one continuing a cell above (w:vMerge continue). */
interface PlacedCell {
  cell: CellOptions;
  continues: boolean;
  /** Rows still covered below this one. */
  rowSpan: number;
}

/**
 * Each row's cells with the continuing cells docx's Table adds: for each cell spanning rows, one
 * in the next row, before the cell that reaches past the spanning cell's first column there (or last).
 */
function withContinuations(rows: readonly RowOptions[]): PlacedCell[][] {
  const placed = rows.map((row) => row.cells.map((cell): PlacedCell => ({ cell, continues: false, rowSpan: cell.rowSpan })));
  placed.forEach((row, r) => {
    const next = placed[r + 1];
    if (!next) return;
    let column = 0;
    for (const { cell, rowSpan } of [...row]) {
      if (rowSpan > 1) {
        let covered = 0;
        let at = 0;
        while (covered <= column && at < next.length) covered += (next[at++] as PlacedCell).cell.columnSpan || 1;
        next.splice(covered <= column ? next.length : at - 1, 0, { cell, continues: true, rowSpan: rowSpan - 1 });
      }
      column += cell.columnSpan || 1;
    }
  });
  return placed;
}

function rowXml(row: RowOptions, cells: PlacedCell[]): string {
  const properties =
    '<w:trPr>' +
    (row.cantSplit ? '<w:cantSplit/>' : '') +
    (row.tableHeader ? '<w:tblHeader/>' : '') +
    `<w:trHeight w:val="${unsigned(row.height)}" w:hRule="atLeast"/>` +
    '</w:trPr>';
  return `<w:tr>${properties}${cells.map(cellXml).join('')}</w:tr>`;
}

function cellXml({ cell, continues }: PlacedCell): string {
  const merge = continues ? '<w:vMerge w:val="continue"/>' : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
  const properties =
    `<w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>` +
    (cell.columnSpan ? `<w:gridSpan w:val="${whole(cell.columnSpan)}"/>` : '') +
    merge +
    `<w:vAlign w:val="${cell.verticalAlign}"/></w:tcPr>`;
  return `<w:tc>${properties}${continues ? paragraphXml(cell.alignment ? { alignment: cell.alignment } : {}) : cell.paragraph}</w:tc>`;
}
