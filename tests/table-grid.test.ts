/**
 * A table's cells placed by the source's grid (src/import/table-grid.ts), and a PDF table row that a
 * page broke joined again (pdf-layout.ts): on hand-made cells, each rule alone.
 */
import { sourceLines, type Block, type TableCell } from '../src/import/pdf-layout';
import type { SourceLine } from '../src/import/reader';
import { TableGrid } from '../src/import/table-grid';

const COLUMNS = ['自然人', '商业企业', '总计'];
/** A cell of table 0 at (row, col). */
const cell = (row: number, col: number, text: string): SourceLine => ({ text, at: `表 1 第 ${row + 1} 行第 ${col + 1} 格`, cell: { table: 0, row, col } });
/** A header over grid columns 2, 3, 4 (two label columns before them). */
const HEADER = [cell(0, 0, '（本列数据的勾稽关系）'), cell(0, 2, '自然人'), cell(0, 3, '商业企业'), cell(0, 4, '总计')];
const place = (lines: SourceLine[], label: SourceLine, columns = COLUMNS) => new TableGrid(lines).place(label, columns, 3);
const texts = (placed: ReturnType<typeof place>) => ('cells' in placed ? placed.cells.map((c) => c.text) : placed.why.reason);

describe('a row placed under the header', () => {
  it('the label columns’ cells, empty ones too, are never numbers', () => {
    const label = cell(1, 0, '（七）总计');
    const row = [label, cell(1, 1, ''), cell(1, 2, '95'), cell(1, 3, '0'), cell(1, 4, '95')];
    expect(texts(place([...HEADER, ...row], label))).toEqual(['95', '0', '95']);
  });

  it('a cell under no column of the header, or a column with no cell: not read', () => {
    const label = cell(1, 0, '（七）总计');
    const shifted = [label, cell(1, 2, '95'), cell(1, 3, '0'), cell(1, 4, '95'), cell(1, 5, '1')];
    expect(texts(place([...HEADER, ...shifted], label))).toBe('“1”一格不在表头任何一列之下');
    const short = [label, cell(1, 2, '95'), cell(1, 4, '95')];
    expect(texts(place([...HEADER, ...short], label))).toBe('表头“商业企业”一列之下没有这一行的格');
  });

  it('a cell on no column of a PDF table’s grid (col -1) is never placed', () => {
    const label = cell(1, 0, '（七）总计');
    const row = [label, cell(1, 2, '95'), { ...cell(1, 3, '0'), cell: { table: 0, row: 1, col: -1 } }, cell(1, 4, '95')];
    expect(texts(place([...HEADER, ...row], label))).toBe('“0”一格不在表格的任何一列中');
  });

  it('no header: the cells after the label, less the label columns’ empty ones, must be as many as the columns', () => {
    const label = cell(1, 0, '（七）总计');
    const others = [cell(2, 0, '四、结转'), cell(2, 2, '1'), cell(2, 3, '0'), cell(2, 4, '1')];
    expect(texts(place([label, cell(1, 1, ''), cell(1, 2, '95'), cell(1, 3, '0'), cell(1, 4, '95'), ...others], label))).toEqual(['95', '0', '95']);
    expect(texts(place([label, cell(1, 1, '9'), cell(1, 2, '95'), cell(1, 3, '0'), cell(1, 4, '95'), ...others], label))).toBe(
      '表头的列名没有找到，行名之后有 4 格，应为 3 格',
    );
  });
});

describe('a PDF table row a page broke', () => {
  const row = (r: number, texts: string[]): TableCell[] => texts.map((text, c) => ({ row: r, col: c, x: 100 + 50 * c, text, lineNo: r + 1 }));
  const table = (rows: TableCell[][]): Block => ({ kind: 'table', top: 800, columns: [100, 150, 200, 250], rows });
  const lines = (next: string[]) =>
    sourceLines([[table([row(0, ['项目', '甲', '乙']), row(1, ['1.属于国家', '2', '3'])])], [table([row(0, next), row(1, ['2.重复申请', '4', '5'])])]]);

  it('is joined when its rest on the next page holds no number', () => {
    const out = lines(['秘密', '', '']);
    expect(out.map((l) => l.text)).toEqual(['项目', '甲', '乙', '1.属于国家\n秘密', '2', '3', '2.重复申请', '4', '5']);
  });

  it('is not joined when the next page’s first row holds a number: no number moves', () => {
    const out = lines(['秘密', '7', '']);
    expect(out.map((l) => l.text)).toEqual(['项目', '甲', '乙', '1.属于国家', '2', '3', '秘密', '7', '', '2.重复申请', '4', '5']);
  });
});
