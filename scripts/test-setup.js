#!/usr/bin/env node
/**
 * Run by `npm test` before anything else, so that the README's test command works on a machine with
 * only Node: checks that Node is new enough, installs the npm dependencies when they are missing or
 * stale, then makes sure the Debian tools the tests read outputs with are present. As root with apt-get (CI, a fresh
 * container) it installs them; otherwise it names the exact command and stops.
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

// The Node version the code needs (package.json's engines): zlib.crc32 came in 20.15 and 22.2.
if (typeof require('node:zlib').crc32 !== 'function') {
  const wanted = require('../package.json').engines.node;
  console.error(`测试需要 Node.js ${wanted}，当前为 ${process.version} / the tests need Node.js ${wanted} (this is ${process.version})`);
  process.exit(1);
}

/** The tools the tests call, and the Debian package of each. */
const TOOLS = [
  ['pdftotext', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['qpdf', 'qpdf'],
  ['soffice', 'libreoffice-writer-nogui'],
  // The HTML tests open the page in a real browser through playwright-core, which cannot download one here:
  // Chromium's old headless shell (tests/helpers/chromium.ts).
  ['chromium-headless-shell', 'chromium-headless-shell'],
  // tests/standalone.test.ts runs the Windows program of `npm run dist` under wine.
  ['wine', 'wine'],
];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

// npm ci when node_modules is missing or older than the lock file.
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.error('npm ci（安装依赖 installing dependencies）…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const packages = new Set(TOOLS.filter(([tool]) => !has(tool)).map(([, pkg]) => pkg));
// LibreOffice needs a Chinese font to lay out the DOCX it converts in the tests.
const chineseFont = has('fc-list') && execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
if (!chineseFont) packages.add('fonts-noto-cjk');
if (packages.size > 0) {
  const list = [...packages].join(' ');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    console.error(
      `测试需要这些 Debian 软件包 the tests need these Debian packages:\n  sudo apt-get install -y --no-install-recommends ${list}\n安装后再运行 npm test / install them, then run npm test again.`,
    );
    process.exit(1);
  }
  console.error(`apt-get install ${list}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}
