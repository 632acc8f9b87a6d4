/**
 * Jest's test order: the longest files first, so that the two workers of this 2-core machine end
 * together instead of one running the fuzz alone at the end. Jest orders by the durations of the
 * last run, kept in its cache; a fresh clone (CI) has none, and jest then orders by file size,
 * which starts the long poles (the fuzz, the standalone programs, Chromium) late. SLOW holds the
 * seconds each long file took in a full run here (jest's own per-file times; refresh them when the
 * order looks wrong); a file's cached duration, when there is one, wins.
 */
'use strict';
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** tests/<name>.test.ts → seconds, from a full `npx jest` run on this 2-core machine. */
const SLOW = {
  fuzz: 60,
  standalone: 50,
  hostile: 45,
  'edit-browser': 40,
  'html-browser': 40,
  'pdf-reader': 30,
  package: 20,
  catalog: 18,
  'font-names': 15,
  'property/sums': 12,
  html: 11,
  linebreak: 11,
  conservation: 10,
  'docx-grid': 10,
  'batch-robustness': 10,
  'import-findings': 8,
};

const nameOf = (test) => path.relative(path.join(test.context.config.rootDir, 'tests'), test.path).replace(/\.test\.ts$/, '');

class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const known = (test) => test.duration ?? (SLOW[nameOf(test)] ?? 0) * 1000;
    // Files that failed last time still come first (jest's rule, for a quick answer while fixing).
    // Array.prototype.sort is stable: files of neither list keep jest's order (by size) among themselves.
    return [...sorted].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || known(b) - known(a));
  }
}

module.exports = SlowFirst;
