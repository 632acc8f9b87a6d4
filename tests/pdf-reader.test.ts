/**
 * The PDF reader: our own PDFs (pdfkit) and LibreOffice's export of our DOCX (as Word or WPS would
 * export it) import to the same report data as the DOCX; tables come from the rulings, row by row,
 * a table continued on the next page without its repeated header rows; page numbers and running
 * headers are dropped; scanned, encrypted and damaged PDFs are ImportErrors, and the CLI says so
 * without a stack trace.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { parse } from 'yaml';
import { docxReader } from '../src/import/docx-reader';
import { importReport } from '../src/import/import';
import { dropFurniture, joinRuns, lineBreakJoiner, pageBlocks, sourceLines, type TextRun } from '../src/import/pdf-layout';
import { mayHoldTable, pdfReader, rulings } from '../src/import/pdf-reader';
import { DRAW_OPS, loadPdfjs } from '../src/import/pdfjs-adapter';
import { ImportError, type SourceLine } from '../src/import/reader';
import { READERS } from '../src/import/readers';
import type { ReportDoc } from '../src/model/types';
import { docxOf, modelOf, pdfOf } from './helpers/build';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES, ROOT, yamlFiles } from './helpers/fixtures';
import { squeeze } from './helpers/text';

const options = { schemaPath: '../schemas/report.schema.json' };
const dir = tempDir();
const TABLES = ['proactive', 'applications', 'review_litigation'] as const;
const written = (fixture: string) => parse(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8')) as Record<string, unknown>;
const file = (name: string, bytes: Uint8Array) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
};
const squeezeText = (text: string) => text.replace(/\s+/g, '');

let seedPdf: Uint8Array;
beforeAll(async () => {
  seedPdf = await pdfOf('yichun-2023.yaml');
});

test('detects a PDF by its %PDF- header, and report import picks the PDF reader', async () => {
  expect(pdfReader.detect(seedPdf, 'report.bin')).toBe(true);
  expect(pdfReader.detect(new TextEncoder().encode('garbage\n%PDF-1.7\n'), 'x')).toBe(true);
  expect(pdfReader.detect(new TextEncoder().encode('一、总体情况 PDF'), 'x.pdf')).toBe(false);
  expect(READERS.find((r) => r.detect(seedPdf, 'yichun.pdf'))?.format).toBe('pdf');
});

describe('round trip through our own PDF', () => {
  it('the seed: organ, year, date, title and the tables exactly, the text modulo line breaks', async () => {
    const imported = await importReport(seedPdf, 'yichun-2023.pdf', options);
    expect(imported.format).toBe('pdf');
    expect(imported.findings).toEqual([]);
    const report = written('yichun-2023.yaml');
    for (const key of ['organ', 'year', 'date', 'title', 'website', ...TABLES, 'processing_fees']) {
      expect([key, imported.data[key]]).toEqual([key, report[key]]);
    }
    expect(squeeze(imported.data)).toEqual(squeeze(report));
  });

  // The fixtures leave totals and the title to the builder: the DOCX of the same fixture is the reference.
  it.each(yamlFiles(path.join(FIXTURES, 'valid')).map((f) => path.relative(FIXTURES, f)))('%s imports as its DOCX does', async (fixture) => {
    const fromPdf = await importReport(await pdfOf(fixture), 'report.pdf', options);
    const fromDocx = await importReport((await docxOf(fixture)).bytes, 'report.docx', options);
    for (const key of ['organ', 'year', 'date', 'title', ...TABLES]) expect([key, fromPdf.data[key]]).toEqual([key, fromDocx.data[key]]);
    expect(squeeze(fromPdf.data)).toEqual(squeeze(fromDocx.data));
    expect(fromPdf.findings).toEqual(fromDocx.findings.map((f) => ({ ...f, at: expect.stringMatching(/^第 \d+ 页第 \d+ 行$/) as unknown })));
  });

  it('reads the same lines as the DOCX reader: paragraphs whole, each table cell once, merged cells at their first row', async () => {
    const pdfLines = await pdfReader.read(seedPdf);
    const docxLines = await docxReader.read((await docxOf('yichun-2023.yaml')).bytes);
    const strip = (l: SourceLine) => ({ text: squeezeText(l.text), cell: l.cell !== undefined });
    expect(pdfLines.map(strip)).toEqual(docxLines.map(strip));
    expect(pdfLines.every((l) => /^第 \d+ 页第 \d+ 行$/.test(l.at))).toBe(true);
    expect(pdfLines[0]).toEqual({ text: '宜春经济技术开发区2023年度\n政府信息公开工作年度报告', at: '第 1 页第 1 行' });
    const merged = pdfLines.filter((l) => squeezeText(l.text) === '三、本年度办理结果');
    expect(merged).toHaveLength(1);
    // A label wrapped inside its cell keeps its line breaks.
    expect(pdfLines.some((l) => l.cell && l.text.includes('\n'))).toBe(true);
    // Three tables, each numbered from row 0.
    expect(new Set(pdfLines.filter((l) => l.cell).map((l) => l.cell?.table))).toEqual(new Set([0, 1, 2]));
  });
});

test('PDFs that LibreOffice exports from our DOCX files (as Word or WPS would) import to the same data as the DOCX files, and one of the seed text as the text', async () => {
  const fixtures = ['yichun-2023.yaml', ...yamlFiles(path.join(FIXTURES, 'valid')).map((f) => path.relative(FIXTURES, f))];
  const docxFiles = await Promise.all(fixtures.map(async (fixture) => file(`${path.basename(fixture, '.yaml')}.docx`, (await docxOf(fixture)).bytes)));
  // And the seed as plain text: a PDF without rulings, each cell on a line of its own, rows across page breaks.
  const seedText = file('seed-text.txt', fs.readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt')));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), ...docxFiles, seedText],
    {
      stdio: 'pipe',
      timeout: 180_000,
    },
  );
  for (const docx of docxFiles) {
    const exported = path.join(dir, 'lo', `${path.basename(docx, '.docx')}.pdf`);
    expect(execFileSync('pdfinfo', [exported], { encoding: 'utf8' })).toMatch(/Producer:\s*LibreOffice/);
    const fromPdf = await importReport(fs.readFileSync(exported), 'exported.pdf', options);
    const fromDocx = await importReport(fs.readFileSync(docx), 'report.docx', options);
    for (const key of ['organ', 'year', 'date', 'title', 'website', 'contact', ...TABLES]) {
      expect([docx, key, fromPdf.data[key]]).toEqual([docx, key, fromDocx.data[key]]);
    }
    expect(squeeze(fromPdf.data)).toEqual(squeeze(fromDocx.data));
  }
  const seed = await importReport(fs.readFileSync(path.join(dir, 'lo', 'yichun-2023.pdf')), 'yichun-2023.pdf', options);
  expect(squeeze(seed.data)).toEqual(squeeze(written('yichun-2023.yaml')));
  const fromTextPdf = await importReport(fs.readFileSync(path.join(dir, 'lo', 'seed-text.pdf')), 'seed-text.pdf', options);
  const fromText = await importReport(fs.readFileSync(seedText), 'seed-text.txt', options);
  for (const key of TABLES) expect([key, fromTextPdf.data[key]]).toEqual([key, fromText.data[key]]);
  expect(squeeze(fromTextPdf.data)).toEqual(squeeze(fromText.data));
  expect(fromTextPdf.findings.map((f) => [f.code, f.params])).toEqual(fromText.findings.map((f) => [f.code, f.params]));
});

test('a table continued on the next page with its header rows repeated reads as one table, without duplicate rows', async () => {
  // Table 三 set at 3号 no longer fits one page, so it flows and repeats its three header rows (as in tests/pdf.test.ts).
  const seed = modelOf('yichun-2023.yaml');
  const large: ReportDoc = {
    ...seed,
    blocks: seed.blocks.map((b) => (b.kind === 'table' && b.id === 'applications' ? { ...b, grid: { ...b.grid, fontSizePt: 16, numberSizePt: 16 } } : b)),
  };
  const bytes = await pdfOf(large);
  const text = execFileSync('pdftotext', ['-layout', file('large.pdf', bytes), '-'], { encoding: 'utf8' });
  const pagesWithHeader = text.split('\f').filter((page) => page.includes('申请人情况'));
  expect(pagesWithHeader.length).toBeGreaterThanOrEqual(2);

  const lines = await pdfReader.read(bytes);
  expect(lines.filter((l) => squeezeText(l.text) === '申请人情况')).toHaveLength(1);
  const applicationCells = lines.filter((l) => l.cell?.table === 1);
  const rows = new Set(applicationCells.map((l) => l.cell?.row));
  // Rows numbered on across the page break: 0 … n-1 without gaps.
  expect([...rows]).toEqual([...rows].map((_, i) => i));
  const pages = new Set(applicationCells.map((l) => /^第 (\d+) 页/.exec(l.at)?.[1]));
  expect(pages.size).toBeGreaterThanOrEqual(2);
  const imported = await importReport(bytes, 'large.pdf', options);
  expect(imported.data.applications).toEqual(written('yichun-2023.yaml').applications);
  expect(imported.findings).toEqual([]);
});

/** A one-page PDF showing `text` in a Chinese font that is not embedded (STSong-Light through Adobe's UniGB-UCS2-H CMap), as old Acrobat and WPS exports do. */
function nonEmbeddedFontPdf(text: string): Uint8Array {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 16 Tf 100 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

test("a PDF whose Chinese font is not embedded reads through pdfjs's CMaps", async () => {
  expect(await pdfReader.read(nonEmbeddedFontPdf('一、总体情况'))).toEqual([{ text: '一、总体情况', at: '第 1 页第 1 行' }]);
});

test('on Node 20.15, without process.getBuiltinModule (which pdfjs 5 uses), the adapter supplies it', async () => {
  const pdf = file('getbuiltin.pdf', nonEmbeddedFontPdf('二、主动公开政府信息情况'));
  const script = `delete process.getBuiltinModule;
    require(${JSON.stringify(path.join(ROOT, 'dist', 'import', 'pdf-reader.js'))}).pdfReader.read(require('node:fs').readFileSync(${JSON.stringify(pdf)}))
      .then((lines) => process.stdout.write(JSON.stringify(lines)));`;
  expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([
    { text: '二、主动公开政府信息情况', at: '第 1 页第 1 行' },
  ]);
});

describe('page layout', () => {
  const run = (str: string, x: number, y: number, size = 16): TextRun => ({
    str,
    x,
    y,
    width: [...str].length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1),
    size,
  });
  const page = (runs: TextRun[]) => ({ width: 595, height: 842, runs, segments: [] });

  test('a line break in a paragraph is nothing in CJK text, numbers and URLs, a space between Latin words', async () => {
    expect(lineBreakJoiner('邮编：1000', '00）。')).toBe('');
    expect(lineBreakJoiner('门户网站（https://www.exa', 'mple.gov.cn/）')).toBe('');
    expect(lineBreakJoiner('the annual', 'report')).toBe(' ');
    expect(lineBreakJoiner('政务公开', '工作')).toBe('');
  });

  test('the operator list is read only on pages whose text may hold a table', async () => {
    expect(mayHoldTable([run('规章', 80, 660, 14), run('0', 260, 660, 14)])).toBe(true);
    expect(mayHoldTable([run('正文第一行', 79, 660), run('接着写', 159, 660), run('第二行', 79, 631)])).toBe(false);
  });

  test('rulings: stroked rectangles and lines under the current transform, thin filled rectangles; curves and thick fills are not', async () => {
    const pdfjs = await loadPdfjs();
    const { OPS } = pdfjs;
    const path = (...ops: number[]) => new Float32Array(ops);
    const { moveTo: M, lineTo: L, closePath: Z, curveTo: C } = DRAW_OPS;
    const segments = rulings(pdfjs, {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath],
      argsArray: [
        null,
        [1, 0, 0, -1, 0, 800],
        [OPS.stroke, [path(M, 10, 10, L, 110, 10, L, 110, 30, L, 10, 30, Z)], null],
        null,
        [OPS.fill, [path(M, 10, 100, L, 200, 100, L, 200, 100.5, L, 10, 100.5, Z)], null],
        [OPS.fill, [path(M, 10, 200, L, 200, 200, L, 200, 300, L, 10, 300, Z)], null],
        [OPS.stroke, [path(M, 0, 0, C, 1, 1, 2, 2, 3, 3)], null],
        [OPS.endPath, [path(M, 0, 0, L, 595, 0)], null],
      ],
    });
    expect(segments).toEqual([
      { x1: 10, y1: 790, x2: 110, y2: 790 },
      { x1: 110, y1: 770, x2: 110, y2: 790 },
      { x1: 10, y1: 770, x2: 110, y2: 770 },
      { x1: 10, y1: 770, x2: 10, y2: 790 },
      { x1: 10, y1: 100.25, x2: 200, y2: 100.25 },
    ]);
  });

  test('runs join without a space between CJK glyphs, with one between Latin words set apart', async () => {
    expect(joinRuns([run('本年', 100, 500), run('废止', 132, 500)])).toBe('本年废止');
    expect(joinRuns([run('http://a', 100, 500), run('b', 170, 500)])).toBe('http://a b');
    expect(joinRuns([run('http://a', 100, 500), run('b', 166, 500)])).toBe('http://ab');
    expect(joinRuns([run('电话', 100, 500), run('0795', 140, 500)])).toBe('电话0795');
  });

  test('page numbers and a running header are dropped; a paragraph runs on over lines and pages', async () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        run('某县人民政府办公室', 230, 800, 10.5),
        run(n === 1 ? '一、总体情况' : `正文${'甲乙丙'[n - 1]}`, 111, 700),
        run('甲'.repeat(27), 79, 671),
        run('乙'.repeat(10), 79, 642),
        run('丙'.repeat(26), 111, 613),
        run('丁'.repeat(28), 79, 584),
        run(['- 1 -', '— 2 —', '第3页'][n - 1] as string, 280, 60, 14),
      ]),
    );
    const blocks = dropFurniture(pages.map((p) => ({ height: p.height, blocks: pageBlocks(p) })));
    const lines = sourceLines(blocks).map((l) => l.text);
    expect(lines.some((l) => /某县人民政府办公室|\d/.test(l))).toBe(false);
    expect(lines).toHaveLength(9);
    expect(lines.slice(0, 4)).toEqual(['一、总体情况', `${'甲'.repeat(27)}${'乙'.repeat(10)}`, `${'丙'.repeat(26)}${'丁'.repeat(28)}`, '正文乙']);
  });

  test('a bare number is a page number only where the pages are numbered so: a table cell at a page foot stays', async () => {
    const pages = [1, 2, 3].map((n) => page([run('一、总体情况', 111, 700), run(String(n), 290, 60, 14)]));
    expect(sourceLines(dropFurniture(pages.map((p) => ({ height: p.height, blocks: pageBlocks(p) })))).map((l) => l.text)).toEqual([
      '一、总体情况',
      '一、总体情况',
      '一、总体情况',
    ]);
    const cells = [1, 2, 3].map(() => page([run('一、总体情况', 111, 700), run('0', 111, 100, 14)]));
    expect(sourceLines(dropFurniture(cells.map((p) => ({ height: p.height, blocks: pageBlocks(p) })))).filter((l) => l.text === '0')).toHaveLength(3);
  });

  test('a table ruled only between its rows reads a row as its label and numbers', async () => {
    const rule = (y: number) => ({ x1: 79, y1: y, x2: 520, y2: y });
    const frame = [rule(680), rule(655), rule(630), { x1: 79, y1: 630, x2: 79, y2: 680 }, { x1: 520, y1: 630, x2: 520, y2: 680 }];
    const runs = [run('规章', 85, 662, 14), run('0', 260, 662, 14), run('1', 360, 662, 14), run('行政规范性文件', 85, 637, 14), run('7', 260, 637, 14)];
    const lines = sourceLines([pageBlocks({ ...page(runs), segments: frame })]);
    expect(lines.map((l) => [l.text, l.cell?.row])).toEqual([
      ['规章 0 1', 0],
      ['行政规范性文件 7', 1],
    ]);
  });

  test('a page without rulings whose lines fall into columns reads as a table, row by row', async () => {
    const lines = sourceLines([
      pageBlocks(
        page([
          run('二、主动公开政府信息情况', 111, 700),
          run('规章', 80, 660, 14),
          run('0', 260, 660, 14),
          run('1', 360, 660, 14),
          run('5', 460, 660, 14),
          run('行政规范性文件', 80, 640, 14),
          run('7', 260, 640, 14),
          run('11', 356, 640, 14),
          run('18', 456, 640, 14),
        ]),
      ),
    ]);
    expect(lines.map((l) => [l.text, l.cell?.row, l.cell?.col])).toEqual([
      ['二、主动公开政府信息情况', undefined, undefined],
      ['规章', 0, 0],
      ['0', 0, 1],
      ['1', 0, 2],
      ['5', 0, 3],
      ['行政规范性文件', 1, 0],
      ['7', 1, 1],
      ['11', 1, 2],
      ['18', 1, 3],
    ]);
  });
});

describe('PDFs that cannot be imported', () => {
  const seedFile = () => file('seed.pdf', seedPdf);
  const importError = async (bytes: Uint8Array): Promise<ImportError> => {
    const error: unknown = await pdfReader.read(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  };
  const cli = async (source: string) => {
    const result = await runReport(['import', source, '-o', path.join(dir, 'out.yaml')]);
    expect(result.stderr + result.stdout).not.toMatch(STACK_FRAME);
    return result;
  };

  test('a scanned PDF (page images, no text) says so, and the CLI exits 1', async () => {
    const png = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '2', seedFile(), png]);
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    for (const image of fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))) {
      doc.addPage();
      doc.image(path.join(dir, image), 0, 0, { width: 595 });
    }
    doc.end();
    await done;
    const scanned = Buffer.concat(chunks);
    const error = await importError(scanned);
    expect([error.zh, error.en, error.kind]).toEqual(['扫描件，没有文字层', 'a scanned PDF without a text layer', 'scanned']);
    const result = await cli(file('scanned.pdf', scanned));
    expect(result.status).toBe(1);
    // The hint fits the cause: a scan, so the Word file or the web page.
    expect(result.stderr).toContain('提示: 扫描件没有文字可读：请改用原 Word 文件或网站上的网页版');
  });

  test('a PDF encrypted with a user password says it is encrypted; one with only an owner password imports', async () => {
    const encrypted = path.join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', seedFile(), encrypted]);
    const error = await importError(fs.readFileSync(encrypted));
    expect(error.zh).toMatch(/已加密/);
    expect(error.en).toMatch(/encrypted/);
    const result = await cli(encrypted);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('已加密');

    const restricted = path.join(dir, 'restricted.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--extract=n', '--', seedFile(), restricted]);
    const imported = await importReport(fs.readFileSync(restricted), 'restricted.pdf', options);
    expect(imported.data.applications).toEqual(written('yichun-2023.yaml').applications);
    expect((await cli(restricted)).status).toBe(0);
  });

  test('a truncated or garbled PDF is corrupt, one of more than 500 pages is refused, and the CLI exits 1', async () => {
    for (const bytes of [seedPdf.subarray(0, seedPdf.length >> 1), seedPdf.subarray(0, 300), new TextEncoder().encode('%PDF-1.7\n garbage\n%%EOF\n')]) {
      const error = await importError(bytes);
      expect(error.zh).toMatch(/^PDF 文件已损坏：/);
      expect(error.kind).toBe('damaged');
      // pdfjs's English ("Invalid PDF structure.") stays out of the Chinese message, and is kept in the English one.
      expect(error.zh.replace(/PDF/g, '')).not.toMatch(/[A-Za-z]/);
      expect(error.en).toMatch(/^the PDF is corrupt: [A-Za-z -]+ \(.+\)$/);
    }
    // More pages than any report: not read page by page.
    const many = path.join(dir, 'many.pdf');
    execFileSync('qpdf', ['--empty', '--pages', ...Array.from({ length: 72 }, () => seedFile()), '--', many]);
    expect((await importError(fs.readFileSync(many))).zh).toMatch(/超过 500 页/);
    const result = await cli(file('truncated.pdf', seedPdf.subarray(0, seedPdf.length - 5000)));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PDF 文件已损坏');
  });
});

test('report import of a PDF writes a YAML that report validate accepts', async () => {
  const out = path.join(dir, 'imported.yaml');
  const result = await runReport(['import', file('yichun.pdf', seedPdf), '-o', out]);
  expect(result.status).toBe(0);
  expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  expect((await runReport(['validate', out])).status).toBe(0);
});
