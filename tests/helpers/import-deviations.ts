/**
 * Hand-made deviating inputs for `report import`: the seed text (fixtures/seed/yichun-2023.txt) with
 * lines edited, one input per finding code of the import band (RPT4xxx), each the smallest departure
 * that raises it. Line numbers are the seed's (1-based); see `edit`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImportCode } from '../../src/import/findings';
import { FIXTURES } from './fixtures';

export const SEED_TEXT = path.join(FIXTURES, 'seed', 'yichun-2023.txt');
export const seedText = () => fs.readFileSync(SEED_TEXT, 'utf8');

/** The text with line `n` (1-based) replaced by `edits[n]` (a blank line removes it, keeping the numbering). */
export const edit = (text: string, edits: Record<number, string>) =>
  text
    .split('\n')
    .map((line, i) => edits[i + 1] ?? line)
    .join('\n');

/** Replaces lines `from`…`to` by `block` (its lines, tab-indented as the seed's cells). */
const replaceLines = (from: number, to: number, block: readonly string[]): Record<number, string> => {
  const edits: Record<number, string> = { [from]: block.map((line) => `\t${line}`).join('\n') };
  for (let n = from + 1; n <= to; n++) edits[n] = '';
  return edits;
};

/** Table 二 printed in the 2019 试行 columns (TEMPLATE §3), in place of the seed's lines 30–72. */
export const TABLE2_OF_2019 = replaceLines(
  30,
  72,
  [
    ['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', '0', '0', '0', '规范性文件', '7', '7', '18'],
    ['第二十条第（五）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政许可', '40', '1', '49255', '其他对外管理服务事项', '3', '0', '12'],
    ['第二十条第（六）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政处罚', '30', '2', '45', '行政强制', '5', '0', '3'],
    ['第二十条第（八）项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '3', '0'],
    ['第二十条第（九）项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购', '6', '52.15'],
  ].flat(),
);

/** Table 三's （六）其他处理 as the 2019 format printed it, one row of 7 numbers (lines 310–340 of the seed). */
export const otherAsOneRow = (numbers: readonly number[]) => replaceLines(310, 340, ['（六）其他处理', ...numbers.map(String)]);

/** An HTML page of the seed with table 三 reduced to its row 一, printed with the cells `row` (after the label). */
const tableThreePage = (row: readonly string[]) => tableThreeRows([['一、本年新收政府信息公开申请数量', ...row]]);

/** Table 三's header as published (TEMPLATE §4): the corner, 申请人情况, 自然人 … 总计 in their grid columns. */
export const TABLE_THREE_HEADER = [
  '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
  '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
  '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
].join('');

/** An HTML page of the seed with table 三 printed as the `rows` of cells (raw HTML rows pass as they are). */
export const tableThreeRows = (rows: readonly (readonly string[] | string)[]) => () => {
  const lines = seedText().split('\n');
  const paragraphs = (from: number, to: number) =>
    lines
      .slice(from - 1, to)
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${line.trim()}</p>`)
      .join('\n');
  const cells = (row: readonly string[]) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  return [
    '<!DOCTYPE html><html><body>',
    paragraphs(1, 75),
    '<table>',
    ...rows.map((row) => (typeof row === 'string' ? row : cells(row))),
    '</table>',
    paragraphs(362, 433),
    '</body></html>',
  ].join('\n');
};

export interface Deviation {
  what: string;
  /** The file's name (its extension chooses the reader) and content. */
  name: string;
  content: () => string | Uint8Array;
  /** Import with --blank-as-zero. */
  blankAsZero?: true;
}

/** A deviation's content as the bytes of its file. */
export const deviationBytes = (deviation: Deviation): Uint8Array => {
  const content = deviation.content();
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
};

/** A PDF of fixtures/import/pages (LibreOffice exports with pages removed, repeated or reordered by qpdf; see its ORIGIN.md). */
const pagesPdf = (what: string, name: string): Deviation => ({ what, name, content: () => fs.readFileSync(path.join(FIXTURES, 'import', 'pages', name)) });

/** Table 三 with a header and its rows 一 and 二 (their label in the first of three label columns, two empty), the five 法人或其他组织 columns blank. */
const BLANK_COLUMNS = tableThreeRows([
  TABLE_THREE_HEADER,
  ['一、本年新收政府信息公开申请数量', '', '', '3', '', '', '', '', '', '3'],
  ['二、上年结转政府信息公开申请数量', '', '', '1', '', '', '', '', '', '1'],
]);

const text = (what: string, edits: () => Record<number, string>): Deviation => ({ what, name: 'deviating.txt', content: () => edit(seedText(), edits()) });

export const DEVIATIONS: Record<ImportCode, Deviation> = {
  RPT4001: text('"/" in a number cell', () => ({ 38: '\t/' })),
  RPT4002: text('a cell that is no number', () => ({ 38: '\tO' })),
  RPT4003: text('the 行政许可 row left out', () => ({ 52: '', 53: '' })),
  RPT4004: text('the 规章 row with two numbers', () => ({ 40: '' })),
  RPT4005: text('no heading of part 六', () => ({ 427: '' })),
  RPT4006: text('the seed as published (二 and 五 unnumbered)', () => ({})),
  RPT4007: text('part 四 numbered 三', () => ({ 362: '三、政府信息公开行政复议、行政诉讼情况' })),
  RPT4008: text('the misprint 行政法复议 in the heading of 四', () => ({ 362: '四、政府信息公开行政法复议、行政诉讼情况' })),
  RPT4009: text('part 六 before part 五', () => ({
    419: '六、其他需要报告的事项\n2023年，本机关无收取信息处理费情况。\n存在的主要问题及改进情况',
    427: '',
    428: '',
  })),
  RPT4010: text('no date', () => ({ 432: '' })),
  RPT4011: text('no organ above the date', () => ({ 430: '' })),
  RPT4012: text('no year in the title', () => ({ 1: '宜春经济技术开发区政府信息公开工作年度报告' })),
  RPT4013: text('table 二 in the 2019 columns', () => TABLE2_OF_2019),
  RPT4014: text('table 二 in the 2019 columns (no 本年废止件数)', () => TABLE2_OF_2019),
  RPT4015: text('the numbers of 规章 run together on its line', () => ({ 37: '\t规章0010', 38: '', 39: '', 40: '' })),
  RPT4016: text('table 四 with 14 numbers', () => ({ 416: '' })),
  RPT4017: { what: 'a table cell holding two numbers', name: 'merged.html', content: tableThreePage(['0<br>0', '0', '0', '0', '0', '0', '0']) },
  RPT4023: { what: "table 三's five 法人或其他组织 columns blank", name: 'blank-columns.html', content: BLANK_COLUMNS },
  RPT4024: { what: 'the same, imported with --blank-as-zero', name: 'blank-columns.html', content: BLANK_COLUMNS, blankAsZero: true },
  RPT4026: {
    what: 'a row of eight numbers for seven columns, and no header',
    name: 'eight.html',
    content: tableThreePage(['1', '2', '3', '4', '5', '6', '7', '8']),
  },
  RPT4018: { what: 'blank applicant cells, only the total printed', name: 'blank.html', content: tableThreePage(['', '', '', '', '', '', '0']) },
  RPT4021: text('the row 行政规范性文件 printed 规范性文件', () => ({ 42: '\t规范性文件' })),
  RPT4022: text('two rows printed near 行政规范性文件 (规范性文件, 行政规范性文)', () => ({ 41: '\t行政规范性文\n\t1\n\t2\n\t3', 42: '\t规范性文件' })),
  RPT4035: pagesPdf('a PDF whose page printed 第3页 is missing', 'di-missing.pdf'),
  RPT4036: pagesPdf('a PDF with its page printed - 3 - twice', 'hyphen-repeated.pdf'),
  RPT4037: pagesPdf("a PDF with another report's page printed — 2 — merged in", 'mixed-pages.pdf'),
  RPT4038: pagesPdf('a PDF with its pages printed — 4 — and — 5 — swapped', 'em-reordered.pdf'),
  RPT4039: pagesPdf('a PDF with pages swapped and its first page unnumbered', 'unnumbered-reordered.pdf'),
};
