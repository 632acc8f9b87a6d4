/**
 * Hostile cases of bounded work: each worst case of scripts/worst-cases.js (made here at test time,
 * at 1 MiB and at the item and line limits) is checked by `report validate` within the harness's
 * time and heap bound, with its codes: RPT1032 at 1 MiB, and at the limit every problem, with the
 * summary (RPT1030) where one code is found more often than is printed in full.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { variants } = require('../../scripts/worst-cases');

module.exports = variants().map((v) => ({
  name: `validate worst case: ${v.name}`,
  setup: (dir) => {
    fs.writeFileSync(path.join(dir, `${v.name}.yaml`), v.text);
    return { args: ['validate', `${v.name}.yaml`] };
  },
  // At the limit, every problem is found: the limit itself is not reached.
  expect: { exit: v.codes.length > 0 ? 1 : 0, codes: v.codes, printedNot: v.codes.includes('RPT1032') ? [] : ['RPT1032'] },
}));
