#!/usr/bin/env node
// Writes the V8 code caches of the bundles after warm-up runs, so every later start skips
// compiling what a run needs (see src/cli/load-bundle.ts): dist/report.js.cache after validating
// the seed, dist/pdf-worker.js.cache after rendering it to PDF, and dist/vendor/*.js.cache of the
// vendors the CLI loads to build the seed's DOCX and render its PDF in-process (docx, pdfkit,
// fontkit; htmlparser2 is loaded by imports, in their sandbox worker) — written after report.js's
// own, which therefore holds only what validate compiles.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { compileBundle, runBundle, cachePath, loadedVendors } = require('../dist/cli/load-bundle.js');
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
  const run = async (cli, args) => {
    const code = await cli.runCli(['node', 'report', ...args], nodeHost(), silent);
    if (code !== 0) throw new Error(`warm-up ${args.join(' ')} exited ${code}`);
  };
  for (const file of fs.readdirSync(path.join(root, 'dist', 'vendor')).filter((name) => name.endsWith('.js.cache')))
    fs.rmSync(path.join(root, 'dist', 'vendor', file));
  let cli;
  await cache('report.js', async (exports) => {
    cli = exports;
    await run(cli, ['validate', seed]);
  });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-code-cache-'));
  try {
    await run(cli, ['build', seed, '--format', 'docx,pdf', '--jobs', '1', '--out', out]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  for (const [file, script] of loadedVendors()) fs.writeFileSync(cachePath(file), script.createCachedData());
  const checked = checkReport(nodeHost(), seed);
  const doc = buildModel(checked.report, checked.feesText);
  await cache('pdf-worker.js', (worker) => worker.renderRequest({ doc, timestamp: 0, fonts: {} }));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
