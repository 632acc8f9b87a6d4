/**
 * The HTML renderer (src/render/html): one self-contained, accessible page from the model.
 *
 *   1. valid HTML5: html-validate with its recommended rules, none turned off;
 *   2. accessible: axe-core on the page in jsdom, no violations (jsdom has no layout: color-contrast,
 *      landmark-one-main and page-has-heading-one cannot run there and come back incomplete; the
 *      browser test runs axe again in Chromium, where every rule runs);
 *   3. the tables against the format data: each table's grid, rowspan/colspan expanded, has the labels
 *      of src/format/ and the report's numbers at the national layout's rows and columns, for the seed
 *      report and fixtures/valid/*.yaml;
 *   4. a real browser (Debian's chromium through playwright-core): cell texts by the DOM, screenshots at
 *      phone and desktop width, no sideways overflow of the page, the print PDF's text;
 *   and every text and number of the model in order, escaping, determinism and --fragment.
 * Renderer goldens are in renderer-goldens.test.ts.
 *
 * jsdom is pinned at 26.1.0: from 27.4 on its dependencies (@exodus/bytes, @csstools/css-calc) are ES
 * modules only, which Jest's CommonJS runtime cannot require on Node 20.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { JSDOM, VirtualConsole } from 'jsdom';
import { chromium, type Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_COLUMNS,
  CASE_ROWS,
  CONTENT_LABEL,
  DOCUMENT_BLOCK_ITEM,
  DOCUMENT_COUNT_COLUMNS,
  DOCUMENT_ROWS,
  LITIGATION_LABEL,
  RESULTS_LABEL,
  SINGLE_VALUE_BLOCKS,
  TABLE3_APPLICANTS,
  TABLE3_CORNER,
  TABLE3_ORGANISATIONS,
} from '../src/format/national-2021';
import { check, render } from '../src/index';
import type { ReportDoc, TableBlock } from '../src/model/types';
import { buildModel } from '../src/model/build';
import { articleHtml, renderHtml } from '../src/render/html';
import { rowAt } from '../src/report/rows';
import type { CheckedReport } from '../src/report/types';
import { runReport, tempDir } from './helpers/cli';
import { FIXTURES, ROOT, yamlFiles } from './helpers/fixtures';
import { blockTexts } from './helpers/model-text';

const FIXTURE_FILES = [path.join(FIXTURES, 'yichun-2023.yaml'), ...yamlFiles(path.join(FIXTURES, 'valid'))];
const SEED = FIXTURE_FILES[0] as string;
const name = (file: string) => path.basename(file, '.yaml');

/** A fixture checked (it must have no errors) and modelled. */
function checkedOf(file: string): { report: CheckedReport; model: ReportDoc } {
  const result = check(fs.readFileSync(file), { file });
  if (!result.report) throw new Error(`${file}: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return { report: result.report, model: buildModel(result.report) };
}
const fixtures = FIXTURE_FILES.map((file) => ({ file, ...checkedOf(file) }));
const seed = fixtures[0] as (typeof fixtures)[number];

/** jsdom without its console noise (it has no canvas: axe's color-contrast says so). */
const domOf = (html: string, options: ConstructorParameters<typeof JSDOM>[1] = {}) => new JSDOM(html, { virtualConsole: new VirtualConsole(), ...options });

const squeeze = (text: string) => text.replace(/\s+/g, '');
const tablesOf = (model: ReportDoc) => model.blocks.filter((b): b is TableBlock => b.kind === 'table');

interface Slot {
  text: string;
  th: boolean;
  /** Grid position of the cell's anchor: all slots of one merged cell share it. */
  anchor: string;
}

/**
 * Every table of a document as its grid (the HTML table model: rowspan and colspan expanded),
 * with each cell's text by innerText (a browser) or textContent (jsdom). Self-contained: it also
 * runs inside Chromium through page.evaluate.
 */
function gridsOf(doc: Document, inner: boolean): { id: string; grid: Slot[][]; anchors: string[] }[] {
  return Array.from(doc.querySelectorAll('table')).map((table) => {
    const grid: Slot[][] = [];
    const anchors: string[] = [];
    Array.from(table.rows).forEach((tr, r) => {
      let c = 0;
      for (const cell of Array.from(tr.cells)) {
        const row = (grid[r] ??= []);
        while (row[c]) c++;
        const text = inner ? (cell as HTMLElement).innerText : (cell.textContent ?? '');
        const slot = { text, th: cell.tagName === 'TH', anchor: `${r},${c}` };
        anchors.push(text);
        for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = slot;
        c += cell.colSpan;
      }
    });
    return { id: table.id, grid, anchors };
  });
}

/** What a table's grid must hold by the format data and the report, label or number in each slot: [text, is a header]. */
function expectedGrid(table: TableBlock['id'], report: CheckedReport): [string, boolean][][] {
  const label = (text: string): [string, boolean] => [text, true];
  const number = (value: number | string): [string, boolean] => [String(value), false];
  const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
  const p = report.proactive;
  if (table === 'proactive') {
    return [
      times(4, label(DOCUMENT_BLOCK_ITEM)),
      [label(CONTENT_LABEL), ...DOCUMENT_COUNT_COLUMNS.map((column) => label(column.label))],
      ...DOCUMENT_ROWS.map((row) => [label(row.label), ...DOCUMENT_COUNT_COLUMNS.map((column) => number(p[row.key][column.key]))]),
      ...SINGLE_VALUE_BLOCKS.flatMap((block) => [
        times(4, label(block.item)),
        [label(CONTENT_LABEL), ...times(3, label(block.valueLabel))],
        ...block.rows.map((row) => [label(row.label), ...times(3, number(row.key === 'fees' ? p.fees_text : p[row.key]))]),
      ]),
    ];
  }
  if (table === 'applications') {
    const corner = times(3, label(TABLE3_CORNER));
    const natural = label((APPLICANT_COLUMNS[0] as { label: string }).label);
    const total = label((APPLICANT_COLUMNS[6] as { label: string }).label);
    return [
      [...corner, ...times(7, label(TABLE3_APPLICANTS))],
      [...corner, natural, ...times(5, label(TABLE3_ORGANISATIONS)), total],
      [...corner, natural, ...APPLICANT_COLUMNS.slice(1, 6).map((column) => label(column.label)), total],
      ...APPLICATION_ROWS.map((row) => {
        const labels =
          row.kind === 'top'
            ? times(3, label(row.label))
            : row.kind === 'sub'
              ? [label(RESULTS_LABEL), label(row.group ?? ''), label(row.label)]
              : [label(RESULTS_LABEL), label(row.label), label(row.label)];
        return [...labels, ...(rowAt(report, row.path) ?? []).map(number)];
      }),
    ];
  }
  const n = CASE_COLUMNS.length;
  const [review, ...litigation] = CASE_ROWS;
  return [
    [...times(n, label(review?.label ?? '')), ...times(2 * n, label(LITIGATION_LABEL))],
    [...CASE_COLUMNS.map((c) => label(c.label)), ...litigation.flatMap((row) => times(n, label(row.label)))],
    [...CASE_COLUMNS.map((c) => label(c.label)), ...litigation.flatMap(() => CASE_COLUMNS.map((c) => label(c.label)))],
    CASE_ROWS.flatMap((row) => report.review_litigation[row.key].map(number)),
  ];
}

/** Every text of the model in reading order, as the page's text shows it (line breaks are <br>: no character; a table's summary is its caption). */
const modelTexts = (model: ReportDoc): string[] =>
  model.blocks.flatMap((block) => (block.kind === 'table' ? [block.summary, ...blockTexts(block).map((text) => text.replace(/\n/g, ''))] : blockTexts(block)));

describe('the page', () => {
  const html = renderHtml(seed.model);
  const doc = domOf(html).window.document;

  test('is an HTML5 document in Chinese with charset, viewport and title, and no script or external resource', async () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const viewport = doc.querySelector('meta[name=viewport]')?.getAttribute('content') ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable|maximum-scale/);
    expect(doc.title).toBe(seed.model.meta.title);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/@import|@font-face|url\(|https?:\/\/(?!jkq\.yichun\.gov\.cn)/);
  });

  test('has the semantic outline: main > article, the title as h1, six part headings as h2 in sections, sub-headings h3/h4', async () => {
    const article = doc.querySelector('main > article');
    expect(article).not.toBeNull();
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe(seed.model.meta.title);
    expect([...doc.querySelectorAll('article > section > h2')].map((h) => h.textContent)).toEqual(seed.model.meta.parts);
    for (const section of doc.querySelectorAll('article > section')) {
      expect(doc.getElementById(section.getAttribute('aria-labelledby') ?? '')?.parentElement).toBe(section);
    }
    const headings = seed.model.blocks.filter((b) => b.kind === 'heading');
    expect([...doc.querySelectorAll('h2, h3, h4')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual(headings.map((h) => `H${h.level + 1}:${h.text}`));
    expect(doc.querySelector('article > footer.signature time')?.getAttribute('datetime')).toBe(seed.model.meta.date);
  });

  test.each(fixtures.map((f) => [name(f.file), f] as const))('%s: every text and number of the model reaches the page, in order', (_, fixture) => {
    const text = squeeze(domOf(renderHtml(fixture.model)).window.document.body.textContent ?? '');
    let at = 0;
    for (const wanted of modelTexts(fixture.model).map(squeeze)) {
      const found = text.indexOf(wanted, at);
      if (found < 0) throw new Error(`“${wanted}” is missing after position ${at}`);
      at = found + wanted.length;
    }
  });

  test('the same model gives the same bytes, also after a JSON round trip', async () => {
    expect(renderHtml(JSON.parse(JSON.stringify(seed.model)) as ReportDoc)).toBe(html);
    expect(renderHtml(seed.model)).toBe(html);
  });

  test('the renderer is registered: render(model, "html") gives the page as UTF-8', async () => {
    const result = await render(seed.model, 'html');
    expect(result.diagnostics).toEqual([]);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(html);
  });
});

describe('escaping', () => {
  const nasty = `<script>alert("x")</script> & 'q' "dq" </p><b>`;
  const yaml = parse(fs.readFileSync(SEED, 'utf8')) as Record<string, unknown>;
  const report = check(stringify({ ...yaml, title: `${nasty}2023年报告`, overview: `${nasty}\n\n第二段 a<b && c>d` }), { file: 'nasty.yaml' });

  test('text with markup characters is shown as text, never as markup', async () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = buildModel(report.report as CheckedReport);
    const html = renderHtml(model);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &quot;dq&quot; &lt;/p&gt;&lt;b&gt;');
    const doc = domOf(html).window.document;
    expect(doc.querySelectorAll('script, b')).toHaveLength(0);
    expect(doc.title).toBe(`${nasty}2023年报告`);
    expect(doc.querySelector('meta[name=author]')?.getAttribute('content')).toBe(model.meta.author);
    const paragraphs = [...doc.querySelectorAll('section p')].map((p) => p.textContent);
    expect(paragraphs).toContain(nasty);
    expect(paragraphs).toContain('第二段 a<b && c>d');
  });
});

describe('--fragment', () => {
  const fragment = renderHtml(seed.model, { fragment: true });

  test('is the article alone after its scoped style: no document, no page rules', async () => {
    expect(fragment.startsWith('<style>\n')).toBe(true);
    expect(fragment).not.toMatch(/<!DOCTYPE|<html|<head|<body|<main|<title|nb-large|@page/i);
    const style = /<style>\n([\s\S]*?)\n<\/style>/.exec(fragment)?.[1] ?? '';
    // Every rule (outside @media) starts with the article's class: nothing of the CMS page is restyled.
    const selectors = style
      .split('\n')
      .filter((line) => line.includes('{') && !line.startsWith('@') && line !== '}')
      .map((line) => line.trim().split('{')[0] as string);
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.nianbao-report\b/);
    const doc = domOf(fragment).window.document;
    expect(doc.querySelectorAll('body > article.nianbao-report')).toHaveLength(1);
    expect(doc.querySelectorAll('article table')).toHaveLength(3);
    expect(fragment).toContain(articleHtml(seed.model));
    expect(renderHtml(seed.model)).toContain(articleHtml(seed.model));
  });

  test('reaches the CLI and the library as plain data', async () => {
    expect(Buffer.from((await render(seed.model, 'html', { fragment: true })).bytes).toString('utf8')).toBe(fragment);
  });
});

describe('html-validate (recommended rules, none turned off)', () => {
  let validator: HtmlValidate;
  beforeAll(() => {
    validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  });

  test.each(fixtures.map((f) => [name(f.file), f] as const))('%s: page and fragment are valid', async (_, fixture) => {
    for (const html of [renderHtml(fixture.model), renderHtml(fixture.model, { fragment: true })]) {
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
      expect(report.valid).toBe(true);
    }
  });
});

describe('axe-core in jsdom', () => {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  /** Rules that need layout or a canvas, which jsdom does not have: they run in the browser test. */
  const NEEDS_LAYOUT = ['color-contrast', 'landmark-one-main', 'page-has-heading-one'];

  test.each(fixtures.slice(0, 2).map((f) => [name(f.file), f] as const))('%s: no violations', async (_, fixture) => {
    const dom = domOf(renderHtml(fixture.model), { runScripts: 'outside-only', pretendToBeVisual: true });
    dom.window.eval(axeSource);
    const axe = (dom.window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(dom.window.document, { resultTypes: ['violations', 'incomplete'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    expect(result.incomplete.map((v) => v.id).sort()).toEqual(NEEDS_LAYOUT);
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['td-headers-attr', 'th-has-data-cells', 'scope-attr-valid', 'html-has-lang']));
  });
});

describe('the tables against the format data', () => {
  describe.each(fixtures.map((f) => [name(f.file), f] as const))('%s', (_, fixture) => {
    const doc = domOf(renderHtml(fixture.model)).window.document;
    const grids = gridsOf(doc, false);

    test.each(['proactive', 'applications', 'review_litigation'] as const)('%s: labels and numbers at their rows and columns', (id) => {
      const table = grids.find((g) => g.id === `nb-${id}`);
      const expected = expectedGrid(id, fixture.report);
      expect(table?.grid.map((row) => row.map((slot) => [squeeze(slot.text), slot.th]))).toEqual(
        expected.map((row) => row.map(([text, th]) => [squeeze(text), th])),
      );
    });

    test('each table has its caption, head rows in <thead>, and the model’s cells with their spans', async () => {
      for (const block of tablesOf(fixture.model)) {
        const table = doc.getElementById(`nb-${block.id}`) as HTMLTableElement;
        expect(table.caption?.textContent).toBe(block.summary);
        expect(table.tHead?.rows.length).toBe(block.grid.headerRows || 2);
        const cells = [...table.querySelectorAll('th, td')] as HTMLTableCellElement[];
        expect(cells.map((c) => [c.textContent, c.rowSpan, c.colSpan, c.tagName])).toEqual(
          block.grid.cells.map((c) => [c.text.replace(/\n/g, ''), c.rowSpan, c.colSpan, c.header ? 'TH' : 'TD']),
        );
        for (const th of table.querySelectorAll('th')) expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(th.getAttribute('scope'));
        for (const td of table.querySelectorAll('td')) expect(td.classList.contains('num')).toBe(true);
      }
    });
  });

  const doc = domOf(renderHtml(seed.model)).window.document;
  const headersText = (cell: Element) => (cell.getAttribute('headers') ?? '').split(' ').map((id) => squeeze(doc.getElementById(id)?.textContent ?? '?'));

  test('table 三: the corner cell verbatim, 3 header rows, 三、本年度办理结果 a row group of 22 rows', async () => {
    const table = doc.getElementById('nb-applications') as HTMLTableElement;
    const corner = table.tHead?.rows[0]?.cells[0];
    expect(squeeze(corner?.textContent ?? '')).toBe(TABLE3_CORNER);
    expect([corner?.rowSpan, corner?.colSpan]).toEqual([3, 3]);
    expect(table.tHead?.rows).toHaveLength(3);
    const results = [...table.querySelectorAll('th')].find((th) => squeeze(th.textContent ?? '') === RESULTS_LABEL);
    expect(results?.getAttribute('rowspan')).toBe('22');
    expect(results?.getAttribute('scope')).toBe('rowgroup');
    expect(results?.closest('tbody')?.rows).toHaveLength(22);
  });

  test('column groups: a header spanning exactly one <colgroup> heads it (scope=colgroup)', async () => {
    const scope = (id: string, text: string) =>
      [...(doc.getElementById(id) as HTMLTableElement).querySelectorAll('th')].find((th) => squeeze(th.textContent ?? '') === text)?.getAttribute('scope');
    const spans = (id: string) => [...(doc.getElementById(id) as HTMLTableElement).querySelectorAll('colgroup')].map((g) => g.querySelectorAll('col').length);
    expect(spans('nb-applications')).toEqual([3, 1, 5, 1]);
    expect([scope('nb-applications', TABLE3_CORNER), scope('nb-applications', TABLE3_ORGANISATIONS), scope('nb-applications', TABLE3_APPLICANTS)]).toEqual([
      'colgroup',
      'colgroup',
      'col',
    ]);
    expect(spans('nb-review_litigation')).toEqual([5, 5, 5]);
    expect(CASE_ROWS.map((row) => scope('nb-review_litigation', row.label))).toEqual(['colgroup', 'colgroup', 'colgroup']);
    expect(scope('nb-review_litigation', LITIGATION_LABEL)).toBe('col');
    expect(spans('nb-proactive')).toEqual([1, 3]);
  });

  test('each number names its headers: row labels left to right, then column labels top down', async () => {
    const applications = doc.getElementById('nb-applications') as HTMLTableElement;
    const secret = applications.tBodies[1]?.rows[2]?.querySelector('td');
    expect(headersText(secret as Element)).toEqual([RESULTS_LABEL, '（三）不予公开', '1.属于国家秘密', TABLE3_APPLICANTS, '自然人']);
    const proactive = doc.getElementById('nb-proactive') as HTMLTableElement;
    const punishment = [...proactive.querySelectorAll('th')].find((th) => th.textContent === '行政处罚')?.parentElement?.querySelector('td');
    expect(headersText(punishment as Element)).toEqual(['行政处罚', '第二十条第（六）项', '本年处理决定数量']);
    const review = doc.getElementById('nb-review_litigation') as HTMLTableElement;
    const cells = review.tBodies[0]?.rows[0]?.cells as HTMLCollectionOf<HTMLTableCellElement>;
    expect(headersText(cells[7] as Element)).toEqual([LITIGATION_LABEL, '未经复议直接起诉', '其他结果']);
    expect(headersText(cells[14] as Element)).toEqual([LITIGATION_LABEL, '复议后起诉', '总计']);
    for (const td of doc.querySelectorAll('td')) expect(headersText(td)).not.toContain('?');
  });
});

describe('in Chromium (playwright-core)', () => {
  const CHROMIUM = '/usr/bin/chromium';
  const ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  /** Set HTML_SCREENSHOTS=dir to keep the screenshots for a look. */
  const keep = process.env.HTML_SCREENSHOTS;
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: node scripts/test-setup.js installs Debian's chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-html-'));
    file = path.join(dir, 'yichun-2023.html');
    fs.writeFileSync(file, renderHtml(seed.model));
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async (width: number, html?: string) => {
    const page = await browser.newPage({ viewport: { width, height: 844 } });
    if (html === undefined) await page.goto(`file://${file}`);
    else await page.setContent(html);
    return page;
  };

  /** Pixels of a screenshot that are not white, counted by the browser itself (no image library needed). */
  async function inkOf(png: Buffer): Promise<number> {
    const page = await browser.newPage();
    try {
      return await page.evaluate(async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 200 || (pixels[i + 1] ?? 255) < 200 || (pixels[i + 2] ?? 255) < 200) ink++;
        return ink / (image.width * image.height);
      }, png.toString('base64'));
    } finally {
      await page.close();
    }
  }

  test('the cells read by the DOM (innerText, grid order) are the model’s', async () => {
    const page = await open(1280);
    const grids = (await page.evaluate(`(${gridsOf.toString()})(document, true)`)) as ReturnType<typeof gridsOf>;
    expect(grids.map((g) => g.id)).toEqual(tablesOf(seed.model).map((t) => `nb-${t.id}`));
    tablesOf(seed.model).forEach((block, i) => expect(grids[i]?.anchors).toEqual(block.grid.cells.map((cell) => cell.text)));
    await page.close();
  });

  test.each([
    [390, 'phone'],
    [1280, 'desktop'],
  ] as const)('at %i px (%s): not blank, the page never scrolls sideways, wide tables scroll in their region', async (width, label) => {
    const page = await open(width);
    const layout = await page.evaluate(() => {
      const root = document.documentElement;
      const outside = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !e.closest('.table-scroll'),
      );
      const regions = [...document.querySelectorAll('.table-scroll')].map((r) => ({
        scrolls: r.scrollWidth > r.clientWidth,
        fits: r.getBoundingClientRect().right <= root.clientWidth + 0.5,
      }));
      const body = parseFloat(getComputedStyle(document.querySelector('article p') as Element).fontSize);
      const lineHeight = parseFloat(getComputedStyle(document.querySelector('article p') as Element).lineHeight) / body;
      // A number cell is one line: its text has one line box.
      const wrapped = [...document.querySelectorAll('td.num')].filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }).length;
      return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        outside: outside.map((e) => e.outerHTML.slice(0, 80)),
        regions,
        body,
        lineHeight,
        wrapped,
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.outside).toEqual([]);
    expect(layout.regions.every((r) => r.fits)).toBe(true);
    // On a phone the tables keep their layout (labels unbroken but where the model breaks them) and scroll; on a desktop all three fit.
    expect(layout.regions.map((r) => r.scrolls)).toEqual(width === 390 ? [true, true, true] : [false, false, false]);
    expect(layout.body).toBeGreaterThanOrEqual(16);
    expect(layout.lineHeight).toBeCloseTo(1.8, 1);
    expect(layout.wrapped).toBe(0);
    const png = await page.screenshot({ fullPage: true });
    if (keep) fs.writeFileSync(path.join(keep, `html-${label}.png`), png);
    const ink = await inkOf(png);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.6);
    await page.close();
  });

  test.each(fixtures.slice(1).map((f) => [name(f.file), f] as const))('%s at 390 px: the page never scrolls sideways', async (_, fixture) => {
    const page = await open(390, renderHtml(fixture.model));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  test('on paper the widest numbers (99999999 everywhere) keep every table inside the type area', async () => {
    // What the model builder decides for such numbers (model/tables.ts): the size that fits the narrowest data column.
    const wide = buildModel({
      ...seed.report,
      applications: JSON.parse(JSON.stringify(seed.report.applications).replace(/\b\d+\b/g, '99999999')) as CheckedReport['applications'],
      review_litigation: JSON.parse(JSON.stringify(seed.report.review_litigation).replace(/\b\d+\b/g, '99999999')) as CheckedReport['review_litigation'],
    });
    expect(tablesOf(wide).some((t) => t.grid.numberSizePt < t.grid.fontSizePt)).toBe(true);
    // The type area is 156 mm wide: the print layout at that width must not overflow it.
    const typeArea = Math.floor((156 / 25.4) * 96);
    const page = await open(typeArea, renderHtml(wide));
    await page.emulateMedia({ media: 'print' });
    const widths = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().width));
    for (const width of widths) expect(width).toBeLessThanOrEqual(typeArea);
    await page.close();
  });

  test('the large-type switch (no script) enlarges the text, and user zoom is never blocked', async () => {
    const page = await open(390);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p') as Element).fontSize));
    const before = await size();
    await page.getByLabel('大字阅读').check();
    expect(await size()).toBeGreaterThanOrEqual(before * 1.3);
    if (keep) fs.writeFileSync(path.join(keep, 'html-phone-large.png'), await page.screenshot());
    await page.close();
  });

  test.each([390, 1280])('axe-core in the browser at %i px, every rule: no violations, contrast checked', async (width) => {
    const page = await open(width);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document),
    )) as import('axe-core').AxeResults;
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    // axe cannot tell the background of a cell spanning rows that leave the viewport, or partly scrolled out of its region: those
    // come back incomplete, never failed; the contrast of every text is measured below.
    const undetermined = /could not be determined|too short/;
    expect(result.incomplete.flatMap((v) => v.nodes.filter((n) => !(v.id === 'color-contrast' && n.any.every((c) => undetermined.test(c.message)))))).toEqual(
      [],
    );
    const passes = ['color-contrast', 'landmark-one-main', 'page-has-heading-one', 'td-headers-attr', 'th-has-data-cells'];
    // The tables scroll on a phone: their regions must then be reachable by keyboard.
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(width === 390 ? [...passes, 'scrollable-region-focusable'] : passes));
    await page.close();
  });

  test('every text has a contrast of at least 7:1 (WCAG AAA) against the background it is drawn on', async () => {
    const page = await open(1280);
    const lowest = await page.evaluate(() => {
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
      const background = (e: Element | null): number[] => {
        for (; e; e = e.parentElement) {
          const color = rgb(getComputedStyle(e).backgroundColor);
          if (color.length === 3 || (color[3] ?? 0) > 0) return color.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const texts = [...document.querySelectorAll('h1, h2, h3, h4, p, caption, th, td, label')];
      return Math.min(
        ...texts.map((e) => {
          const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }),
      );
    });
    expect(lowest).toBeGreaterThanOrEqual(7);
    await page.close();
  });

  test('printed: A4 pages with the whole text, numbers and labels, the header rows in thead', async () => {
    const page = await open(1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('thead') as Element).display)).toBe('table-header-group');
    // 3号: 16 pt.
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p') as Element).fontSize))).toBeCloseTo((16 * 4) / 3, 2);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    const out = path.join(dir, 'print.pdf');
    fs.writeFileSync(out, pdf);
    if (keep) fs.writeFileSync(path.join(keep, 'html-print.pdf'), pdf);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    // -raw: the text in the order it is drawn, which is the page's order.
    // Page numbers (— 2 —) may fall inside a paragraph that runs on to the next page.
    const text = squeeze(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' })).replace(/—\d+—/g, '');
    const captions = new Set(tablesOf(seed.model).map((t) => t.summary));
    let at = 0;
    // Captions are for screen readers in print: the part heading above each table says the same.
    for (const wanted of modelTexts(seed.model).filter((t) => !captions.has(t))) {
      const found = text.indexOf(squeeze(wanted), at);
      if (found < 0) throw new Error(`the printed PDF lacks “${wanted}” after position ${at}`);
      at = found + squeeze(wanted).length;
    }
  });
});

test('the fixture list covers the seed and fixtures/valid', async () => {
  expect(FIXTURE_FILES.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['fixtures/yichun-2023.yaml', 'fixtures/valid/busy-county.yaml']));
});

describe('report build', () => {
  const valid = path.join(FIXTURES, 'valid', 'busy-county.yaml');

  test('--format html writes NAME.html; pdf,docx,html all three; the default stays pdf,docx', async () => {
    const out = tempDir();
    expect((await runReport(['build', SEED, '--format', 'html', '--out', out])).status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['yichun-2023.html']);
    expect(fs.readFileSync(path.join(out, 'yichun-2023.html'), 'utf8')).toBe(renderHtml(seed.model));
    const all = tempDir();
    expect((await runReport(['build', SEED, '--format', 'pdf,docx,html', '--out', all])).status).toBe(0);
    expect(fs.readdirSync(all).sort()).toEqual(['yichun-2023.docx', 'yichun-2023.html', 'yichun-2023.pdf']);
    const plain = tempDir();
    expect((await runReport(['build', SEED, '--out', plain])).status).toBe(0);
    expect(fs.readdirSync(plain).sort()).toEqual(['yichun-2023.docx', 'yichun-2023.pdf']);
    expect((await runReport(['build', '--help'])).stdout).toMatch(/--format <formats>[\s\S]*pdf,docx,html[\s\S]*默认："pdf,docx"/);
  });

  test('--fragment writes the article alone, for one report and for a batch on workers', async () => {
    const out = tempDir();
    expect((await runReport(['build', SEED, valid, '--format', 'html', '--fragment', '--out', out])).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'yichun-2023.html'), 'utf8')).toBe(renderHtml(seed.model, { fragment: true }));
    expect(fs.readFileSync(path.join(out, 'busy-county.html'), 'utf8')).toMatch(/^<style>\n[\s\S]*<\/article>\n$/);
  });

  test('--manifest records --fragment, and report verify rebuilds the fragment byte for byte', async () => {
    const out = tempDir();
    expect((await runReport(['build', SEED, '--format', 'html', '--fragment', '--manifest', '--out', out])).status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { settings: { fragment?: boolean } };
    expect(manifest.settings.fragment).toBe(true);
    const verified = await runReport(['verify', out, SEED]);
    expect([verified.status, verified.stderr]).toEqual([0, expect.any(String)]);
    const page = tempDir();
    expect((await runReport(['build', SEED, '--format', 'html', '--manifest', '--out', page])).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(page, 'manifest.json'), 'utf8')).settings.fragment).toBeUndefined();
    expect((await runReport(['verify', page, SEED])).status).toBe(0);
  });
});
