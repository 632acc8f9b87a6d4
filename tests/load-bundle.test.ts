/** The CLI and PDF-worker bundles load through V8's code cache; a bad cache falls back to compiling. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cachePath, compileBundle, loadBundle } from '../src/cli/load-bundle';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

test.each(['report.js', 'pdf-worker.js'])('the build wrote a code cache for %s that V8 accepts', (name) => {
  const bundle = path.join(ROOT, 'dist', name);
  expect(fs.statSync(cachePath(bundle)).size).toBeGreaterThan(100_000);
  expect(compileBundle(bundle).cachedDataRejected).toBe(false);
});

test('a cache from elsewhere is rejected and the bundle still loads and runs', () => {
  const dir = tempDir();
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, 'exports.answer = require("node:path").basename(__filename) + ":" + 42;');
  fs.writeFileSync(cachePath(bundle), Buffer.from('not a V8 code cache'));
  expect(compileBundle(bundle).cachedDataRejected).toBe(true);
  expect(loadBundle<{ answer: string }>(bundle).answer).toBe('bundle.js:42');
});
