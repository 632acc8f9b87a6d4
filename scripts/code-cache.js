#!/usr/bin/env node
// Writes the V8 code caches of the two bundles after warm-up runs, so every later start skips
// compiling what a run needs (see src/cli/load-bundle.ts): dist/report.js.cache after validating
// the seed, dist/pdf-worker.js.cache after rendering it to PDF.
const fs = require('node:fs');
const path = require('node:path');
const { compileBundle, runBundle, cachePath } = require('../dist/cli/load-bundle.js');
const { nodeHost } = require('../dist/host.js');
const { checkReport } = require('../dist/check.js');
const { buildModel } = require('../dist/model/build.js');

const root = path.join(__dirname, '..');
const seed = path.join(root, 'fixtures', 'yichun-2023.yaml');

/** Compiles a bundle without its old cache, runs `warmUp` with its exports, then saves the cache. */
async function cache(name, warmUp) {
  const bundle = path.join(root, 'dist', name);
  fs.rmSync(cachePath(bundle), { force: true });
  const script = compileBundle(bundle);
  await warmUp(runBundle(script, bundle));
  fs.writeFileSync(cachePath(bundle), script.createCachedData());
}

(async () => {
  const silent = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  await cache('report.js', async (cli) => {
    const code = await cli.runCli(['node', 'report', 'validate', seed], nodeHost(), silent);
    if (code !== 0) throw new Error(`warm-up validate exited ${code}`);
  });
  const checked = checkReport(nodeHost(), seed);
  const doc = buildModel(checked.report, checked.feesText);
  await cache('pdf-worker.js', (worker) => worker.renderRequest({ doc, timestamp: 0, fonts: {} }));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
