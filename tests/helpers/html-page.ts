/**
 * The HTML renderer's test fixtures and page readers, shared by html.test.ts (jsdom, html-validate, the tables)
 * and html-browser.test.ts (Chromium): the seed and fixtures/valid checked and modelled, and each table read back as its grid.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { check } from '../../src/index';
import type { ReportDoc, TableBlock } from '../../src/model/types';
import { buildModel } from '../../src/model/build';
import type { CheckedReport } from '../../src/report/types';
import { FIXTURES, yamlFiles } from './fixtures';
import { blockTexts } from './model-text';

export const FIXTURE_FILES = [path.join(FIXTURES, 'yichun-2023.yaml'), ...yamlFiles(path.join(FIXTURES, 'valid'))];
export const SEED = FIXTURE_FILES[0] as string;
export const name = (file: string) => path.basename(file, '.yaml');

/** A fixture checked (it must have no errors) and modelled. */
export function checkedOf(file: string): { report: CheckedReport; model: ReportDoc } {
  const result = check(fs.readFileSync(file), { file });
  if (!result.report) throw new Error(`${file}: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return { report: result.report, model: buildModel(result.report) };
}
export const fixtures = FIXTURE_FILES.map((file) => ({ file, ...checkedOf(file) }));
export const seed = fixtures[0] as (typeof fixtures)[number];

/** jsdom without its console noise (it has no canvas: axe's color-contrast says so). */
export const domOf = (html: string, options: ConstructorParameters<typeof JSDOM>[1] = {}) =>
  new JSDOM(html, { virtualConsole: new VirtualConsole(), ...options });

export const squeeze = (text: string) => text.replace(/\s+/g, '');
export const tablesOf = (model: ReportDoc) => model.blocks.filter((b): b is TableBlock => b.kind === 'table');

export interface Slot {
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
export function gridsOf(doc: Document, inner: boolean): { id: string; grid: Slot[][]; anchors: string[] }[] {
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

/** Every text of the model in reading order, as the page's text shows it (line breaks are <br>: no character; a table's summary is its caption). */
export const modelTexts = (model: ReportDoc): string[] =>
  model.blocks.flatMap((block) => (block.kind === 'table' ? [block.summary, ...blockTexts(block).map((text) => text.replace(/\n/g, ''))] : blockTexts(block)));
