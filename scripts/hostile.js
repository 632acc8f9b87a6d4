/**
 * `npm run hostile`: runs the hostile corpus (tests/hostile/*.cases.js) through the real CLI and
 * prints a table — case, exit code, seconds, peak MB, ok — for the issue's note. `npm run hostile
 * -- verify` runs only the cases whose name or module contains "verify". Exit 1 when a case fails.
 */
'use strict';
const { loadCases, runAll } = require('./hostile-runner');

const filter = process.argv[2];
const cases = loadCases().filter((c) => !filter || c.name.includes(filter) || c.module.includes(filter));

const pad = (text, width) => text + ' '.repeat(Math.max(0, width - [...text].length));
const width = Math.max(4, ...cases.map((c) => [...c.name].length));

runAll(cases, 2).then((results) => {
  const lines = [`${pad('case', width)} | exit | seconds | peak MB | ok`, `${'-'.repeat(width)}-|------|---------|---------|---`];
  for (const r of results) {
    const exit = r.exit === null ? 'kill' : String(r.exit);
    const ok = r.problems.length === 0 ? 'ok' : `NO: ${r.problems.join('; ')}`;
    lines.push(`${pad(r.name, width)} | ${pad(exit, 4)} | ${r.seconds.toFixed(2).padStart(7)} | ${r.peakMb.toFixed(0).padStart(7)} | ${ok}`);
  }
  const failed = results.filter((r) => r.problems.length > 0).length;
  lines.push('', `${results.length} cases, ${failed} failed`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
});
