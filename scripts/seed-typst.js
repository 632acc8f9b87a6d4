#!/usr/bin/env node
// `node scripts/seed-typst.js [report.yaml] > seed.typ`: the Typst peer of `npm run bench` (issue #17).
// Writes a Typst document with a report's text and tables — title, headings, paragraphs, the three
// national tables with their spans, the signature — on A4 with GB/T 9704's margins and sizes, set in
// the shipped Noto Serif SC, so Typst compiles what nianbao's PDF holds. The text comes from the
// report's document model (the same numbering and table labels as the PDF); the layout is Typst's.
const fs = require('node:fs');
const path = require('node:path');
const api = require('../dist/api.js');

const file = process.argv[2] ?? path.join(__dirname, '..', 'fixtures', 'yichun-2023.yaml');
const checked = api.check(fs.readFileSync(file), { file });
if (!checked.report) throw new Error(`${file} does not check: ${checked.diagnostics.map((d) => d.code).join(' ')}`);
const doc = api.buildModel(checked.report);

/** Typst markup text: every character that could start markup escaped. */
const text = (s) => s.replace(/[\\#$*_`<>@=\-+/[\]~"']/g, (c) => `\\${c}`);
/** A Typst string literal. */
const str = (s) => JSON.stringify(s);

const out = [
  `#set document(title: ${str(doc.meta.title)}, author: ${str(doc.meta.author)})`,
  '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), numbering: "— 1 —")',
  '#set text(font: "Noto Serif SC", size: 16pt, lang: "zh")',
  '#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.9em, spacing: 0.9em)',
];
for (const block of doc.blocks) {
  if (block.kind === 'title') out.push(`#align(center, text(size: 22pt)[${block.lines.map(text).join(' \\\n')}])`);
  else if (block.kind === 'heading')
    out.push(`#par(first-line-indent: 2em)[#text(weight: ${block.level === 3 ? '"bold"' : '"regular"'})[${text(block.text)}]]`);
  else if (block.kind === 'paragraph') out.push(text(block.text));
  else if (block.kind === 'table') {
    const { grid } = block;
    const cells = grid.cells.map((c) => {
      const spans = `${c.rowSpan > 1 ? `rowspan: ${c.rowSpan}, ` : ''}${c.colSpan > 1 ? `colspan: ${c.colSpan}, ` : ''}`;
      return `table.cell(${spans}align: ${c.align === 'justify' ? 'left' : c.align} + horizon)[${c.text.split('\n').map(text).join(' \\\n')}]`;
    });
    out.push(
      `#[#set text(size: ${grid.fontSizePt}pt)\n#set par(first-line-indent: 0pt, justify: false)\n#table(columns: (${grid.columns
        .map((c) => `${(c.widthFraction * 100).toFixed(3)}%`)
        .join(', ')}), table.header(repeat: true, ${cells.slice(0, headerCells(grid)).join(', ')}),\n${cells.slice(headerCells(grid)).join(',\n')})]`,
    );
  } else if (block.kind === 'signature') out.push(`#v(2em)\n#align(right)[${block.organLines.map(text).join(' \\\n')} \\\n${text(block.dateText)}]`);
}
process.stdout.write(`${out.join('\n\n')}\n`);

/** How many anchor cells (row-major) start in the header rows. */
function headerCells(grid) {
  return grid.cells.filter((c) => c.row < grid.headerRows).length;
}
