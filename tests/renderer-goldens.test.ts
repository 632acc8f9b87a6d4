/**
 * Renderer goldens (STYLE §7): each document model in fixtures/model/*.model.json is rendered with
 * the library's `render(model, format)` — no YAML, no checker — and compared, as reviewable text,
 * with tests/golden/docx/NAME.txt (parts list + word/document.xml one line per paragraph/row/cell,
 * see helpers/goldens.ts), tests/golden/pdf/NAME.txt (`pdftotext -layout`, one \f per page) and
 * tests/golden/html/NAME.html (the page itself: it is text, one element or table row a line).
 * A validator change cannot move these goldens; only a model or renderer change can.
 *
 * Fonts: every role is given an explicit file from the shipped set (Noto Serif SC / Noto Sans SC
 * Bold from @expo-google-fonts, LXGW WenKai converted from @fontsource for 楷体), so the installed
 * official faces of a machine (仿宋_GB2312, 方正小标宋 …) are never looked up and the PDF layout
 * depends only on the shipped fonts (and on poppler's pdftotext, which extracts the text).
 *
 * Fixtures: `node bin/report build FILE.yaml --emit model --format docx --out DIR`, then copy
 * DIR/NAME.model.json to fixtures/model/.
 * A missing golden fails the test. Updating goldens: `UPDATE_GOLDENS=1 npx jest tests/renderer-goldens.test.ts` (UPDATE_GOLDEN=1,
 * as STYLE §7 spells it, works too) rewrites them; review the diff as code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLED, FONT_ROLES } from '../src/fonts/resolve';
import { render, type FontRole, type ReportDoc } from '../src/index';
import { ROOT } from './helpers/fixtures';
import { docxGolden, pdfGolden } from './helpers/goldens';

const MODELS = path.join(ROOT, 'fixtures', 'model');
const GOLDEN = path.join(ROOT, 'tests', 'golden');
const UPDATE = process.env.UPDATE_GOLDENS === '1' || process.env.UPDATE_GOLDEN === '1';

const names = fs
  .readdirSync(MODELS)
  .filter((f) => f.endsWith('.model.json'))
  .map((f) => f.slice(0, -'.model.json'.length))
  .sort();

const modelOf = (name: string) => JSON.parse(fs.readFileSync(path.join(MODELS, `${name}.model.json`), 'utf8')) as ReportDoc;

/** Shipped font files for every role; nothing installed on the machine is consulted. */
const fonts = Object.fromEntries(FONT_ROLES.map((role) => [role, BUNDLED[role].file])) as Record<FontRole, string>;

type Kind = 'docx' | 'pdf' | 'html';

async function rendered(model: ReportDoc, format: Kind): Promise<string> {
  const result = await render(model, format, { fonts });
  expect(result.diagnostics).toEqual([]);
  if (format === 'html') return Buffer.from(result.bytes).toString('utf8');
  return format === 'docx' ? docxGolden(result.bytes) : pdfGolden(result.bytes);
}

const goldenFile = (kind: Kind, name: string) => path.join(GOLDEN, kind, `${name}.${kind === 'html' ? 'html' : 'txt'}`);

/** Compares with the golden, or writes it when updating. */
function compare(actual: string, kind: Kind, name: string): void {
  const file = goldenFile(kind, name);
  if (!UPDATE && !fs.existsSync(file))
    throw new Error(`missing golden ${path.relative(ROOT, file)}; run UPDATE_GOLDENS=1 npx jest tests/renderer-goldens.test.ts`);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

test('there are model fixtures', () => {
  expect(names.length).toBeGreaterThanOrEqual(2);
});

describe.each(names)('%s', (name) => {
  test('DOCX matches its golden', async () => {
    compare(await rendered(modelOf(name), 'docx'), 'docx', name);
  });

  test('PDF text matches its golden, page by page', async () => {
    const text = await rendered(modelOf(name), 'pdf');
    expect(text.endsWith('\f')).toBe(true);
    compare(text, 'pdf', name);
  });

  test('HTML matches its golden', async () => {
    compare(await rendered(modelOf(name), 'html'), 'html', name);
  });
});

/** The model with one character of its first paragraph changed. */
function oneCharChanged(model: ReportDoc): ReportDoc {
  const copy = JSON.parse(JSON.stringify(model)) as { blocks: { kind: string; text?: string }[] };
  const paragraph = copy.blocks.find((b) => b.kind === 'paragraph' && typeof b.text === 'string' && b.text.includes('。'));
  if (!paragraph?.text) throw new Error('no paragraph with 。 to change');
  paragraph.text = paragraph.text.replace('。', '；');
  return copy as unknown as ReportDoc;
}

describe('the comparison can fail', () => {
  const name = 'yichun-2023';
  const golden = (kind: Kind) => fs.readFileSync(goldenFile(kind, name), 'utf8');
  /** Lines of `a` not in `b` at the same index. */
  const changed = (a: string, b: string) => a.split('\n').filter((line, i) => line !== b.split('\n')[i]);

  test('one character changed in the model: the DOCX golden differs on that paragraph only', async () => {
    const actual = await rendered(oneCharChanged(modelOf(name)), 'docx');
    expect(actual).not.toBe(golden('docx'));
    const lines = changed(actual, golden('docx'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^P .*；/);
  });

  test('one character changed in the model: the HTML golden differs on that paragraph only', async () => {
    const actual = await rendered(oneCharChanged(modelOf(name)), 'html');
    const lines = changed(actual, golden('html'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^<p>.*；/);
  });

  test('one character changed in the model: the PDF golden differs', async () => {
    const actual = await rendered(oneCharChanged(modelOf(name)), 'pdf');
    expect(actual).not.toBe(golden('pdf'));
    expect(changed(actual, golden('pdf')).some((line) => line.includes('；'))).toBe(true);
  });
});
