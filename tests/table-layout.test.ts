/**
 * The tables as laid out, over the seed and a generated corpus (counts of 1–8 digits in every column,
 * part 三 starting at different heights of its page), read back from the PDF with
 * `pdftotext -bbox-layout` and from the DOCX's document.xml: no number is split, every word stays
 * inside the type area and every number inside its column, label lines come out as the model broke
 * them, table 三 stands on one page with its heading, and the DOCX has the model's column widths.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import { breakLabel } from '../src/model/cell-text';
import { LABEL_BREAKS } from '../src/format/national-2021';
import type { ReportDoc, TableBlock } from '../src/model/types';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { CELL_PADDING_PT, TYPE_AREA } from '../src/format/page-standard';
import { BOTTOM, LEFT, RIGHT, TOP } from './helpers/pdf-boxes';
import { modelOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { corpusModel } from './helpers/table-corpus';

const dir = tempDir();
const fonts = new FontSet(resolveFonts(nodeHost({})));

interface Word {
  page: number;
  line: string;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['page', 'flow', 'block', 'line', 'word'].includes(name) });
type Box = Record<string, string>;

/** Every word of the PDF with its box and the text of its line, from pdftotext's XHTML. */
function words(file: string): Word[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const doc = parser.parse(xhtml) as {
    html: { body: { doc: { page: { flow?: { block: { line: { word: (Box & { '#text': string | number })[] }[] }[] }[] }[] } } };
  };
  return doc.html.body.doc.page.flatMap((page, p) =>
    (page.flow ?? []).flatMap((flow) =>
      flow.block.flatMap((block) =>
        block.line.flatMap((line) => {
          const text = line.word.map((w) => String(w['#text'])).join('');
          return line.word.map((w) => ({
            page: p + 1,
            line: text,
            text: String(w['#text']),
            xMin: Number(w.xMin),
            xMax: Number(w.xMax),
            yMin: Number(w.yMin),
            yMax: Number(w.yMax),
          }));
        }),
      ),
    ),
  );
}

const tables = (model: ReportDoc) => model.blocks.filter((b): b is TableBlock => b.kind === 'table');
const cases: [string, () => ReportDoc][] = [
  ['the seed', () => modelOf('yichun-2023.yaml')],
  ...[
    { digits: 1, paragraphs: 0 },
    { digits: 4, paragraphs: 9 },
    { digits: 5, paragraphs: 3 },
    { digits: 6, paragraphs: 14 },
    { digits: 7, paragraphs: 6 },
    { digits: 8, paragraphs: 11 },
  ].map((c): [string, () => ReportDoc] => [`${c.digits}-digit counts, ${c.paragraphs + 1} overview paragraphs`, () => corpusModel(c)]),
];

describe.each(cases)('%s', (name, make) => {
  const model = make();
  let all: Word[];
  beforeAll(async () => {
    const { bytes, diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts });
    expect(diagnostics).toEqual([]);
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    fs.writeFileSync(file, bytes);
    all = words(file);
  });

  test('every number of every table comes out whole, inside one column of its table', () => {
    const inType = all.filter((w) => w.yMax <= BOTTOM);
    for (const table of tables(model)) {
      const widths = table.grid.columns.map((c) => c.widthFraction * TYPE_AREA.widthPt);
      const edges = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
      for (const cell of table.grid.cells.filter((c) => !c.header)) {
        const left = (edges[cell.col] ?? 0) + CELL_PADDING_PT.x - 0.5;
        const right = (edges[cell.col + cell.colSpan - 1] ?? 0) + (widths[cell.col + cell.colSpan - 1] ?? 0) - CELL_PADDING_PT.x + 0.5;
        const inCell = inType.filter((w) => w.text === cell.text && w.xMin >= left && w.xMax <= right);
        expect({ number: cell.text, table: table.id, found: inCell.length > 0 }).toEqual({ number: cell.text, table: table.id, found: true });
      }
      // No piece of a number: every all-digit word is one of the table's numbers or body text's.
    }
    const numbers = new Set(tables(model).flatMap((t) => t.grid.cells.filter((c) => !c.header).map((c) => c.text)));
    const pieces = inType.filter((w) => /^\d+$/.test(w.text) && w.text.length > 1 && !numbers.has(w.text));
    expect(pieces.map((w) => w.text)).toEqual([]);
  });

  // Every word inside the type area: tests/conservation.test.ts, over its own corpus of 1–8-digit counts.

  test('label lines come out as the model broke them: no word of a label is split', () => {
    const lines = new Set(all.map((w) => w.line));
    const text = [...lines].join('\n');
    const missing = tables(model)
      .flatMap((t) => t.grid.cells.filter((c) => c.header).flatMap((c) => c.text.split('\n')))
      .filter((line) => !text.includes(line));
    expect(missing).toEqual([]);
  });

  test('table 三 stands on one page with its heading, every merged label beside its rows', () => {
    const table = tables(model).find((t) => t.id === 'applications') as TableBlock;
    const pageOf = (text: string) => new Set(all.filter((w) => w.line.includes(text)).map((w) => w.page));
    const heading = [...pageOf('三、收到和处理政府信息公开申请情况')];
    expect(heading).toHaveLength(1);
    // Row labels (line by line) that table 四 does not also print.
    const labels = table.grid.cells
      .filter((c) => c.header && c.row >= table.grid.headerRows)
      .flatMap((c) => c.text.split('\n'))
      .filter((line) => line.length >= 3);
    const pages = new Set(labels.flatMap((label) => [...pageOf(label)]).filter((p) => p >= (heading[0] ?? 0)));
    expect([...pages]).toEqual(heading);
  });
});

test('the label breaker: fewest lines, no word split, breaks after punctuation preferred', () => {
  // Widths in characters with a little to spare, as the model sizes its columns.
  expect(breakLabel('（四）无法提供', 4.1, LABEL_BREAKS)).toBe('（四）\n无法提供');
  expect(breakLabel('（四）无法提供', 3.1, LABEL_BREAKS)).toBe('（四）\n无法\n提供');
  expect(breakLabel('三、本年度办理结果', 3.1, LABEL_BREAKS)).toBe('三、\n本年度\n办理\n结果');
  expect(breakLabel('（三）不予公开', 7.1, LABEL_BREAKS)).toBe('（三）不予公开');
  // 14 characters allow two lines either way; the break goes after the comma.
  expect(breakLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 16, LABEL_BREAKS)).toBe(
    '（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）',
  );
  expect(breakLabel('商业企业', 10, LABEL_BREAKS)).toBe('商业\n企业');
});

test('DOCX: the model column widths in w:gridCol, numbers set at the model number size', async () => {
  const model = corpusModel({ digits: 8, paragraphs: 0 });
  const xml = Buffer.from(unzipSync(await renderDocx(model, { timestamp: TIMESTAMP }))['word/document.xml'] as Uint8Array).toString('utf8');
  const gridCols = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
  const total = Math.round(TYPE_AREA.widthPt * 20);
  tables(model).forEach((table, i) => {
    expect(gridCols[i]).toEqual(table.grid.columns.map((c) => Math.round(c.widthFraction * total)));
  });
  const three = tables(model).find((t) => t.id === 'applications') as TableBlock;
  expect(three.grid.numberSizePt).toBeLessThan(three.grid.fontSizePt);
  const big = three.grid.cells.find((c) => !c.header && c.text.length === 8) as { text: string };
  expect(xml).toMatch(new RegExp(`<w:sz w:val="${Math.round(three.grid.numberSizePt * 2)}"/>.{0,200}<w:t[^>]*>${big.text}</w:t>`, 's'));
});
