/**
 * Hostile cases of the guarded reader and writer: what nianbao reads must be a regular file of a
 * bounded size; what it writes never replaces something that is not a regular file, nor its own input.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SEED = path.join(__dirname, '..', '..', 'fixtures', 'yichun-2023.yaml');
const seed = (dir, name = 'x.yaml') => fs.copyFileSync(SEED, path.join(dir, name));

module.exports = [
  {
    name: 'validate of a file that is not there',
    setup: () => ({ args: ['validate', 'missing.yaml'] }),
    expect: { exit: 1, codes: ['RPT1007'] },
  },
  {
    name: 'validate the seed report',
    setup: (dir) => (seed(dir), { args: ['validate', 'x.yaml'] }),
    expect: { exit: 0, codes: [] },
  },
];
