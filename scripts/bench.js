#!/usr/bin/env node
// `npm run bench [-- --baseline DIR] [-- --only NAMES]`: cold wall and CPU time of the report command
// (a new process each run, as a clerk or a script would run it), medians of several runs. With
// --baseline DIR (another nianbao checkout, built) every case runs there too, alternating with this
// checkout run by run, so both see the same machine; ratios are this ÷ baseline. The peers run in
// the same alternation: a bare `node -e 0` beside validate, Typst compiling the seed's text
// (scripts/seed-typst.js, scripts/typst-peer.js) beside the PDF build. Never used in tests.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const baselineRoot = option('--baseline') && path.resolve(option('--baseline'));
const only = option('--only')?.split(',');
const runs = Number(process.env.BENCH_RUNS || 15);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const seed = path.join(root, 'fixtures', 'yichun-2023.yaml');
const BATCH = 200;

// 200 department reports (copies of the seed under different names), for the batch and report sum (issue #11),
// named one by one, as a baseline from before folder arguments takes them too.
const depts = path.join(out, 'depts');
fs.mkdirSync(depts);
const seedText = fs.readFileSync(seed, 'utf8');
const deptFiles = Array.from({ length: BATCH }, (_, i) => path.join(depts, `d${String(i + 1).padStart(3, '0')}.yaml`));
for (const file of deptFiles) fs.writeFileSync(file, seedText);

// The Typst peer's document: the seed's text and tables (scripts/seed-typst.js).
const typ = path.join(out, 'seed.typ');
fs.writeFileSync(typ, spawnSync(process.execPath, [path.join(__dirname, 'seed-typst.js'), seed], { encoding: 'utf8' }).stdout);

/** The checkouts measured: this one, and the baseline when given. Each writes under its own directory. */
const checkouts = [{ label: 'this', root, out: path.join(out, 'this') }];
if (baselineRoot) checkouts.push({ label: 'baseline', root: baselineRoot, out: path.join(out, 'baseline') });
for (const c of checkouts) fs.mkdirSync(c.out);
const report = (checkout, args) => [process.execPath, path.join(checkout.root, 'bin', 'report'), ...args];

/**
 * A checkout's package as its users install it (`npm pack`, then `npm install --global` into a prefix of
 * its own): it ships no code cache, so it runs on its user's (src/cli/load-bundle.ts), which the warm-up
 * run writes, in a cache folder of its own (XDG_CACHE_HOME: Linux and macOS). Made only for a case that is run.
 */
function install(checkout) {
  const prefix = path.join(out, `${checkout.label}-installed`);
  fs.mkdirSync(prefix);
  const npm = (args, cwd) => {
    const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} in ${cwd} failed:\n${result.stderr}`);
    return result.stdout;
  };
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', prefix], checkout.root));
  npm(['install', '--global', '--prefix', prefix, path.join(prefix, filename)], prefix);
  const lib = process.platform === 'win32' ? prefix : path.join(prefix, 'lib');
  return { bin: path.join(lib, 'node_modules', 'nianbao', 'bin', 'report'), env: { XDG_CACHE_HOME: path.join(prefix, 'cache') } };
}

/** Each case's sides run alternately; `per` turns a median into a rate (reports/s). */
const cases = [
  {
    name: 'validate seed',
    sides: [
      { label: 'node -e 0', command: () => [process.execPath, '-e', '0'] },
      ...checkouts.map((c) => ({ label: c.label, command: () => report(c, ['validate', seed]) })),
    ],
    targetMs: 150,
  },
  { name: 'build seed (docx)', args: (c) => ['build', seed, '--format', 'docx', '--out', c.out], targetMs: 300 },
  {
    name: 'build seed (pdf)',
    sides: [
      ...checkouts.map((c) => ({ label: c.label, command: () => report(c, ['build', seed, '--format', 'pdf', '--out', c.out]) })),
      { label: 'typst', command: () => [process.execPath, path.join(__dirname, 'typst-peer.js'), typ, path.join(out, 'seed-typst.pdf')] },
    ],
  },
  { name: 'build seed (pdf+docx)', args: (c) => ['build', seed, '--out', c.out], targetMs: 350 },
  // What `npm install -g nianbao` gives a clerk (and the standalone program, which runs the same files): the PDF build
  // on its user's code caches, the CLI's and the PDF worker's.
  {
    name: 'build seed (pdf) from the installed package',
    sides: () =>
      checkouts.map((c) => {
        const installed = install(c);
        return { label: c.label, command: () => [process.execPath, installed.bin, 'build', seed, '--format', 'pdf', '--out', c.out], env: installed.env };
      }),
  },
  // report import of what the build above wrote (issue #10): well under a second each, cold.
  {
    name: 'import seed (docx)',
    args: (c) => ['import', path.join(c.out, 'yichun-2023.docx'), '-o', path.join(c.out, 'imported-docx.yaml'), '--force'],
    targetMs: 1000,
  },
  {
    name: 'import seed (pdf)',
    args: (c) => ['import', path.join(c.out, 'yichun-2023.pdf'), '-o', path.join(c.out, 'imported-pdf.yaml'), '--force'],
    targetMs: 1000,
  },
  // issue #11: a county's 200 department reports summed (≤ 2 s), and built as one batch (issue #17: ≥ 25 reports/s, ≤ 600 MB).
  { name: `sum ${BATCH} reports`, args: (c) => ['sum', ...deptFiles, '-o', path.join(c.out, 'county.yaml'), '--force'], targetMs: 2000 },
  {
    name: `build ${BATCH} (pdf+docx)`,
    args: (c) => ['build', ...deptFiles, '--out', path.join(c.out, 'batch')],
    runs: 3,
    targetMb: 600,
    per: BATCH,
    targetRate: 25,
  },
]
  .filter((c) => !only || only.some((name) => c.name.startsWith(name)))
  .map((c) => ({
    ...c,
    sides: typeof c.sides === 'function' ? c.sides() : (c.sides ?? checkouts.map((k) => ({ label: k.label, command: () => report(k, c.args(k)) }))),
  }));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** GNU time reports the child's CPU time and peak resident memory; without it, neither is measured. */
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function time(command, env) {
  const options = { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } };
  const start = process.hrtime.bigint();
  const result = gnuTime ? spawnSync(gnuTime, ['-f', 'bench-cpu %U %S %M', ...command], options) : spawnSync(command[0], command.slice(1), options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const m = /bench-cpu ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, rssMb: m ? Number(m[3]) / 1024 : NaN };
}

function tryTime(command, env) {
  try {
    return time(command, env);
  } catch {
    return undefined;
  }
}

const fmt = (v, digits = 0) => (Number.isNaN(v) ? '?' : v.toFixed(digits));
console.log(`nianbao bench — ${runs} cold runs each (alternating), ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(2)}`);
console.log(`this: ${root}${baselineRoot ? `\nbaseline: ${baselineRoot}` : ''}`);
for (const c of cases) {
  // Warm the file cache, not the process; a side that cannot run the case (an older baseline without the command) is left out.
  const failed = c.sides.filter((side) => !tryTime(side.command(), side.env));
  if (failed.length) console.log(`\n${c.name}: left out ${failed.map((side) => side.label).join(', ')} (the command fails there)`);
  c.sides = c.sides.filter((side) => !failed.includes(side));
  if (!c.sides.some((side) => side.label === 'this')) continue;
  const samples = c.sides.map(() => []);
  for (let i = 0; i < (c.runs ?? runs); i++) c.sides.forEach((side, s) => samples[s].push(time(side.command(), side.env)));
  const medians = samples.map((list) => ({
    ms: median(list.map((x) => x.ms)),
    cpuMs: median(list.map((x) => x.cpuMs)),
    rssMb: median(list.map((x) => x.rssMb)),
  }));
  console.log(`\n${c.name}`);
  c.sides.forEach((side, s) => {
    const m = medians[s];
    const rate = c.per ? `  ${fmt(c.per / (m.ms / 1000), 1)} reports/s` : '';
    const ratios = medians
      .map((other, o) => (o === s ? null : `×${fmt(m.ms / other.ms, 2)} of ${c.sides[o].label}`))
      .filter(Boolean)
      .join(', ');
    console.log(
      `  ${side.label.padEnd(10)} median ${fmt(m.ms).padStart(6)} ms  cpu ${fmt(m.cpuMs).padStart(6)} ms  peak RSS ${fmt(m.rssMb).padStart(4)} MB${rate}  ${ratios}`,
    );
  });
  const own = medians[c.sides.findIndex((side) => side.label === 'this')];
  const verdicts = [
    c.targetMs && `target ${c.targetMs} ms ${own.ms <= c.targetMs ? 'ok' : 'OVER'}`,
    c.targetMb && `${c.targetMb} MB ${own.rssMb <= c.targetMb ? 'ok' : 'OVER'}`,
    c.targetRate && `${c.targetRate} reports/s ${c.per / (own.ms / 1000) >= c.targetRate ? 'ok' : 'UNDER'}`,
  ].filter(Boolean);
  if (verdicts.length) console.log(`  ${verdicts.join(', ')}`);
  console.log(
    `  (${c.sides
      .map((side) =>
        side
          .command()
          .map((a) => a.replace(out, '$TMP'))
          .join(' ')
          .replace(/( \$TMP\/depts\/d\d+\.yaml)+/, ` $TMP/depts/d001.yaml … d${BATCH}.yaml`),
      )
      .join('  |  ')})`,
  );
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

/**
 * report edit (issue #20): the time until the page's address is printed, the page's weight (HTML,
 * script, style), and each live check of an edit as the server times it (its Server-Timing header),
 * once the warm-up is done; target ≤ 50 ms a check for the seed.
 */
async function benchEdit(checks) {
  const { spawn } = require('node:child_process');
  const file = path.join(out, 'edited.yaml');
  fs.writeFileSync(file, seedText);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'report'), 'edit', file, '--no-open'], {
    env: { ...process.env, XDG_CACHE_HOME: path.join(out, 'cache') },
  });
  const url = await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).split('\n')[0])));
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  const sizes = await Promise.all(['', 'edit.js', 'edit.css'].map(async (name) => (await (await fetch(url + name)).arrayBuffer()).byteLength));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the warm-up checks
  const times = [];
  const cpu = [];
  for (let i = 1; i <= checks; i++) {
    const edits = [{ pointer: '/applications/new/6', value: String(i), number: true }];
    const response = await fetch(url + 'check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ edits }) });
    await response.json();
    const timing = response.headers.get('server-timing') ?? '';
    times.push(Number(/check;dur=([\d.]+)/.exec(timing)?.[1]));
    cpu.push(Number(/cpu;dur=([\d.]+)/.exec(timing)?.[1]));
  }
  child.kill('SIGINT');
  return { startMs, sizes, times, cpu };
}

const wanted = (name) => !only || only.some((prefix) => name.startsWith(prefix));
(async () => {
  if (wanted('watch')) {
    const times = await benchWatch(15);
    const m = median(times);
    console.log(
      `\nwatch rebuild (pdf), this: median ${m.toFixed(0)} ms  min ${Math.min(...times)} ms  (${times.length} saves, as printed by report watch)  target 100 ms ${m <= 100 ? 'ok' : 'OVER'}`,
    );
  }
  if (wanted('edit')) {
    const { startMs, sizes, times, cpu } = await benchEdit(20);
    const m = median(times);
    console.log(
      `edit, this: address printed after ${startMs.toFixed(0)} ms; page ${sizes.join(' + ')} bytes (HTML + script + style); check median ${m.toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms, CPU median ${median(cpu).toFixed(1)} ms  (${times.length} edits, Server-Timing)  target 50 ms ${m <= 50 ? 'ok' : 'OVER'}`,
    );
  }
  fs.rmSync(out, { recursive: true, force: true });
})();
