/**
 * The hostile corpus (tests/hostile/*.cases.js) through the real CLI, by the same runner as
 * `npm run hostile`: each case in a child process with a timeout and a heap cap, two at a time.
 * Per case: the exit code, the diagnostic codes, nothing written by a failed run, within its bound.
 */
const runner = require('../scripts/hostile-runner') as {
  loadCases(): { name: string; module: string }[];
  runAll(cases: unknown[], parallel: number): Promise<{ name: string; module: string; problems: string[]; output: string }[]>;
};

const cases = runner.loadCases();

describe('the hostile corpus', () => {
  let results: Awaited<ReturnType<typeof runner.runAll>> = [];
  beforeAll(async () => {
    results = await runner.runAll(cases, 2);
  }, 300_000);

  test.each(cases.map((c) => [`${c.module}: ${c.name}`, `${c.module}: ${c.name}`]))('%s', (_label, name) => {
    const result = results.find((r) => `${r.module}: ${r.name}` === name);
    expect(result).toBeDefined();
    // The output is shown beside the problems so a failure says what the CLI printed.
    expect({ problems: result?.problems, output: result?.problems.length ? result.output.slice(0, 2000) : '' }).toEqual({ problems: [], output: '' });
  });
});
