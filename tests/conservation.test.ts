/**
 * The document never says less than the model: every character of every block and table cell
 * reaches the PDF's extracted text, in order, each block contiguous (only page numbers and the
 * header rows a table repeats on a new page may come between its pieces), and every glyph lies
 * inside the type area; the DOCX's document.xml holds exactly the model's text. Over the fixtures
 * and a generated corpus of hard cases, so a single dropped or displaced character fails.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { checkReport } from '../src/check';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import { buildModel } from '../src/model/build';
import type { ReportDoc } from '../src/model/types';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { writeCorpus } from './helpers/corpus';
import { FIXTURES, yamlFiles } from './helpers/fixtures';
import { BOTTOM, LEFT, RIGHT, TOP, TURNED, turnedPages } from './helpers/pdf-boxes';
import { blockTexts } from './helpers/model-text';

const dir = tempDir();
const fonts = new FontSet(resolveFonts(nodeHost({})));
const squash = (text: string) => text.replace(/\s+/g, '');

function modelOf(file: string): ReportDoc {
  const checked = checkReport(nodeHost(), file);
  if (!checked.report) throw new Error(`${file}: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
  return buildModel(checked.report);
}

/**
 * The model's items the PDF does not hold whole and in order — where what lies between two items is
 * more than a repeated header row of the table they are in or a continued label. Empty when the PDF
 * says exactly what the model says.
 */
function unconserved(model: ReportDoc, pdf: string): string[] {
  const text = squash(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })).replace(/—\d+—/g, '');
  let at = 0;
  const problems: string[] = [];
  for (const block of model.blocks) {
    const repeatable = block.kind === 'table' ? block.grid.cells.filter((c) => c.row < block.grid.headerRows).map((c) => squash(c.text)) : [];
    for (const item of blockTexts(block).map(squash).filter(Boolean)) {
      const found = text.indexOf(item, at);
      const between = found < 0 ? '' : repeatable.reduce((rest, header) => rest.split(header).join(''), text.slice(at, found)).replace(/（续）/g, '');
      if (found < 0 || between !== '') problems.push(`${item.slice(0, 40)} (${found < 0 ? 'missing or split' : `after “${between.slice(0, 40)}”`})`);
      // Found after something unexpected: carry on from there, so one fault is reported once or twice, not for the rest of the document.
      if (found >= 0) at = found + item.length;
    }
  }
  if (text.slice(at) !== '') problems.push(`extra text at the end: ${text.slice(at, at + 40)}`);
  return problems;
}

test('the check fails when the PDF drops one character', async () => {
  const model = modelOf(path.join(FIXTURES, 'yichun-2023.yaml'));
  const index = model.blocks.findIndex((b) => b.kind === 'paragraph');
  const block = model.blocks[index];
  if (block?.kind !== 'paragraph') throw new Error('no paragraph');
  const dropped: ReportDoc = {
    ...model,
    blocks: model.blocks.map((b, i) => (i === index ? { ...block, text: block.text.slice(0, 30) + block.text.slice(31) } : b)),
  };
  const pdf = path.join(dir, 'dropped.pdf');
  fs.writeFileSync(pdf, (await renderPdf(dropped, { timestamp: TIMESTAMP, fonts })).bytes);
  const problems = unconserved(model, pdf);
  expect(problems[0]).toMatch(/^依据《中华人民共和国政府信息公开条例》.*missing or split/);
  expect(problems.length).toBeLessThanOrEqual(2);
  expect(unconserved(dropped, pdf)).toEqual([]);
});

const files = [path.join(FIXTURES, 'yichun-2023.yaml'), ...yamlFiles(path.join(FIXTURES, 'valid')), ...writeCorpus(dir, 12)];

describe.each(files.map((file) => [path.basename(file), file]))('%s', (name, file) => {
  const model = modelOf(file);
  const pdf = path.join(dir, `${name}.pdf`);

  beforeAll(async () => {
    fs.writeFileSync(pdf, (await renderPdf(model, { timestamp: TIMESTAMP, fonts })).bytes);
  });

  test('PDF: every item of the model, in order and whole; nothing between but page numbers and repeated headers', () => {
    expect(unconserved(model, pdf)).toEqual([]);
  });

  test('PDF: every glyph but the page number lies inside the type area (a turned page’s as shown)', () => {
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const turned = turnedPages(pdf);
    const outside = html
      .split('<page ')
      .slice(1)
      .flatMap((page, index) => {
        const area = turned.has(index + 1) ? TURNED : { LEFT, RIGHT, TOP, BOTTOM };
        return (
          [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
            .map((m) => ({ page: index + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] ?? '' }))
            .filter((w) => !(w.text === '—' || /^\d+$/.test(w.text)) || (turned.has(w.page) ? w.x1 > area.LEFT : w.y0 < area.BOTTOM))
            // Vertically pdftotext boxes span the font's whole ascent and descent, taller than a 22 pt
            // title's line pitch: the middle of the box must be inside.
            .filter((w) => w.x0 < area.LEFT - 0.5 || w.x1 > area.RIGHT + 0.5 || (w.y0 + w.y1) / 2 < area.TOP || (w.y0 + w.y1) / 2 > area.BOTTOM)
        );
      });
    expect(outside).toEqual([]);
  });

  test('DOCX: document.xml holds exactly the model’s text, in order', async () => {
    const xml = Buffer.from(unzipSync(await renderDocx(model, { timestamp: TIMESTAMP }))['word/document.xml'] as Uint8Array).toString('utf8');
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
    // The renderer's word joiners (after a hyphen between digits) are break controls, not text.
    expect(squash(text.replace(/-\u2060(?=\d)/g, '-'))).toBe(model.blocks.flatMap(blockTexts).map(squash).join(''));
  });
});
