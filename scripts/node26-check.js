#!/usr/bin/env node
/**
 * The CI check on Node 26 (the newest maintained line), beside the full suite on this machine's Node:
 * fetches the pinned Node 26 from the npm registry (scripts/node-binary.js), builds the seed with it
 * and with this Node and compares the PDF and DOCX bytes, then runs the API test (tests/api.test.ts,
 * which runs the README's example) under Node 26. Run after `npm run build`:
 *
 *   node scripts/node26-check.js
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { nodeBinary } = require('./node-binary');

const root = path.join(__dirname, '..');
const seed = path.join(root, 'fixtures', 'yichun-2023.yaml');

/** Runs a command in the repository, its output passed through; false when it fails. */
function run(node, args) {
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

const start = performance.now();
const node26 = nodeBinary('linux-x64', '26');
const version = spawnSync(node26, ['--version'], { encoding: 'utf8' }).stdout.trim();
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-node26-'));
const failures = [];
try {
  const builds = { here: path.join(out, process.version), node26: path.join(out, version) };
  for (const [which, dir] of Object.entries(builds)) {
    if (!run(which === 'here' ? process.execPath : node26, ['bin/report', 'build', seed, '--out', dir])) failures.push(`build on ${which}`);
  }
  for (const file of ['yichun-2023.pdf', 'yichun-2023.docx']) {
    const [a, b] = Object.values(builds).map((dir) => path.join(dir, file));
    if (!fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b)))
      failures.push(`${file} differs between ${process.version} and ${version}`);
  }
  if (!run(node26, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'tests/api.test.ts'])) failures.push(`tests/api.test.ts on ${version}`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
const seconds = ((performance.now() - start) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`node26-check: FAILED on ${version} (${seconds} s): ${failures.join('; ')}`);
  process.exitCode = 1;
} else console.log(`node26-check: ${version} builds the seed byte-identically to ${process.version}, and tests/api.test.ts passes (${seconds} s)`);
