/**
 * Hostile cases of the messages (issue #16): YAML mistakes at the 1 MiB limit — said at their place,
 * in the catalogue's words (no yaml library English), in time linear in the file — and bytes no
 * encoding accepts, found by a bounded search.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Just under the 1 MiB report limit. */
const LIMIT = 1024 * 1024 - 64;
const fill = (line) => line.repeat(Math.floor(LIMIT / Buffer.byteLength(line)));
const write = (dir, content) => (fs.writeFileSync(path.join(dir, 'x.yaml'), content), { args: ['validate', 'x.yaml'] });
/** The yaml library's own sentences for the mistakes below: none may be printed. */
const LIBRARY_ENGLISH = ['Nested mappings', 'All mapping items', 'Tabs are not allowed', 'Missing closing', 'Implicit keys', 'must be sufficiently indented'];

/** A long text: the lines below stay under the report's item limit (RPT1032) while filling 1 MiB. */
const TEXT = '本年度无收费情况'.repeat(40);

module.exports = [
  {
    name: '1 MiB of lines with a colon inside the text',
    setup: (dir) => write(dir, fill(`k: 说明: ${TEXT}\n`)),
    expect: { exit: 1, codes: ['RPT1040'], printedNot: LIBRARY_ENGLISH },
  },
  {
    name: '1 MiB of lines indented with a Tab',
    setup: (dir) => write(dir, 'a:\n' + fill(`\tb: ${TEXT}\n`)),
    expect: { exit: 1, codes: ['RPT1002'], printedNot: LIBRARY_ENGLISH },
  },
  {
    name: 'a quote opened on the first line of 1 MiB and never closed',
    setup: (dir) => write(dir, 'organ: "某局\n' + fill('a: 1\n')),
    expect: { exit: 1, codes: ['RPT1041'], printedNot: LIBRARY_ENGLISH },
  },
  {
    // Each unclosed [ holds the lines after it: the nesting limit stops the file before yaml parses it.
    name: '1 MiB of lists whose ] is missing',
    setup: (dir) => write(dir, fill('a: [1, 2\n')),
    expect: { exit: 1, codes: ['RPT1017'], printedNot: LIBRARY_ENGLISH },
  },
  {
    name: 'a byte valid in no encoding at the end of 1 MiB',
    setup: (dir) => write(dir, Buffer.concat([Buffer.from(fill('a: 某局\n')), Buffer.from([0xff])])),
    expect: { exit: 1, codes: ['RPT1043'] },
  },
  {
    name: 'a PDF handed to validate',
    setup: (dir) => (fs.writeFileSync(path.join(dir, 'x.pdf'), '%PDF-1.7\n'), { args: ['validate', 'x.pdf'] }),
    expect: { exit: 1, codes: ['RPT1044'] },
  },
];
