/**
 * The HTML page in a real browser (Debian's chromium through playwright-core; the e2e tier): cell texts by
 * the DOM, screenshots at phone and desktop width, no sideways overflow of the page, the large-type switch,
 * axe-core with every rule (contrast included), and the print PDF's text. The checks that need no browser
 * (html-validate, axe-core in jsdom, the tables against the format data) are in html.test.ts.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildModel } from '../src/model/build';
import { renderHtml } from '../src/render/html';
import type { CheckedReport } from '../src/report/types';
import { fixtures, checkedOf, gridsOf, modelTexts, name, seed, squeeze, tablesOf } from './helpers/html-page';
import { writeCorpus } from './helpers/corpus';
import { launchChromium } from './helpers/chromium';
import { lineCorpus } from './helpers/line-corpus';
import { LEFT, lineBoxes, RIGHT } from './helpers/pdf-boxes';

describe('in Chromium (playwright-core)', () => {
  /** Set HTML_SCREENSHOTS=dir to keep the screenshots for a look. */
  const keep = process.env.HTML_SCREENSHOTS;
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    browser = await launchChromium();
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

  /**
   * Draws a screenshot into a canvas, in a page of its own, and runs `read` on it there (no image library
   * needed). `read` travels as its source text, so it may use nothing but its arguments.
   */
  async function readImage<A, T>(png: Buffer, read: (context: CanvasRenderingContext2D, width: number, height: number, arg: A) => T, arg: A): Promise<T> {
    const page = await browser.newPage();
    try {
      return (await page.evaluate(`(async () => {
        const image = new Image();
        image.src = 'data:image/png;base64,${png.toString('base64')}';
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return (${read.toString()})(context, image.width, image.height, ${JSON.stringify(arg)});
      })()`)) as T;
    } finally {
      await page.close();
    }
  }

  /** The share of a screenshot's pixels that are not white. */
  const inkOf = (png: Buffer) =>
    readImage(
      png,
      (context, width, height) => {
        const pixels = context.getImageData(0, 0, width, height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 200 || (pixels[i + 1] ?? 255) < 200 || (pixels[i + 2] ?? 255) < 200) ink++;
        return ink / (width * height);
      },
      null,
    );

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

  test('on paper the widest numbers (99999999 everywhere): tables the model turns print on landscape pages, every table inside its type area', async () => {
    // What the model builder decides for such numbers (model/tables.ts): too wide upright even at 8 pt, so turned.
    const wide = buildModel({
      ...seed.report,
      applications: JSON.parse(JSON.stringify(seed.report.applications).replace(/\b\d+\b/g, '99999999')) as CheckedReport['applications'],
      review_litigation: JSON.parse(JSON.stringify(seed.report.review_litigation).replace(/\b\d+\b/g, '99999999')) as CheckedReport['review_litigation'],
    });
    const turned = tablesOf(wide).filter((t) => t.grid.landscape);
    expect(turned.length).toBeGreaterThan(0);
    // The type area is 156 mm wide upright and 225 mm turned: each table's print layout at its width must not overflow it.
    const px = (mm: number) => Math.floor((mm / 25.4) * 96);
    for (const [mm, turn] of [
      [156, false],
      [225, true],
    ] as const) {
      const page = await open(px(mm), renderHtml(wide));
      await page.emulateMedia({ media: 'print' });
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('table')].map((t) => {
          const section = t.closest('section') as Element;
          return { width: t.getBoundingClientRect().width, page: getComputedStyle(section).getPropertyValue('page') };
        }),
      );
      expect(tables.filter((t) => t.page === 'turned')).toHaveLength(turned.length);
      for (const table of tables.filter((t) => (t.page === 'turned') === turn)) expect(table.width).toBeLessThanOrEqual(px(mm));
      if (turn) {
        // Printed: the turned tables' pages are A4 landscape, the others upright.
        const out = path.join(dir, 'turned.pdf');
        fs.writeFileSync(out, await page.pdf({ preferCSSPageSize: true }));
        const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', out], { encoding: 'utf8' }).match(/Page\s+\d+ size:\s+[\d.]+ x [\d.]+/g) ?? [];
        const landscape = sizes.filter((line) => {
          const [w, h] = (line.match(/([\d.]+) x ([\d.]+)/) as RegExpMatchArray).slice(1).map(Number);
          return (w as number) > (h as number);
        });
        expect(landscape.length).toBeGreaterThanOrEqual(turned.length);
        expect(landscape.length).toBeLessThan(sizes.length);
      }
      await page.close();
    }
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

  /** The corpora that are hard to set: long organs, URLs, e-mails, phones and long numbers (corpus.ts), and runs at every column of a line (line-corpus.ts). */
  const corpora = (): { name: string; model: import('../src/model/types').ReportDoc }[] => [
    ...writeCorpus(dir, 4).map((file) => ({ name: name(file), model: checkedOf(file).model })),
    ...lineCorpus(seed.model, 3, 30).map((c) => ({ name: `line-${c.name}`, model: c.model })),
  ];

  /** The corpus tests print or lay out a dozen reports: about 40 s alone, several times that while other test files run. */
  const CORPUS_TIMEOUT = 5 * 60_000;

  test(
    'printed over the corpora: no line of body text has more than 0.15 em added between its characters',
    async () => {
      const BODY_PT = 16;
      const worst: { name: string; text: string; em: number }[] = [];
      let measured = 0;
      let most = 0;
      for (const { name: label, model } of corpora()) {
        const page = await open(1280, renderHtml(model));
        await page.emulateMedia({ media: 'print' });
        const out = path.join(dir, `${label}.pdf`);
        fs.writeFileSync(out, await page.pdf({ preferCSSPageSize: true }));
        if (keep) fs.copyFileSync(out, path.join(keep, `html-print-${label}.pdf`));
        // Body lines (flush left or indented two characters) that reach the last character of the measure are the ones
        // justification may have stretched (poppler may cut a loose line in pieces: they are joined by their baseline).
        const rows = new Map<string, { xMin: number; xMax: number; text: string }>();
        for (const box of lineBoxes(out)) {
          const key = `${box.page}:${Math.round(box.yMin)}`;
          const row = rows.get(key);
          rows.set(key, row ? { xMin: Math.min(row.xMin, box.xMin), xMax: Math.max(row.xMax, box.xMax), text: row.text + box.text } : { ...box });
        }
        const full = [...rows.values()].filter(
          (row) => [LEFT, LEFT + 2 * BODY_PT].some((x) => Math.abs(row.xMin - x) < 1) && row.xMax > RIGHT - BODY_PT && [...row.text].length > 10,
        );
        // Each line's natural width, set by the same browser in the same face and size without wrapping or justification.
        const natural = (await page.evaluate(
          (texts) => {
            const probe = document.createElement('span');
            probe.style.cssText = 'white-space: pre; text-indent: 0; display: inline-block; text-align: left';
            (document.querySelector('article p') as Element).append(probe);
            return texts.map((text) => {
              probe.textContent = text;
              return probe.getBoundingClientRect().width * 0.75;
            });
          },
          full.map((row) => row.text),
        )) as number[];
        await page.close();
        full.forEach((row, i) => {
          const em = (row.xMax - row.xMin - (natural[i] ?? 0)) / ([...row.text].length - 1) / BODY_PT;
          measured++;
          most = Math.max(most, em);
          if (em > 0.15) worst.push({ name: label, text: row.text, em: Number(em.toFixed(3)) });
        });
      }
      if (process.env.HTML_SPACING) fs.writeFileSync(process.env.HTML_SPACING, JSON.stringify({ measured, most, worst }, null, 1));
      expect(measured).toBeGreaterThan(300);
      expect(worst).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );

  test.each([390, 320])(
    'at %i px over the corpora: the title breaks only between its words, no phone number at its hyphen, and every column of every table can be scrolled to',
    async (width) => {
      for (const { model } of [...fixtures, ...corpora()]) {
        const page = await open(width, renderHtml(model));
        const layout = await page.evaluate(() => {
          const h1 = document.querySelector('h1') as HTMLElement;
          // A word drawn on two lines has two boxes.
          const broken = [...h1.querySelectorAll('.w')].filter((w) => w.getClientRects().length > 1).map((w) => w.textContent);
          const regions = [...document.querySelectorAll('.table-scroll')].map((region) => {
            const table = region.querySelector('table') as HTMLElement;
            region.scrollLeft = region.scrollWidth;
            const edge = region.getBoundingClientRect().right;
            // After scrolling to the end, the right edge of every row's last cell is in view.
            const hidden = [...table.querySelectorAll('tr')].filter((tr) => (tr.lastElementChild as Element).getBoundingClientRect().right > edge + 1).length;
            return {
              reachable: region.scrollWidth >= table.getBoundingClientRect().width - 1 && hidden === 0,
              scrolls: region.scrollWidth > region.clientWidth,
              hint: getComputedStyle(region.querySelector('.nb-hint') as Element).display !== 'none',
            };
          });
          const words = [...h1.querySelectorAll('.w')].map((w) => w.textContent).join('');
          // A phone number (0795-3668066) is never split at its hyphen: one line box each.
          const phones = [...document.querySelectorAll('p .nobr')];
          const split = phones.filter((span) => span.getClientRects().length > 1).map((span) => span.textContent);
          return { broken, overflow: h1.scrollWidth > h1.clientWidth, regions, words, split, phones: phones.length };
        });
        // The title is all in words (the model's break points), and none is drawn on two lines.
        expect(layout.words).toBe(model.meta.title);
        expect(layout.broken).toEqual([]);
        expect(layout.overflow).toBe(false);
        expect(layout.split).toEqual([]);
        if (model === seed.model) expect(layout.phones).toBe(1);
        for (const region of layout.regions) {
          expect(region.reachable).toBe(true);
          // A table wider than the screen says so above it.
          expect(region.hint).toBe(region.scrolls);
        }
        if (keep && model === seed.model) fs.writeFileSync(path.join(keep, `html-title-${width}.png`), await page.screenshot());
        await page.close();
      }
    },
    CORPUS_TIMEOUT,
  );

  test('the fragment with its <style> stripped (a CMS) still draws every border of every cell', async () => {
    const stripped = renderHtml(seed.model, { fragment: true }).replace(/<style>[\s\S]*?<\/style>/g, '');
    expect(stripped).not.toContain('<style');
    const page = await open(1280, stripped);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('th, td')].map((cell) => {
        const r = cell.getBoundingClientRect();
        return { left: r.left + window.scrollX, right: r.right + window.scrollX, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
      }),
    );
    const png = await page.screenshot({ fullPage: true });
    if (keep) fs.writeFileSync(path.join(keep, 'html-fragment-stripped.png'), png);
    await page.close();
    expect(cells.length).toBeGreaterThan(100);
    // Each edge of each cell: a dark pixel within a pixel of the edge, at the edge's middle.
    const missing = await readImage(
      png,
      (context, _width, _height, boxes) => {
        const dark = (x: number, y: number) => {
          for (let dx = -1; dx <= 1; dx++)
            for (let dy = -1; dy <= 1; dy++) {
              const [r = 255, g = 255, b = 255] = context.getImageData(Math.round(x + dx), Math.round(y + dy), 1, 1).data;
              if (r + g + b < 3 * 160) return true;
            }
          return false;
        };
        return boxes.filter((c) => {
          const [mx, my] = [(c.left + c.right) / 2, (c.top + c.bottom) / 2];
          return !(dark(c.left, my) && dark(c.right - 1, my) && dark(mx, c.top) && dark(mx, c.bottom - 1));
        }).length;
      },
      cells,
    );
    expect(missing).toBe(0);
  });
});
