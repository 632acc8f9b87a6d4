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
 *   and every text and number of the model in order, escaping, determinism and --fragment.
 * The page in a real browser is html-browser.test.ts (e2e tier); renderer goldens are in renderer-goldens.test.ts.
 *
 * jsdom is pinned at 26.1.0: from 27.4 on its dependencies (@exodus/bytes, @csstools/css-calc) are ES
 * modules only, which Jest's CommonJS runtime cannot require on Node 20.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HtmlValidate } from 'html-validate';
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
import { SCROLL_HINT } from '../src/render/html/table';
import { rowAt } from '../src/report/rows';
import type { CheckedReport } from '../src/report/types';
import { runReport, tempDir } from './helpers/cli';
import { FIXTURES, ROOT } from './helpers/fixtures';
import { once } from './helpers/once';
import { domOf, FIXTURE_FILES, fixtures, gridsOf, modelTexts, name, SEED, seed, squeeze, tablesOf } from './helpers/html-page';

/** jsdom's document of a page, parsed once for all the tests that only read it (a parse is about 50 ms). */
const pageOf = once((html: string): Document => domOf(html).window.document);

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

describe('the page', () => {
  const html = renderHtml(seed.model);
  const doc = pageOf(html);

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
    const text = squeeze(pageOf(renderHtml(fixture.model)).body.textContent ?? '');
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
    // The fragment's elements carry their look in style attributes (a CMS strips <style>); the page's do not.
    expect(fragment).toContain(articleHtml(seed.model, true));
    expect(renderHtml(seed.model)).toContain(articleHtml(seed.model));
    expect(doc.querySelectorAll('article [style]').length).toBeGreaterThan(doc.querySelectorAll('article th, article td').length);
    for (const table of doc.querySelectorAll('table'))
      expect([...table.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(expect.arrayContaining(['border=1', 'cellspacing=0']));
    expect(pageOf(renderHtml(seed.model)).querySelectorAll('article [style], table[border]')).toHaveLength(0);
  });

  test('reaches the CLI and the library as plain data', async () => {
    expect(Buffer.from((await render(seed.model, 'html', { fragment: true })).bytes).toString('utf8')).toBe(fragment);
  });
});

describe('html-validate (recommended rules; the fragment’s style attributes and table attributes allowed)', () => {
  let validator: HtmlValidate;
  let forFragment: HtmlValidate;
  beforeAll(() => {
    validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    // What a fragment needs to keep its look where a CMS strips <style>: style attributes, and cellpadding/cellspacing.
    forFragment = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off', 'no-deprecated-attr': 'off' } });
  });

  test.each(fixtures.map((f) => [name(f.file), f] as const))('%s: page and fragment are valid', async (_, fixture) => {
    for (const [html, rules] of [
      [renderHtml(fixture.model), validator],
      [renderHtml(fixture.model, { fragment: true }), forFragment],
    ] as const) {
      const report = await rules.validateString(html);
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
    const doc = pageOf(renderHtml(fixture.model));
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
        // The caption's hint that a table wider than the screen scrolls is for the eye: a screen reader names the table by its summary.
        expect(table.caption?.textContent).toBe(`${block.summary}${SCROLL_HINT}`);
        expect(table.caption?.querySelector('.nb-hint')?.getAttribute('aria-hidden')).toBe('true');
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

  const doc = pageOf(renderHtml(seed.model));
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
