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

// 200 department reports (copies of the seed under different names), for the batch and report sum (issue #11).
const depts = path.join(out, 'depts');
fs.mkdirSync(depts);
const seedText = fs.readFileSync(path.join(root, 'fixtures', 'yichun-2023.yaml'), 'utf8');
for (let i = 1; i <= 200; i++) fs.writeFileSync(path.join(depts, `d${String(i).padStart(3, '0')}.yaml`), seedText);

const cases = [
  { name: 'validate seed', args: ['validate', 'fixtures/yichun-2023.yaml'], targetMs: 150 },
  { name: 'build seed (docx)', args: ['build', 'fixtures/yichun-2023.yaml', '--format', 'docx', '--out', out], targetMs: 300 },
  { name: 'build seed (pdf)', args: ['build', 'fixtures/yichun-2023.yaml', '--format', 'pdf', '--out', out], targetMs: null },
  { name: 'build seed (pdf+docx)', args: ['build', 'fixtures/yichun-2023.yaml', '--out', out], targetMs: 350 },
  // report import of what the build above wrote (issue #10): well under a second each, cold.
  { name: 'import seed (docx)', args: ['import', path.join(out, 'yichun-2023.docx'), '-o', path.join(out, 'imported-docx.yaml')], targetMs: 1000 },
  { name: 'import seed (pdf)', args: ['import', path.join(out, 'yichun-2023.pdf'), '-o', path.join(out, 'imported-pdf.yaml')], targetMs: 1000 },
  // issue #11: a county's 200 department reports summed (≤ 2 s), and built as one batch (≤ 8 s, ≤ 600 MB).
  { name: 'sum 200 reports', args: ['sum', depts, '-o', path.join(out, 'county.yaml')], targetMs: 2000 },
  { name: 'build 200 (pdf+docx)', args: ['build', depts, '--out', path.join(out, 'batch')], targetMs: 8000, runs: 3, targetMb: 600 },
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
  const samples = Array.from({ length: c.runs ?? runs }, () => time(c.args));
  const m = median(samples.map((s) => s.ms));
  const rss = median(samples.map((s) => s.rssMb));
  const verdict =
    (c.targetMs === null ? '' : m <= c.targetMs ? `target ${c.targetMs} ms ok` : `target ${c.targetMs} ms OVER`) +
    (c.targetMb === undefined ? '' : rss <= c.targetMb ? `, ${c.targetMb} MB ok` : `, ${c.targetMb} MB OVER`);
  console.log(
    `${c.name.padEnd(22)} median ${m.toFixed(0).padStart(4)} ms  min ${Math.min(...samples.map((s) => s.ms))
      .toFixed(0)
      .padStart(4)}  ` + `peak RSS ${Number.isNaN(rss) ? '?' : rss.toFixed(0)} MB  ×${(m / baseline).toFixed(2)} of node start  ${verdict}`,
  );
  console.log(`${''.padEnd(22)} (${gnuTime ? '/usr/bin/time -f %M ' : ''}node bin/report ${c.args.join(' ')})`);
}

/**
 * report watch (issue #11): the time of each rebuild after a save, as the command prints it
 * ("（87 ms）"), once the first build and the warm-up are done; target ≤ 100 ms for the seed.
 */
async function benchWatch(saves) {
  const { spawn } = require('node:child_process');
  const file = path.join(out, 'watched.yaml');
  fs.writeFileSync(file, seedText);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'report'), 'watch', file, '--out', path.join(out, 'watch')], { cwd: root });
  let buffer = '';
  const waiters = [];
  child.stderr.on('data', (chunk) => {
    buffer += chunk;
    let match;
    while ((match = /（(\d+) ms）\n/.exec(buffer))) {
      buffer = buffer.slice(match.index + match[0].length);
      waiters.shift()?.(Number(match[1]));
    }
  });
  const built = () => new Promise((resolve) => waiters.push(resolve));
  await built();
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the warm-up builds
  const times = [];
  for (let i = 1; i <= saves; i++) {
    const next = built();
    fs.writeFileSync(file, seedText.replace(/^organ: (.*)$/m, `organ: $1${i}`));
    times.push(await next);
  }
  child.kill('SIGINT');
  return times;
}

benchWatch(15).then((times) => {
  const m = median(times);
  console.log(
    `${'watch rebuild (pdf)'.padEnd(22)} median ${m.toFixed(0).padStart(4)} ms  min ${Math.min(...times)
      .toFixed(0)
      .padStart(4)}  (${times.length} saves, as printed by report watch)  ${m <= 100 ? 'target 100 ms ok' : 'target 100 ms OVER'}`,
  );
  fs.rmSync(out, { recursive: true, force: true });
});
