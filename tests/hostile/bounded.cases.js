/**
 * Hostile cases of bounded work: each worst case of scripts/worst-cases.js (just under the 1 MiB
 * limit, made here at test time) is checked by `report validate` within the harness's time and
 * heap bound, exits 1 with its codes, and prints the summary (RPT1030) where one code is found
 * more often than is printed in full.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CASES } = require('../../scripts/worst-cases');

module.exports = CASES.map((c) => ({
  name: `validate worst case: ${c.name}`,
  setup: (dir) => {
    fs.writeFileSync(path.join(dir, `${c.name}.yaml`), c.text());
    return { args: ['validate', `${c.name}.yaml`] };
  },
  expect: { exit: 1, codes: [...c.codes, ...(c.summarised ? ['RPT1030'] : [])], seconds: 30, mb: 700 },
}));
