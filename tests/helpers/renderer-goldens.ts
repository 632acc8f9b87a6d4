/**
 * What the renderer golden tests share (renderer-goldens.test.ts: DOCX and HTML; renderer-goldens-pdf.test.ts:
 * the PDF through poppler): the model fixtures, the shipped fonts, rendering, and comparing with a golden
 * or, with UPDATE_GOLDENS=1 (UPDATE_GOLDEN=1, as STYLE §7 spells it), writing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLED, FONT_ROLES } from '../../src/fonts/resolve';
import { render, type FontRole, type ReportDoc } from '../../src/index';
import { ROOT } from './fixtures';
import { docxGolden, pdfGolden } from './goldens';

const MODELS = path.join(ROOT, 'fixtures', 'model');
const GOLDEN = path.join(ROOT, 'tests', 'golden');
const UPDATE = process.env.UPDATE_GOLDENS === '1' || process.env.UPDATE_GOLDEN === '1';

/** The model fixtures, fixtures/model/NAME.model.json, by name. */
export const names = fs
  .readdirSync(MODELS)
  .filter((f) => f.endsWith('.model.json'))
  .map((f) => f.slice(0, -'.model.json'.length))
  .sort();

export const modelOf = (name: string) => JSON.parse(fs.readFileSync(path.join(MODELS, `${name}.model.json`), 'utf8')) as ReportDoc;

/** Shipped font files for every role; nothing installed on the machine is consulted. */
const fonts = Object.fromEntries(FONT_ROLES.map((role) => [role, BUNDLED[role].file])) as Record<FontRole, string>;

export type Kind = 'docx' | 'pdf' | 'html';

/** The model rendered, as the text its golden holds (the HTML page whole: shared rules are taken out by the caller). */
export async function rendered(model: ReportDoc, format: Kind): Promise<string> {
  const result = await render(model, format, { fonts });
  expect(result.diagnostics).toEqual([]);
  if (format === 'html') return Buffer.from(result.bytes).toString('utf8');
  return format === 'docx' ? docxGolden(result.bytes) : pdfGolden(result.bytes);
}

/** tests/golden/KIND/FILE. */
export const goldenPath = (kind: Kind, file: string) => path.join(GOLDEN, kind, file);
export const goldenFile = (kind: Kind, name: string) => goldenPath(kind, `${name}.${kind === 'html' ? 'html' : 'txt'}`);

/** Compares with the golden at `file`, or writes it when updating. */
export function compare(actual: string, file: string, test: string): void {
  if (!UPDATE && !fs.existsSync(file)) throw new Error(`missing golden ${path.relative(ROOT, file)}; run UPDATE_GOLDENS=1 npx jest ${test}`);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

/** The model with one character of its first paragraph changed. */
export function oneCharChanged(model: ReportDoc): ReportDoc {
  const copy = JSON.parse(JSON.stringify(model)) as { blocks: { kind: string; text?: string }[] };
  const paragraph = copy.blocks.find((b) => b.kind === 'paragraph' && typeof b.text === 'string' && b.text.includes('。'));
  if (!paragraph?.text) throw new Error('no paragraph with 。 to change');
  paragraph.text = paragraph.text.replace('。', '；');
  return copy as unknown as ReportDoc;
}

/** Lines of `a` not in `b` at the same index. */
export const changed = (a: string, b: string) => a.split('\n').filter((line, i) => line !== b.split('\n')[i]);
