/**
 * The sandbox of `report import` (core/worker-tasks.ts): a request past its time has its worker
 * terminated, one that exhausts its heap ends its worker, each is a WorkerLimitError saying which,
 * and the pool goes on with the next request on a new worker. Then the library API through the
 * same sandbox: a bomb is a `failure`, not the caller's crash.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerLimitError, WorkerPool } from '../src/core/worker-pool';
import { importPool, importSandboxed } from '../src/core/worker-tasks';
import { ROOT } from './helpers/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const files = require('./hostile/import-files') as { bombPdf(mb: number): Buffer; manyItemsPdf(count: number): Buffer };

/** A worker that answers 'ok', loops forever on 'loop', and allocates without end on 'grow'. */
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, request }) => {
  if (request === 'loop') for (;;);
  if (request === 'grow') { const kept = []; for (;;) kept.push({ n: kept.length }); }
  parentPort.postMessage({ id, result: request });
});
`;

const resourceLimits = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

test('a request past its time or its heap fails with the limit it met; the pool goes on', async () => {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sandbox-')), 'worker.js');
  fs.writeFileSync(script, WORKER);
  // A long time limit for the heap's case: a heap filling up slows down as the collector works harder.
  const pools = [1000, 30_000].map((timeMs) => new WorkerPool<string, string>(script, 1, { bundle: 'report.js' }, [], { resourceLimits, timeMs }));
  const [quick, patient] = pools as [WorkerPool<string, string>, WorkerPool<string, string>];
  const limitOf = (pool: WorkerPool<string, string>, request: string) =>
    pool.run(request).then(
      () => 'answered',
      (error: unknown) => (error instanceof WorkerLimitError ? error.limit : String(error)),
    );
  try {
    expect(await limitOf(quick, 'loop')).toBe('time');
    expect(await limitOf(patient, 'grow')).toBe('memory');
    // Each pool's one worker was replaced: the next request is answered.
    expect(await quick.run('ok')).toBe('ok');
    expect(await patient.run('ok')).toBe('ok');
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}, 60_000);

test('the sandbox says a file past its time is RPT1019 of the time limit, with the hint for it', async () => {
  const pool = importPool(1, 2000);
  try {
    const outcome = await importSandboxed(pool, { file: 'many.pdf', bytes: files.manyItemsPdf(1_000_000) });
    expect(outcome.failure).toEqual({
      zh: '读取超过 2 秒（时间上限），已中止',
      en: 'reading took more than 2 s (the time limit) and was stopped',
      cause: 'time',
    });
    expect(outcome.diagnostics.map((d) => [d.code, d.hints[0]?.zh])).toEqual([
      ['RPT1019', '读取超时，已中止（其余文件照常导入）：文件可能已损坏或是恶意文件；请改用 Word 原文件或网页版'],
    ]);
  } finally {
    await pool.close();
  }
}, 60_000);

test('the library API reads a bomb in the sandbox: a failure, not a crash', async () => {
  const api = require(require.resolve('nianbao', { paths: [ROOT] })) as typeof import('../src/index');
  const outcome = await api.importReport(files.bombPdf(4096), { file: 'bomb.pdf' });
  expect(outcome.failure?.cause).toBe('too-big');
  expect(outcome.diagnostics.map((d) => d.code)).toEqual(['RPT1019']);
}, 60_000);
