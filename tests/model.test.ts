/** The document model of the seed report: order, numbering, text decisions and table grids. */
import { chineseNumber, paragraphs, titleLines } from '../src/model/build';
import type { GridCell, TableBlock } from '../src/model/types';
import { modelOf } from './helpers/build';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './helpers/fixtures';

const doc = modelOf('yichun-2023.yaml');
// The published report the fixture transcribes (a copy of ../shared/seeds/yichun-2023.txt, so a clone is self-contained).
const seed = readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt'), 'utf8');
const table = (id: TableBlock['id']) => doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id) as TableBlock;
const at = (t: TableBlock, row: number, col: number) => t.grid.cells.find((c) => c.row === row && c.col === col) as GridCell;
/** A cell with its label's line breaks taken out: the wording as the template prints it. */
const unbroken = (cell: GridCell) => ({ ...cell, text: cell.text.replace(/\n/g, '') });

test('blocks in order: title, preamble, six numbered parts with their tables, signature', () => {
  const outline = doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind === 'table' ? `table ${b.id}` : b.kind));
  expect(outline.filter((o) => o.startsWith('h1') || o.startsWith('table') || o === 'title' || o === 'signature')).toEqual([
    'title',
    'h1 一、总体情况',
    'h1 二、主动公开政府信息情况',
    'table proactive',
    'h1 三、收到和处理政府信息公开申请情况',
    'table applications',
    'h1 四、政府信息公开行政复议、行政诉讼情况',
    'table review_litigation',
    'h1 五、存在的主要问题及改进情况',
    'h1 六、其他需要报告的事项',
    'signature',
  ]);
  expect(outline.filter((o) => o.startsWith('h2'))).toEqual([
    'h2 （一）主动公开情况',
    'h2 （二）依申请公开情况',
    'h2 （三）政府信息管理情况',
    'h2 （四）平台建设情况',
    'h2 （五）监督保障情况',
  ]);
});

test('every paragraph of the seed is in the model, verbatim and in order', () => {
  const text = doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));
  const seedParagraphs = seed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 40);
  let from = 0;
  for (const paragraph of seedParagraphs) {
    const index = text.findIndex((t, i) => i >= from && t === paragraph);
    expect({ paragraph, found: index >= 0 }).toEqual({ paragraph, found: true });
    from = index + 1;
  }
  expect(text).toContain('2023年，本机关无收取信息处理费情况。');
});

test('title breaks before the report name; signature and date', () => {
  expect(doc.blocks[0]).toMatchObject({ kind: 'title', lines: ['宜春经济技术开发区2023年度', '政府信息公开工作年度报告'] });
  expect(doc.blocks[doc.blocks.length - 1]).toMatchObject({ kind: 'signature', organ: '宜春经济技术开发区管理委员会', dateText: '2024年1月25日' });
  expect(titleLines('某局2023年政府信息公开工作年度报告')).toEqual(['某局2023年政府信息公开工作年度报告']);
});

test('table 二: 4 columns, 14 rows, merges and the fee as written', () => {
  const t = table('proactive');
  expect([t.grid.columns.length, t.grid.rowCount]).toEqual([4, 14]);
  expect(at(t, 0, 0)).toMatchObject({ text: '第二十条第（一）项', colSpan: 4 });
  expect(at(t, 5, 1)).toMatchObject({ text: '本年处理决定数量', colSpan: 3 });
  expect(at(t, 6, 1)).toMatchObject({ text: '49255', colSpan: 3 });
  expect(at(t, 13, 1)).toMatchObject({ text: '378.42', colSpan: 3, origin: '/proactive/fees' });
});

test('table 三: 10 columns, 3 header rows + 25 data rows, corner cell verbatim, spans of the template', () => {
  const t = table('applications');
  expect([t.grid.columns.length, t.grid.rowCount, t.grid.headerRows]).toEqual([10, 28, 3]);
  expect(unbroken(at(t, 0, 0))).toMatchObject({ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 });
  expect(unbroken(at(t, 0, 3))).toMatchObject({ text: '申请人情况', colSpan: 7 });
  expect(unbroken(at(t, 1, 4))).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
  expect(unbroken(at(t, 1, 9))).toMatchObject({ text: '总计', rowSpan: 2 });
  expect(unbroken(at(t, 5, 0))).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
  expect(unbroken(at(t, 7, 1))).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
  expect(unbroken(at(t, 23, 1))).toMatchObject({ text: '（六）其他处理', rowSpan: 3 });
  expect(unbroken(at(t, 26, 1))).toMatchObject({ text: '（七）总计', colSpan: 2 });
  expect(unbroken(at(t, 27, 0))).toMatchObject({ text: '四、结转下年度继续办理', colSpan: 3 });
  // Labels break only between words, as the national format's break data allows.
  expect(at(t, 2, 4).text).toBe('商业\n企业');
  expect(at(t, 1, 3).text).toBe('自\n然\n人');
  expect(at(t, 5, 0).text).toBe('三、\n本年度\n办理\n结果');
  expect(at(t, 15, 1).text).toBe('（四）\n无法\n提供');
  // Every grid slot is covered by exactly one cell.
  const covered = new Map<string, number>();
  for (const c of t.grid.cells)
    for (let r = c.row; r < c.row + c.rowSpan; r++)
      for (let k = c.col; k < c.col + c.colSpan; k++) covered.set(`${r},${k}`, (covered.get(`${r},${k}`) ?? 0) + 1);
  expect(covered.size).toBe(28 * 10);
  expect([...covered.values()].every((n) => n === 1)).toBe(true);
  expect(t.grid.columns.reduce((s, c) => s + c.widthFraction, 0)).toBeCloseTo(1, 6);
});

test('table 四: 15 columns, 3 header rows, 1 data row', () => {
  const t = table('review_litigation');
  expect([t.grid.columns.length, t.grid.rowCount, t.grid.headerRows]).toEqual([15, 4, 3]);
  expect(at(t, 0, 0)).toMatchObject({ text: '行政复议', colSpan: 5 });
  expect(at(t, 0, 5)).toMatchObject({ text: '行政诉讼', colSpan: 10 });
  expect(at(t, 1, 0)).toMatchObject({ text: '结果\n维持', rowSpan: 2 });
  expect(at(t, 1, 10)).toMatchObject({ text: '复议后起诉', colSpan: 5 });
  expect(t.grid.cells.filter((c) => c.row === 3)).toHaveLength(15);
});

test('numbering: headings already numbered are not numbered twice; Chinese numerals', () => {
  expect(chineseNumber(1)).toBe('一');
  expect(chineseNumber(10)).toBe('十');
  expect(chineseNumber(12)).toBe('十二');
  expect(chineseNumber(20)).toBe('二十');
  const busy = modelOf('valid/busy-county.yaml');
  const headings = busy.blocks.filter((b) => b.kind === 'heading' && b.level > 1).map((b) => (b.kind === 'heading' ? b.text : ''));
  expect(headings).toEqual(['（一）主动公开', '1.网站', '（二）依申请公开', '（一）人大代表建议和政协提案办理结果公开情况']);
  expect(paragraphs('第一段\n接续。\n\n第二段 line\nwraps')).toEqual(['第一段接续。', '第二段 line wraps']);
});

test('default preamble and a fee sentence with notices', () => {
  const busy = modelOf('valid/busy-county.yaml');
  const texts = busy.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  expect(texts[0]).toContain('统计期限自2023年1月1日起至2023年12月31日止');
  expect(texts[0]).toContain('（https://www.example.gov.cn/）下载');
  expect(texts[0]).toContain('请与县政府办公室联系（地址：人民路1号，电话：0000-1234567，邮编：100000）');
  expect(texts).toContain('2023年，本机关共发出收费通知1件，收费通知总金额200元，实际收取信息处理费0元。');
  expect(busy.meta.title).toBe('某某县人民政府2023年政府信息公开工作年度报告');
});

test('the model is plain JSON, and building it twice gives the same model', () => {
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  expect(modelOf('yichun-2023.yaml')).toEqual(doc);
});
