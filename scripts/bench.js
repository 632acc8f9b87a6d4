#!/usr/bin/env node
// `npm run bench`: cold wall time of the report command (a new process each run, as a clerk or a
// script would run it), median of several runs, against each target of the issues. Never used in tests.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const runs = Number(process.env.BENCH_RUNS || 15);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));

const cases = [
  { name: 'validate seed', args: ['validate', 'fixtures/yichun-2023.yaml'], targetMs: 150 },
  { name: 'build seed (docx)', args: ['build', 'fixtures/yichun-2023.yaml', '--format', 'docx', '--out', out], targetMs: 300 },
  { name: 'build seed (pdf)', args: ['build', 'fixtures/yichun-2023.yaml', '--format', 'pdf', '--out', out], targetMs: null },
  { name: 'build seed (pdf+docx)', args: ['build', 'fixtures/yichun-2023.yaml', '--out', out], targetMs: 350 },
  // report import of what the build above wrote (issue #10): well under a second each, cold.
  { name: 'import seed (docx)', args: ['import', path.join(out, 'yichun-2023.docx'), '-o', path.join(out, 'imported-docx.yaml')], targetMs: 1000 },
  { name: 'import seed (pdf)', args: ['import', path.join(out, 'yichun-2023.pdf'), '-o', path.join(out, 'imported-pdf.yaml')], targetMs: 1000 },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** GNU time reports the child's peak resident memory; without it, memory is not measured. */
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function time(args) {
  const command = [process.execPath, path.join(root, 'bin', 'report'), ...args];
  const start = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync(gnuTime, ['-f', 'peak-rss-kb %M', ...command], { cwd: root, encoding: 'utf8' })
    : spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`report ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const rss = /peak-rss-kb (\d+)/.exec(result.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

const baseline = median(
  Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }),
);

console.log(`nianbao bench — ${runs} cold runs each, ${os.cpus().length} cores, node ${process.version}`);
console.log(`node -e 0 (process start alone): median ${baseline.toFixed(0)} ms`);
for (const c of cases) {
  time(c.args); // warm the file cache, not the process
  const samples = Array.from({ length: runs }, () => time(c.args));
  const m = median(samples.map((s) => s.ms));
  const rss = median(samples.map((s) => s.rssMb));
  const verdict = c.targetMs === null ? '' : m <= c.targetMs ? `target ${c.targetMs} ms ok` : `target ${c.targetMs} ms OVER`;
  console.log(
    `${c.name.padEnd(22)} median ${m.toFixed(0).padStart(4)} ms  min ${Math.min(...samples.map((s) => s.ms))
      .toFixed(0)
      .padStart(4)}  ` + `peak RSS ${Number.isNaN(rss) ? '?' : rss.toFixed(0)} MB  ×${(m / baseline).toFixed(2)} of node start  ${verdict}`,
  );
  console.log(`${''.padEnd(22)} (${gnuTime ? '/usr/bin/time -f %M ' : ''}node bin/report ${c.args.join(' ')})`);
}
fs.rmSync(out, { recursive: true, force: true });
