/**
 * Hostile cases of `report import`: every file is read in a sandboxed worker (heap ceiling, time
 * limit) with bounds inside the readers; a file that cannot be read is one RPT1019 and exit 1, never
 * exit 4, a hang or more than 1 GB; a review batch goes on past such a file.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const files = require('./import-files');

const SEED_TEXT = path.join(__dirname, '..', '..', 'fixtures', 'seed', 'yichun-2023.txt');
const at = (dir, name, bytes) => (fs.writeFileSync(path.join(dir, name), bytes), name);
const MB = 1024;

/** A file read to its end, where it is found to hold no report: the not-a-report RPT1019, not a limit. */
const readToTheEnd = (output) => (/不是政府信息公开工作年度报告/.test(output) && !/上限/.test(output) ? [] : ['not read to its end']);

/** What is wrong with an import of a source with bad bytes (files.DAMAGED_AFTER): each field that lost text named and flagged. */
function lostTextProblems(yaml, output) {
  const problems = [];
  for (const field of ['（/organ）', '（/contact/phone）', '（/overview/0）', '行政规范性\ufffd']) {
    if (!output.includes(field)) problems.push(`RPT1035 does not name ${field}`);
  }
  if (/[\ufdd0-\ufdef]/.test(yaml)) problems.push('the YAML holds a mark');
  const silent = yaml.split('\n').filter((line) => line.includes('\ufffd') && !line.includes('# 导入：有读不出的文字'));
  if (silent.length > 0) problems.push(`U+FFFD without a comment: ${silent[0].slice(0, 40)}`);
  return problems;
}

module.exports = [
  {
    name: 'import of a 4 MB PDF whose content stream inflates to 4 GB',
    setup: (dir) => ({ args: ['import', at(dir, 'bomb.pdf', files.bombPdf(4096))] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: MB },
  },
  // The other filters that expand, measured before pdfjs decodes them (pdf-streams.ts): refused at once, never near the limits.
  ...[
    ['an LZW stream of 256 KB that decodes to 670 MB', 'lzw.pdf', () => files.lzwBombPdf(256)],
    ['a RunLength stream of 4 MB that decodes to 256 MB', 'rle.pdf', () => files.runLengthBombPdf(4)],
    ['a Flate bomb to 4 GB behind ASCII85 ([/ASCII85Decode /FlateDecode])', 'a85.pdf', () => files.ascii85FlateBombPdf(4096)],
  ].map(([what, name, make]) => ({
    name: `import of a PDF with ${what}`,
    setup: (dir) => ({ args: ['import', at(dir, name, make())] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: 400, seconds: 10 },
    after: (dir, output) => (/超过 64 MB/.test(output) ? [] : ['not refused as a stream past 64 MB']),
  })),
  {
    name: 'import of a PDF with a million text items (stopped at the time limit)',
    setup: (dir) => ({ args: ['import', at(dir, 'many.pdf', files.manyItemsPdf(1_000_000)), '--time-limit', '4'] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: MB },
  },
  {
    name: 'import of a PDF with a 4 MB content stream',
    setup: (dir) => ({ args: ['import', at(dir, 'big.pdf', files.bigContentPdf(4))] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: MB },
  },
  {
    name: 'import of an HTML page of 4,500 nested spans (read; not a whole report)',
    setup: (dir) => ({ args: ['import', at(dir, 'nested.html', files.nestedSpansHtml(4500))] }),
    expect: { exit: 1, codes: ['RPT4005'], mb: MB },
  },
  {
    name: 'import of an HTML table of a million grid cells (rowspan, colspan)',
    setup: (dir) => ({
      args: ['import', at(dir, 'spans.html', `<html><body><table>${'<tr><td rowspan=1000 colspan=1000>1</td></tr>'.repeat(40)}</table></body></html>`)],
    }),
    expect: { exit: 1, codes: ['RPT1019'], mb: MB },
  },
  {
    name: 'import of 15 MB of text in 2.6 million lines',
    setup: (dir) => ({ args: ['import', at(dir, 'lines.txt', 'a\tb\tc\n'.repeat(2_600_000))] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: MB },
  },
  ...[
    ['a GB2312 page', 'bad.html', files.badGb2312Html],
    ['a UTF-8 text', 'bad.txt', files.badUtf8Text],
  ].map(([what, name, make]) => ({
    name: `import of ${what} with invalid bytes in the phone, a paragraph, a row label and the organ (each named, never silently replaced)`,
    setup: (dir) => ({ args: ['import', at(dir, name, make(fs.readFileSync(SEED_TEXT, 'utf8'))), '-o', 'bad.yaml'] }),
    // The YAML is written (the clerk completes it), but the run fails: the places are errors.
    expect: { exit: 1, codes: ['RPT1035'], writes: ['bad.yaml', 'nianbao.schema.json'] },
    after: (dir, output) => lostTextProblems(fs.readFileSync(path.join(dir, 'bad.yaml'), 'utf8'), output),
  })),
  // Inputs within every reader cap that once took the import worker past its 256 MB heap (RPT1019 "memory
  // limit"), each now bounded at its source: a table's text cut a character at a time (recognise.ts
  // segment), entities once replaced by a function V8 calls only after collecting every match (now gathered
  // in joined pieces, markup-tokens.ts),
  // and the marks of bad bytes made the same way (decode.ts).
  {
    name: 'import of 15 MB of text whose table part holds one 15 MB line (once past the heap limit)',
    setup: (dir) => {
      const lines = fs.readFileSync(SEED_TEXT, 'utf8').split('\n');
      lines.splice(lines.indexOf('主动公开政府信息情况') + 1, 0, 'x'.repeat(15 << 20));
      return { args: ['import', at(dir, 'long.txt', lines.join('\n')), '-o', 'long.yaml'] };
    },
    expect: { exit: 0, codes: ['RPT4006'], writes: ['long.yaml', 'nianbao.schema.json'], mb: 600, seconds: 25 },
    after: (dir, output) => (/RPT1019/.test(output) ? ['stopped (RPT1019)'] : []),
  },
  {
    // The spaces a text layer puts between CJK characters are removed from every line (cjk-spacing.ts):
    // the kept pieces are joined a few thousand at a time, never one string grown a piece at a time.
    name: 'import of 15 MB of text whose preamble is one 15 MB letter-spaced line',
    setup: (dir) => {
      const lines = fs.readFileSync(SEED_TEXT, 'utf8').split('\n');
      lines.splice(2, 0, '邮 编 ： '.repeat((15 << 20) / 12));
      return { args: ['import', at(dir, 'spaced.txt', lines.join('\n')), '-o', 'spaced.yaml'] };
    },
    expect: { exit: 0, codes: ['RPT4006'], writes: ['spaced.yaml', 'nianbao.schema.json'], mb: 600, seconds: 25 },
    after: (dir, output) => (/RPT1019/.test(output) ? ['stopped (RPT1019)'] : []),
  },
  {
    name: 'import of a 15 MB web page of 2.6 million &amp; (once past the heap limit)',
    setup: (dir) => ({ args: ['import', at(dir, 'amp.html', `<html><body><p>${'a&amp;'.repeat(2.6e6)}</p></body></html>`)] }),
    // Read to its end: it holds no report (the not-a-report RPT1019, not the memory limit).
    expect: { exit: 1, codes: ['RPT1019'], mb: 600, seconds: 25 },
    after: (dir, output) => readToTheEnd(output),
  },
  {
    // htmlparser2's Parser keeps its open elements with Array#unshift: this page ran for more than 300 s in it.
    // markup-tokens.ts uses its tokenizer alone, which is linear.
    name: 'import of a 15 MB web page of 2 million unclosed <div> and </span> (quadratic in a tree-building parser)',
    setup: (dir) => ({ args: ['import', at(dir, 'divs.html', `<html><body>${'<div>一'.repeat(1.2e6)}${'</span>'.repeat(8e5)}</body></html>`)] }),
    // Tokenized to its end, then refused for its 1.2 million paragraphs (not for time or memory).
    expect: { exit: 1, codes: ['RPT1019'], mb: 600, seconds: 25 },
    after: (dir, output) => (/超过 100000 行/.test(output) ? [] : ['not refused for its paragraphs']),
  },
  {
    name: 'import of 15 MB of text with 7.8 million runs of bad bytes (once past the heap limit)',
    setup: (dir) => ({ args: ['import', at(dir, 'runs.txt', Buffer.alloc(15 << 20, Buffer.from([0x61, 0xff])))] }),
    expect: { exit: 1, codes: ['RPT1019'], mb: 600, seconds: 25 },
    after: (dir, output) => readToTheEnd(output),
  },
  {
    name: 'import of a FIFO',
    setup: (dir) => {
      require('node:child_process').execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      return { args: ['import', 'pipe.txt'] };
    },
    expect: { exit: 1, codes: ['RPT1019'] },
  },
  {
    name: 'review of a folder with a bomb and good reports: the good ones are reported, the batch ends',
    setup: (dir) => {
      fs.mkdirSync(path.join(dir, 'in'));
      at(dir, 'in/bomb.pdf', files.bombPdf(4096));
      at(dir, 'in/many.pdf', files.manyItemsPdf(1_000_000));
      fs.copyFileSync(SEED_TEXT, path.join(dir, 'in', 'a.txt'));
      fs.copyFileSync(SEED_TEXT, path.join(dir, 'in', 'b.txt'));
      return { args: ['import', 'in', '--check', '--time-limit', '4'] };
    },
    expect: { exit: 1, codes: ['RPT1019', 'RPT4006'], mb: MB },
  },
];
