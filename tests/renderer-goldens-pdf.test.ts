/**
 * PDF renderer goldens (STYLE §7, beside renderer-goldens.test.ts): each model of fixtures/model rendered
 * with `render(model, 'pdf')` and the shipped fonts, then `pdftotext -layout` of it (one \f per page)
 * compared with tests/golden/pdf/NAME.txt. The layout depends only on the shipped fonts and on poppler.
 * Updating: `UPDATE_GOLDENS=1 npx jest tests/renderer-goldens-pdf.test.ts`; review the diff as code.
 */
import * as fs from 'node:fs';
import { changed, compare, goldenFile, modelOf, names, oneCharChanged, rendered } from './helpers/renderer-goldens';

const TEST = 'tests/renderer-goldens-pdf.test.ts';

test.each(names)('%s: PDF text matches its golden, page by page', async (name) => {
  const text = await rendered(modelOf(name), 'pdf');
  expect(text.endsWith('\f')).toBe(true);
  compare(text, goldenFile('pdf', name), TEST);
});

test('one character changed in the model: the PDF golden differs', async () => {
  const golden = fs.readFileSync(goldenFile('pdf', 'yichun-2023'), 'utf8');
  const actual = await rendered(oneCharChanged(modelOf('yichun-2023')), 'pdf');
  expect(actual).not.toBe(golden);
  expect(changed(actual, golden).some((line) => line.includes('；'))).toBe(true);
});
