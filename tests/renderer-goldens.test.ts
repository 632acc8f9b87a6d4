/**
 * Renderer goldens (STYLE §7): each document model in fixtures/model/*.model.json is rendered with
 * the library's `render(model, format)` — no YAML, no checker — and compared, as reviewable text,
 * with tests/golden/docx/NAME.txt (parts list + word/document.xml one line per paragraph/row/cell,
 * see helpers/goldens.ts) and tests/golden/html/NAME.html (the page itself: it is text, one element or
 * table row a line). The stylesheet rules every page shares are stored once, tests/golden/html/shared.css;
 * each page golden holds its own rules, with a `/* shared.css *\/` line where shared ones stood, so a
 * change to a shared rule rewrites one golden. The PDF goldens (poppler) are in renderer-goldens-pdf.test.ts.
 * A validator change cannot move these goldens; only a model or renderer change can.
 *
 * Fonts: every role is given an explicit file from the shipped set (Noto Serif SC / Noto Sans SC
 * Bold from @expo-google-fonts, LXGW WenKai converted from @fontsource for 楷体), so the installed
 * official faces of a machine (仿宋_GB2312, 方正小标宋 …) are never looked up.
 *
 * Fixtures: `node bin/report build FILE.yaml --emit model --format docx --out DIR`, then copy
 * DIR/NAME.model.json to fixtures/model/.
 * A missing golden fails the test. Updating goldens: `UPDATE_GOLDENS=1 npx jest tests/renderer-goldens` (UPDATE_GOLDEN=1,
 * as STYLE §7 spells it, works too) rewrites them; review the diff as code.
 */
import * as fs from 'node:fs';
import { sharedCss, withoutSharedCss, SHARED_CSS_MARK } from './helpers/goldens';
import { changed, compare, goldenFile, goldenPath, modelOf, names, oneCharChanged, rendered } from './helpers/renderer-goldens';

const TEST = 'tests/renderer-goldens.test.ts';

test('there are model fixtures', () => {
  expect(names.length).toBeGreaterThanOrEqual(2);
});

/** Every model's page, and the stylesheet lines they all share. */
const pages = (async () => {
  const all = await Promise.all(names.map(async (name) => [name, await rendered(modelOf(name), 'html')] as const));
  return { pages: new Map(all), shared: sharedCss(all.map(([, page]) => page)) };
})();

test('the shared stylesheet matches its golden, and is most of every page’s stylesheet', async () => {
  const { shared } = await pages;
  compare(`${shared.join('\n')}\n`, goldenPath('html', 'shared.css'), TEST);
  expect(shared.length).toBeGreaterThan(50);
});

describe.each(names)('%s', (name) => {
  test('DOCX matches its golden', async () => {
    compare(await rendered(modelOf(name), 'docx'), goldenFile('docx', name), TEST);
  });

  test('HTML, its own rules with the shared ones marked, matches its golden', async () => {
    const { pages: all, shared } = await pages;
    const page = withoutSharedCss(all.get(name) as string, shared);
    expect(page).toContain(SHARED_CSS_MARK);
    compare(page, goldenFile('html', name), TEST);
  });
});

describe('the comparison can fail', () => {
  const name = 'yichun-2023';
  const golden = (kind: 'docx' | 'html') => fs.readFileSync(goldenFile(kind, name), 'utf8');

  test('one character changed in the model: the DOCX golden differs on that paragraph only', async () => {
    const actual = await rendered(oneCharChanged(modelOf(name)), 'docx');
    expect(actual).not.toBe(golden('docx'));
    const lines = changed(actual, golden('docx'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^P .*；/);
  });

  test('one character changed in the model: the HTML golden differs on that paragraph only', async () => {
    const { shared } = await pages;
    const actual = withoutSharedCss(await rendered(oneCharChanged(modelOf(name)), 'html'), shared);
    const lines = changed(actual, golden('html'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^<p\b.*；/);
  });

  test('a shared rule changed: the page golden no longer matches, with the rule among its own lines', async () => {
    const { pages: all, shared } = await pages;
    const rule = shared.find((line) => line.startsWith('body {')) as string;
    const page = withoutSharedCss(
      (all.get(name) as string).replace(rule, rule.replace('margin: 0', 'margin: 1px')),
      shared.filter((line) => line !== rule),
    );
    expect(changed(page, golden('html'))).toContain(rule.replace('margin: 0', 'margin: 1px'));
  });
});
