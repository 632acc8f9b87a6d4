/**
 * The hostile-corpus runner: every case of tests/hostile/*.cases.js run through the real CLI
 * (node bin/report) as a child process in its own temp folder, in its own process group, with a
 * wall-clock timeout (the group is killed) and a V8 heap cap; peak RSS is the child's VmHWM, read
 * from /proc while it runs. Used by scripts/hostile.js (the table) and tests/hostile.test.ts.
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CASES_DIR = path.join(ROOT, 'tests', 'hostile');
const DEFAULT_TIMEOUT_S = 20;
const DEFAULT_HEAP_MB = 512;
const POLL_MS = 50;

/** Every case of every tests/hostile/*.cases.js, each tagged with its module's name. */
function loadCases() {
  return fs
    .readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.cases.js'))
    .sort()
    .flatMap((name) => require(path.join(CASES_DIR, name)).map((c) => ({ ...c, module: name.replace(/\.cases\.js$/, '') })));
}

/** Every path under `dir` with what identifies its content, without opening anything (a FIFO would block). */
function snapshot(dir) {
  const entries = new Map();
  const walk = (at) => {
    for (const name of fs.readdirSync(at)) {
      const file = path.join(at, name);
      const stat = fs.lstatSync(file);
      const type = stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : stat.isSymbolicLink() ? 'link' : 'special';
      entries.set(path.relative(dir, file), `${type}:${stat.ino}:${stat.size}:${stat.mtimeMs}`);
      if (type === 'dir') walk(file);
    }
  };
  walk(dir);
  return entries;
}

/** What changed between two snapshots: paths created, changed or removed. */
function changes(before, after) {
  const changed = [];
  for (const [file, id] of after) if (before.get(file) !== id) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed.sort();
}

/** The peak resident set of a process in MB (VmHWM), or undefined once it is gone. */
function peakMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Feeds the child's stdin: bytes then end, zeros until it exits ('endless'), or nothing and never end ('open'). */
function feed(child, stdin) {
  child.stdin.on('error', () => {}); // the child may stop reading (that is the point): EPIPE is expected
  if (stdin === undefined) return child.stdin.end();
  if (stdin === 'open') return;
  if (stdin !== 'endless') return child.stdin.end(stdin);
  const zeros = Buffer.alloc(1 << 16);
  const pump = () => {
    while (!child.stdin.destroyed && child.exitCode === null && child.stdin.write(zeros));
  };
  child.stdin.on('drain', pump);
  pump();
}

/**
 * Runs one case: its setup in a fresh temp folder, then the CLI there. Resolves with the exit code
 * (null when killed at the timeout), the seconds taken, the peak MB, the diagnostic codes printed,
 * the paths the run created, changed or removed, and the problems found against `expect`.
 */
async function runCase(c) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-'));
  try {
    const run = (await c.setup(dir)) || {};
    const timeoutS = (c.expect && c.expect.seconds) || DEFAULT_TIMEOUT_S;
    const heapMb = run.heapMb || DEFAULT_HEAP_MB;
    const before = snapshot(dir);
    const started = process.hrtime.bigint();
    const result = await new Promise((resolve) => {
      const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(ROOT, 'bin', 'report'), ...run.args], {
        cwd: run.cwd || dir,
        env: { ...process.env, NO_COLOR: '1', ...(run.env || {}) },
        detached: true, // its own process group, so the timeout kills the workers and helpers too
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      let peak = 0;
      let timedOut = false;
      child.stdout.on('data', (chunk) => void (output += chunk));
      child.stderr.on('data', (chunk) => void (output += chunk));
      const poll = setInterval(() => (peak = Math.max(peak, peakMb(child.pid) || 0)), POLL_MS);
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, timeoutS * 1000);
      child.on('spawn', () => feed(child, run.stdin));
      // `events`: changes made while the CLI runs (watch); `interruptAfter`: Ctrl+C to the group then.
      const timers = (run.events || []).map((e) => setTimeout(e.run, e.at * 1000));
      if (run.interruptAfter !== undefined) timers.push(setTimeout(() => process.kill(-child.pid, 'SIGINT'), run.interruptAfter * 1000));
      child.on('close', () => timers.forEach(clearTimeout));
      child.on('close', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        try {
          process.kill(-child.pid, 'SIGKILL'); // anything the CLI left running in its group
        } catch {
          // none left
        }
        resolve({ exit: timedOut ? null : code, output, peakMb: peak });
      });
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const written = changes(before, snapshot(dir));
    const codes = [...new Set(result.output.match(/\bRPT\d{4}\b/g) || [])].sort();
    const outcome = { name: c.name, module: c.module, exit: result.exit, seconds, peakMb: result.peakMb, codes, written, output: result.output };
    // `after(dir, output)`: the case's own look at what the run left and printed, as a list of problems.
    return { ...outcome, problems: [...problemsOf(c, outcome), ...(c.after ? c.after(dir, result.output) : [])] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How an outcome falls short of its case's `expect` (empty: the case passes). */
function problemsOf(c, outcome) {
  const expect = c.expect || {};
  const problems = [];
  if (outcome.exit === null) problems.push(`killed after ${(expect.seconds || DEFAULT_TIMEOUT_S).toString()} s`);
  else if (expect.exit !== undefined && outcome.exit !== expect.exit) problems.push(`exit ${outcome.exit}, expected ${expect.exit}`);
  for (const code of expect.codes || []) if (!outcome.codes.includes(code)) problems.push(`no ${code} (printed: ${outcome.codes.join(' ') || 'none'})`);
  for (const text of expect.printedNot || []) if (outcome.output.includes(text)) problems.push(`printed "${text}"`);
  if (expect.mb !== undefined && outcome.peakMb > expect.mb) problems.push(`peak ${outcome.peakMb.toFixed(0)} MB > ${expect.mb} MB`);
  const allowed = expect.writes || [];
  for (const file of allowed) if (!outcome.written.includes(file)) problems.push(`${file} was not written`);
  // A run that fails writes nothing but what the case allows; no run writes a path the case forbids.
  const stray = outcome.written.filter((file) => (outcome.exit !== 0 && !allowed.includes(file)) || (expect.noWrite || []).includes(file));
  if (stray.length > 0) problems.push(`wrote ${stray.join(', ')}`);
  return problems;
}

/**
 * Runs `cases` `parallel` at a time; `onDone` hears each result as it ends. A case marked `waits`
 * (a `watch` that sits for seconds between the changes made to its file) runs beside the others
 * from the start instead of holding one of the `parallel` places for its idle seconds.
 */
async function runAll(cases, parallel = 2, onDone = () => {}) {
  const results = new Array(cases.length);
  const run = async (index) => {
    results[index] = await runCase(cases[index]);
    onDone(results[index]);
  };
  const waiting = cases.flatMap((c, index) => (c.waits ? [index] : []));
  const queue = cases.flatMap((c, index) => (c.waits ? [] : [index]));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await run(queue[next++]);
  };
  await Promise.all([...waiting.map(run), ...Array.from({ length: Math.min(parallel, queue.length) }, worker)]);
  return results;
}

module.exports = { loadCases, runCase, runAll, DEFAULT_TIMEOUT_S, DEFAULT_HEAP_MB };
