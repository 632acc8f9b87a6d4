/**
 * A PDF's pages by their printed numbers (issue #19, "Pages"): missing, repeated and reordered pages
 * are each one finding naming the pages; pages are put in order when that is certain; nothing runs
 * on across a page not printed next, so prose never takes in table text; printed page numbers never
 * reach the YAML. And three gaps of the PDF reader: a URL pushed to the next line, GB/T|9704 broken
 * over a line, a table row broken over a page. The PDFs are LibreOffice exports of DOCX files made
 * for the purpose, their pages removed, repeated or reordered by qpdf (fixtures/import/pages/ORIGIN.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInNewContext, runInThisContext } from 'node:vm';
import { parse } from 'yaml';
import { importReport, type Imported } from '../src/import/import';
import { pageOrder, type PrintedNumber } from '../src/import/page-order';
import { dropFurniture, lineBreakJoiner, pageBlocks, printedNumbers, sourceLines, type TextRun } from '../src/import/pdf-layout';
import { pdfReader } from '../src/import/pdf-reader';
import { loadPdfjs } from '../src/import/pdfjs-adapter';
import { FIXTURES } from './helpers/fixtures';
import { once } from './helpers/once';
import { squeeze } from './helpers/text';

const PAGES = path.join(FIXTURES, 'import', 'pages');
const options = { schemaPath: '../schemas/report.schema.json' };
/** A fixture imported, once for the whole file: the tests only read what an import gives. */
const load = once((name: string): Promise<Imported> => importReport(fs.readFileSync(path.join(PAGES, name)), name, options));
const TABLES = ['proactive', 'applications', 'review_litigation'] as const;
/** Findings as code, place and parameters. */
const found = (imported: Imported) => imported.findings.map((f) => [f.code, f.at, f.params]);
/** Text that reads as a printed page number, anywhere in a string of the data. */
const PAGE_NUMBER_TEXT = /(^|[^\w])[-—–]\s*\d{1,3}\s*[-—–]($|[^\w])|第\s*\d+\s*页|(^|[^\d/])\d\/\d($|[^\d/])/;
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('pageOrder', () => {
  const numbers = (...values: (number | undefined)[]): (PrintedNumber | undefined)[] => values.map((value) => (value === undefined ? undefined : { value }));
  const different = () => false;

  it('names a missing page by its printed number, after the page printed before it', () => {
    expect(pageOrder(numbers(1, 2, 4, 5), different)).toEqual({
      pages: [0, 1, 2, 3],
      follows: [false, true, false, true],
      findings: [{ code: 'RPT4035', at: '第 2 页', pointer: '', params: { missing: '3', position: 'after' } }],
    });
    // Two missing together are one finding; the last pages by the printed count (3/7); the first page.
    expect(
      pageOrder(
        [
          { value: 1, total: 7 },
          { value: 4, total: 7 },
          { value: 5, total: 7 },
        ],
        different,
      ).findings.map((f) => f.params),
    ).toEqual([
      { missing: '2–3', position: 'after' },
      { missing: '6–7', position: 'after' },
    ]);
    expect(pageOrder(numbers(2, 3), different).findings.map((f) => [f.at, f.params])).toEqual([['第 1 页', { missing: '1', position: 'before' }]]);
  });

  it('a first page printed without a number stands for page 1', () => {
    expect(pageOrder(numbers(undefined, 2, 3), different)).toEqual({ pages: [0, 1, 2], follows: [false, true, true], findings: [] });
  });

  it('a page that repeats another word for word is read once; another text under the same number is read too', () => {
    const same = (a: number, b: number) => a === 2 && b === 3;
    expect(pageOrder(numbers(1, 2, 3, 3, 4), same)).toEqual({
      pages: [0, 1, 2, 4],
      follows: [false, true, true, true],
      findings: [{ code: 'RPT4036', at: '第 4 页', pointer: '', params: { original: 3, number: 3 } }],
    });
    const other = pageOrder(numbers(1, 2, 2, 3), different);
    expect(other.pages).toEqual([0, 1, 2, 3]);
    expect(other.findings).toEqual([{ code: 'RPT4037', at: '第 3 页', pointer: '', params: { original: 2, number: 2 } }]);
  });

  it('puts pages in the printed order when every page is numbered and the numbers are a run', () => {
    expect(pageOrder(numbers(1, 3, 2, 4), different)).toEqual({
      pages: [0, 2, 1, 3],
      follows: [false, true, true, true],
      findings: [{ code: 'RPT4038', at: '第 3 页', pointer: '', params: { order: '1、3、2、4' } }],
    });
  });

  it('keeps the file order when a page has no number or the numbers have a gap, and says why', () => {
    const unnumbered = pageOrder(numbers(1, 3, undefined, 2), different);
    expect(unnumbered.pages).toEqual([0, 1, 2, 3]);
    expect(unnumbered.findings.map((f) => [f.code, f.params])).toEqual([
      ['RPT4039', { order: '1、3、—、2', reason: '第 3 页没有可读的页码', reasonEn: 'page 3 has no readable number' }],
    ]);
    // Nothing runs on between pages not printed one after the other.
    expect(unnumbered.follows).toEqual([false, false, true, false]);
    const gap = pageOrder(numbers(1, 4, 2), different);
    expect(gap.pages).toEqual([0, 1, 2]);
    expect(gap.findings.map((f) => f.code)).toEqual(['RPT4035', 'RPT4039']);
  });

  it('says nothing about a file with fewer than two printed numbers, or whose numbers mostly repeat', () => {
    const none = { pages: [0, 1, 2], follows: [false, true, true], findings: [] };
    expect(pageOrder(numbers(undefined, 5, undefined), different)).toEqual(none);
    // A page field that never updated: every page printed 1.
    expect(pageOrder(numbers(1, 1, 1), different)).toEqual(none);
  });
});

describe('printed page numbers', () => {
  const run = (str: string, x: number, y: number, size = 16): TextRun => ({
    str,
    x,
    y,
    width: [...str].length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1),
    size,
  });
  const laid = (foot: (n: number) => string, count = 3) =>
    Array.from({ length: count }, (_, p) => ({
      height: 842,
      blocks: pageBlocks({ width: 595, height: 842, segments: [], runs: [run(`正文第${'一二三四五'[p]}页`, 111, 700), run(foot(p + 1), 280, 60, 14)] }),
    }));

  it.each([
    ['— 3 —', (n: number) => `— ${n} —`],
    ['- 3 -', (n: number) => `- ${n} -`],
    ['第3页', (n: number) => `第${n}页`],
    ['第 3 页 共 3 页', (n: number) => `第 ${n} 页 共 3 页`],
    ['3/3', (n: number) => `${n}/3`],
    ['a bare 3', (n: number) => String(n)],
  ])('%s is read as the page number and dropped from the text', (_, foot) => {
    const pages = laid(foot);
    const numbers = printedNumbers(pages);
    expect(numbers.map((n) => n?.value)).toEqual([1, 2, 3]);
    // The pages' one line each runs on over the pages, as a paragraph would: the numbers are not in it.
    expect(sourceLines(dropFurniture(pages, numbers)).map((l) => l.text)).toEqual(['正文第一页正文第二页正文第三页']);
  });

  it('the page count printed with the number is kept (3/7, 第3页 共7页)', () => {
    expect(printedNumbers(laid((n) => `${n}/7`)).map((n) => n?.total)).toEqual([7, 7, 7]);
    expect(printedNumbers(laid((n) => `第${n}页 共7页`)).map((n) => n?.total)).toEqual([7, 7, 7]);
  });

  it('bare numbers out of order are still page numbers; the same bare number on every page is not', () => {
    expect(printedNumbers(laid((n) => String([3, 1, 2][n - 1]))).map((n) => n?.value)).toEqual([3, 1, 2]);
    expect(printedNumbers(laid(() => '5')).map((n) => n?.value)).toEqual([undefined, undefined, undefined]);
    // Not a page number: past the count printed with it (a date), or far past the file's pages.
    expect(printedNumbers(laid((n) => `2023/1${n}`)).map((n) => n?.value)).toEqual([undefined, undefined, undefined]);
    expect(printedNumbers(laid((n) => `— ${n * 100} —`)).map((n) => n?.value)).toEqual([undefined, undefined, undefined]);
  });
});

describe('a table row broken over a page, a line ending short before a long word (layout)', () => {
  const run = (str: string, x: number, y: number, size = 14): TextRun => ({
    str,
    x,
    y,
    width: [...str].length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1),
    size,
  });
  const rule = (y: number) => ({ x1: 79, y1: y, x2: 520, y2: y });
  const side = (x: number, y1: number, y2: number) => ({ x1: x, y1, x2: x, y2 });
  /** A page with one ruled table of rows [label, number] (y of each row's baseline), its columns at 79, 300, 520. */
  const tablePage = (rows: [string, string][], top: number) => {
    const ys = rows.map((_, r) => top - 25 * (r + 1));
    const segments = [rule(top), ...ys.map((y) => rule(y - 7)), side(79, ys.at(-1)! - 7, top), side(300, ys.at(-1)! - 7, top), side(520, ys.at(-1)! - 7, top)];
    const runs = rows.flatMap(([label, number], r) => [run(label, 85, ys[r]!), ...(number ? [run(number, 310, ys[r]!)] : [])]);
    return pageBlocks({ width: 595, height: 842, runs, segments });
  };
  const cells = (pages: ReturnType<typeof tablePage>[]) => sourceLines(pages).map((l) => [l.text, l.cell?.row]);

  it('the rest of a wrapped label at the top of the next page, its number above, is the same row', () => {
    const pages = [
      tablePage(
        [
          ['行政许可', '12'],
          ['行政事业性', '3'],
        ],
        700,
      ),
      tablePage(
        [
          ['收费', ''],
          ['行政处罚', '5'],
        ],
        760,
      ),
    ];
    expect(cells(pages)).toEqual([
      ['行政许可', 0],
      ['12', 0],
      ['行政事业性\n收费', 1],
      ['3', 1],
      ['行政处罚', 2],
      ['5', 2],
    ]);
  });

  it('a next page beginning with a whole row stays a row: one with a number, or a label that begins a row', () => {
    const withNumber = [tablePage([['行政许可', '12']], 700), tablePage([['行政处罚', '5']], 760)];
    expect(cells(withNumber).map(([, row]) => row)).toEqual([0, 0, 1, 1]);
    const numbered = [tablePage([['（一）予以公开', '12']], 700), tablePage([['（二）部分公开', '']], 760)];
    expect(cells(numbered).filter(([text]) => text !== '')).toEqual([
      ['（一）予以公开', 0],
      ['12', 0],
      ['（二）部分公开', 1],
    ]);
  });

  it('a line ending short runs on into the next when a word too long for its end begins it; a short word does not', () => {
    const body = (second: string) =>
      sourceLines([
        pageBlocks({
          width: 595,
          height: 842,
          segments: [],
          runs: [
            run('甲'.repeat(28), 79, 700, 16),
            run('本区政策文件库的网上地址为', 79, 671, 16),
            run(second, 79, 642, 16),
            run('乙'.repeat(28), 79, 613, 16),
          ],
        }),
      ]).map((l) => l.text);
    expect(body('https://www.example.gov.cn/zcwjk/list.shtml')).toEqual([
      `${'甲'.repeat(28)}本区政策文件库的网上地址为https://www.example.gov.cn/zcwjk/list.shtml`,
      '乙'.repeat(28),
    ]);
    expect(body('2023')).toEqual([`${'甲'.repeat(28)}本区政策文件库的网上地址为`, '2023', '乙'.repeat(28)]);
  });
});

describe('PDFs with pages missing, repeated or out of order (fixtures/import/pages)', () => {
  const imported = new Map<string, Imported>();
  let reference: Imported;
  const names = [
    'em-reordered.pdf',
    'bare-reordered.pdf',
    'hyphen-repeated.pdf',
    'mixed-pages.pdf',
    'di-missing.pdf',
    'of-missing-last.pdf',
    'unnumbered-reordered.pdf',
    'gaps.pdf',
  ];
  beforeAll(async () => {
    // The Word file the PDFs were exported from, read by the DOCX reader: what every page holds.
    reference = await load('em.docx');
    for (const name of names) imported.set(name, await load(name));
  });
  const data = (name: string) => (imported.get(name) as Imported).data;

  it.each([
    ['em-reordered.pdf', [['RPT4038', '第 5 页', { order: '1、2、3、5、4、6、7' }]]],
    ['bare-reordered.pdf', [['RPT4038', '第 3 页', { order: '1、3、2、4、5、6、7' }]]],
    ['hyphen-repeated.pdf', [['RPT4036', '第 4 页', { original: 3, number: 3 }]]],
  ])('%s: one finding, and the pages read in their printed order, once each: the data of the Word file', (name, findings) => {
    expect(found(imported.get(name) as Imported)).toEqual(findings);
    expect(squeeze(data(name))).toEqual(squeeze(reference.data));
  });

  it('a page missing (第3页 style) is named, the rest read; the last page missing is found by the printed count (3/7)', () => {
    expect(found(imported.get('di-missing.pdf') as Imported)).toEqual([['RPT4035', '第 2 页', { missing: '3', position: 'after' }]]);
    for (const key of TABLES) expect([key, data('di-missing.pdf')[key]]).toEqual([key, reference.data[key]]);
    const lastMissing = imported.get('of-missing-last.pdf') as Imported;
    expect(found(lastMissing)[0]).toEqual(['RPT4035', '第 6 页', { missing: '7', position: 'after' }]);
    for (const key of TABLES) expect([key, lastMissing.data[key]]).toEqual([key, reference.data[key]]);
  });

  it("another report's page under the same number is named, and both pages are read", () => {
    expect(found(imported.get('mixed-pages.pdf') as Imported)).toEqual([['RPT4037', '第 3 页', { original: 2, number: 2 }]]);
  });

  it('pages out of order with the first page unnumbered: the file order is kept, and prose never takes in table text', () => {
    const uncertain = imported.get('unnumbered-reordered.pdf') as Imported;
    expect(found(uncertain)[0]).toEqual([
      'RPT4039',
      '第 5 页',
      { order: '—、2、3、5、4、6、7', reason: '第 1 页没有可读的页码', reasonEn: 'page 1 has no readable number' },
    ]);
    for (const key of TABLES) expect([key, uncertain.data[key]]).toEqual([key, reference.data[key]]);
    const prose = strings([uncertain.data.preamble, uncertain.data.overview, uncertain.data.problems]).join('\n');
    for (const label of ['属于国家秘密', '行政许可', '维持', '申请人情况', '49255']) expect([label, prose.includes(label)]).toEqual([label, false]);
  });

  it('no printed page number reaches the data, whichever the style', () => {
    for (const name of names) {
      const text = strings(data(name)).filter((s) => PAGE_NUMBER_TEXT.test(s));
      expect([name, text]).toEqual([name, []]);
      expect(() => parse((imported.get(name) as Imported).yaml) as unknown).not.toThrow();
    }
  });

  it('the page findings are in the YAML as comments at its head', () => {
    expect((imported.get('em-reordered.pdf') as Imported).yaml).toMatch(
      /^# 导入：原文第 5 页：页面顺序与印出的页码不符（文件中依次为 1、2、3、5、4、6、7），已按页码的顺序读入$/m,
    );
  });
});

describe('gaps of the PDF reader (fixtures/import/pages/gaps.pdf)', () => {
  let gaps: Imported;
  let reference: Imported;
  beforeAll(async () => {
    gaps = await load('gaps.pdf');
    reference = await load('em.docx');
  });
  const supervision = (imported: Imported) => JSON.stringify(imported.data.overview);

  it('a URL too long for the rest of its line stays in its paragraph, whole', () => {
    expect(supervision(gaps)).toContain(
      '5.公开政策文件库。本区政策文件库的地址为https://www.yichun.gov.cn/ycsrmzf/zcwjk/zcwjk_list.shtml?organId=jkq&year=2023，欢迎查阅。',
    );
  });

  it('Latin words broken over a line keep their space: GB/T 9704', () => {
    expect(supervision(gaps)).toContain('国家标准GB/T 9704的版式');
    expect(lineBreakJoiner('按照国家标准GB/T', '9704的版式')).toBe(' ');
    expect(lineBreakJoiner('地址为https://', 'www.yichun.gov.cn/')).toBe('');
    expect(lineBreakJoiner('zcwjk_list.shtml?', 'organId=jkq')).toBe('');
    expect(lineBreakJoiner('电话：0795-3668', '066')).toBe('');
  });

  it('a row whose label wraps over a page break is one row, its numbers read', async () => {
    const lines = await pdfReader.read(fs.readFileSync(path.join(PAGES, 'gaps.pdf')));
    const label = lines.find((l) => l.text.startsWith('（二）部分公开'));
    // The label's first line is on page 4, its rest at the top of page 5: one cell, at its page-4 place.
    expect(label).toMatchObject({ text: '（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）', at: expect.stringMatching(/^第 4 页/) as unknown });
    expect(lines.some((l) => l.text === '只计这一情形，不计其他情形）')).toBe(false);
    expect(gaps.findings).toEqual([]);
    for (const key of TABLES) expect([key, gaps.data[key]]).toEqual([key, reference.data[key]]);
  });
});

test('pdfjs leaves the native Array.prototype.push in the realm it loads into (its core-js replaces it)', async () => {
  await loadPdfjs();
  // core-js makes its functions' toString say [native code]: a new realm's toString tells the truth.
  const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
  // pdfjs is loaded by Node's own loader into Node's realm, which under jest is not this file's context.
  expect(sourceOf.call(runInThisContext('Array.prototype.push'))).toContain('[native code]');
  expect(sourceOf.call([].push)).toContain('[native code]');
});
