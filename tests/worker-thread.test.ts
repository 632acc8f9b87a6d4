/**
 * Which thread is a worker, told from process.argv without loading worker_threads (worker-thread.ts),
 * and when bin/report starts the PDF worker early (cli/boot.ts): never for a command that
 * renders no PDF, nor for a batch, whose task workers render their own.
 */
import { startEarlyWorker } from '../src/cli/boot';
import { afterTask, isNianbaoWorker, setAfterFirstTask, WORKER_ARGV } from '../src/worker-thread';

test('the worker mark typed as a command does not make the main thread a worker', () => {
  const argv = process.argv;
  try {
    process.argv = [argv[0] as string, 'report', ...WORKER_ARGV];
    expect(isNianbaoWorker()).toBe(false);
  } finally {
    process.argv = argv;
  }
  expect(isNianbaoWorker()).toBe(false);
});

test('no early PDF worker for validate, a DOCX build, --jobs 1, --help, or two report files or more', () => {
  const cases = [
    ['validate', 'a.yaml'],
    ['build', 'a.yaml', '--format', 'docx'],
    ['build', 'a.yaml', '--jobs', '1'],
    ['build', '--help'],
    ['build', 'a.yaml', 'b.YML'],
    ['build', '--out', 'out', 'a.yaml', 'b.yaml', 'c.yaml'],
  ];
  for (const args of cases) expect([args, startEarlyWorker(['node', 'report', ...args])]).toEqual([args, undefined]);
});

test('what is set to follow the first task runs once, after the first task only', () => {
  const runs: string[] = [];
  afterTask();
  setAfterFirstTask(() => runs.push('cache written'));
  afterTask();
  afterTask();
  expect(runs).toEqual(['cache written']);
});
