/** The DOCX reader: our own DOCX read back line by line; merges, corrupt files and zip bombs. */
import { zipSync } from 'fflate';
import { documentLines, docxReader } from '../src/import/docx-reader';
import type { SourceLine } from '../src/import/reader';
import { ImportError } from '../src/import/reader';
import type { ZipEntry } from '../src/zip';
import { listZip, MAX_ENTRY_BYTES, readZipEntry, writeZip } from '../src/zip';
import { docxOf, modelOf } from './helpers/build';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const strip = ({ text, cell }: SourceLine) => (cell ? { text, cell } : { text: squeeze(text) });

let bytes: Uint8Array;
let lines: SourceLine[];

beforeAll(async () => {
  ({ bytes } = await docxOf('yichun-2023.yaml'));
  lines = await docxReader.read(bytes);
});

test('detects a DOCX, not other zips or other files', () => {
  expect(docxReader.detect(bytes, 'report.bin')).toBe(true);
  expect(docxReader.detect(zipSync({ 'a.txt': new Uint8Array([1]) }), 'a.zip')).toBe(false);
  expect(docxReader.detect(new TextEncoder().encode('word/document.xml'), 'a.docx')).toBe(false);
});

test('the seed reads as its title, headings, paragraphs, table cells (at their grid places) and signature, in order', () => {
  let table = 0;
  const expected = modelOf('yichun-2023.yaml').blocks.flatMap((b) => {
    switch (b.kind) {
      case 'title':
        return [{ text: squeeze(b.lines.join('')) }];
      case 'heading':
      case 'paragraph':
        return [{ text: squeeze(b.text) }];
      case 'table': {
        const index = table++;
        return b.grid.cells.map((c) => ({ text: c.text, cell: { table: index, row: c.row, col: c.col } }));
      }
      case 'signature':
        return [{ text: squeeze(b.organ) }, { text: squeeze(b.dateText) }];
    }
  });
  expect(table).toBe(3);
  expect(lines.map(strip)).toEqual(expected);
});

test('locations name the paragraph or the table cell', () => {
  expect(lines[0]).toEqual({ text: '宜春经济技术开发区2023年度\n政府信息公开工作年度报告', at: '第 1 段' });
  const merged = lines.filter((l) => squeeze(l.text) === '三、本年度办理结果');
  expect(merged).toHaveLength(1);
  const { cell } = merged[0] as SourceLine;
  expect(merged[0]?.at).toBe(`表 ${(cell?.table ?? 0) + 1} 第 ${(cell?.row ?? 0) + 1} 行第 ${(cell?.col ?? 0) + 1} 格`);
  expect(lines.some((l) => l.text.includes('\n') && l.cell)).toBe(true);
  expect(lines.every((l) => l.cell !== undefined || l.text.trim() !== '')).toBe(true);
});

async function importError(data: Uint8Array): Promise<ImportError> {
  const error: unknown = await docxReader.read(data).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

test('a corrupt zip is an ImportError in Chinese and English', async () => {
  const truncated = await importError(bytes.subarray(0, bytes.length - 40));
  expect(truncated.zh).toMatch(/损坏/);
  expect(truncated.en).toMatch(/corrupt/);
  const garbled = bytes.slice();
  const entry = listZip(bytes).find((e) => e.name === 'word/document.xml');
  garbled.fill(0x55, (entry?.localHeaderOffset ?? 0) + 60, (entry?.localHeaderOffset ?? 0) + 200);
  expect((await importError(garbled)).en).toMatch(/corrupt/);
});

test('a zip without word/document.xml is not a Word document', async () => {
  const error = await importError(zipSync({ 'content.xml': new TextEncoder().encode('<a/>') }));
  expect(error.zh).toMatch(/不是 Word 文档/);
  expect(error.en).toMatch(/word\/document\.xml/);
});

describe('a zip bomb is refused', () => {
  // 50 MB of zeros deflated to 50 kB, by Node's native deflate (fflate's, in JavaScript, took 0.5 s of this file).
  const bomb = writeZip([['word/document.xml', new Uint8Array(MAX_ENTRY_BYTES + 1)]], new Date(0));

  test('by its declared size', async () => {
    expect((await importError(bomb)).en).toMatch(/more than 50 MB/);
  });

  test('by its actual size when the declared size lies, stopping at the cap', () => {
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    // Patch the central directory's uncompressed size (offset 24 of its entry) to 100 bytes.
    view.setUint32(view.getUint32(lying.length - 22 + 16, true) + 24, 100, true);
    const [entry] = listZip(lying);
    expect(entry?.size).toBe(100);
    expect(() => readZipEntry(lying, entry as ZipEntry)).toThrow(/inflates to more than 50 MB/);
    // With a 1 KiB cap the same entry is refused as soon as the cap is passed.
    expect(() => readZipEntry(lying, entry as ZipEntry, 1024)).toThrow(/inflates to more than 1024 B/);
  });
});

test('hand-written XML: entities, tabs, skipped copies, empty and vertically merged cells, gridBefore', () => {
  const cell = (body: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r>${body}</w:r></w:p></w:tc>`;
  const xml = [
    '<?xml version="1.0"?><w:document><w:body>',
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>A &amp; B&#x3001;&#20013;</w:t><w:tab/><w:t>C</w:t></w:r></w:p>',
    '<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p><w:p/>',
    '<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>shape</w:t></mc:Choice><mc:Fallback><w:t>copy</w:t></mc:Fallback></mc:AlternateContent></w:r>',
    '<w:del><w:r><w:t>gone</w:t></w:r></w:del></w:p>',
    '<w:tbl><w:tr>',
    cell('<w:t>x</w:t>', '<w:vMerge w:val="restart"/>'),
    cell('<w:t>wide</w:t>', '<w:gridSpan w:val="2"/>'),
    cell(''),
    '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>',
    cell('', '<w:vMerge/>'),
    '<w:tc><w:p><w:r><w:t>1</w:t><w:br/><w:t>2</w:t></w:r></w:p><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>',
    '</w:tr></w:tbl>',
    '<w:p><w:r><w:t>end</w:t></w:r><!-- <w:r><w:t>comment</w:t></w:r> --><w:r><w:t><![CDATA[<&>]]></w:t></w:r></w:p></w:body></w:document>',
  ].join('');
  expect(documentLines(xml)).toEqual([
    { text: 'A & B、中\tC', at: '第 1 段' },
    { text: 'shape', at: '第 2 段' },
    { text: 'x', at: '表 1 第 1 行第 1 格', cell: { table: 0, row: 0, col: 0 } },
    { text: 'wide', at: '表 1 第 1 行第 2 格', cell: { table: 0, row: 0, col: 1 } },
    { text: '', at: '表 1 第 1 行第 4 格', cell: { table: 0, row: 0, col: 3 } },
    { text: '1\n2\n3', at: '表 1 第 2 行第 3 格', cell: { table: 0, row: 1, col: 2 } },
    { text: 'end<&>', at: '第 3 段' },
  ]);
});
