/**
 * The main script of the standalone programs (`npm run dist`, scripts/dist.js). A single-executable
 * application runs one CommonJS file whose `require` sees only Node's built-in modules; nianbao needs
 * real files (worker scripts, pdf.js's ES modules, fonts, the schema). So the package's files travel
 * inside the program as one compressed asset and are unpacked once, atomically (a temp folder, then a
 * rename), into the user's cache folder under a name keyed by version and content hash; later runs
 * only check the marker file. Then bin/report runs from there as it does from an npm install; with no
 * arguments (a double click) it runs `report edit`, whose page opens, makes or imports a report.
 * Bundled by esbuild with the few helpers it imports (only Node built-ins).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as sea from 'node:sea';
import { EXIT } from '../cli/exit-codes';
import { userCacheDir } from '../host';
import { makeDirectory } from '../make-directory';
import { standaloneArgs } from './standalone-args';

/** The payload's table (scripts/dist.js): version, content hash, and [path, size] of each file in order. */
interface PayloadIndex {
  version: string;
  hash: string;
  files: [string, number][];
}

/** Written last inside the unpacked folder: a folder without it is not (yet) complete. */
const MARKER = '.nianbao-complete';

/** Unpacks the payload into `base` unless it is there already; returns the package's folder. */
function unpack(base: string, index: PayloadIndex): string {
  const target = path.join(base, `${index.version}-${index.hash}`);
  if (fs.existsSync(path.join(target, MARKER))) return target;
  makeDirectory(base);
  const temp = fs.mkdtempSync(path.join(base, `.unpack-${index.hash}-`));
  try {
    const data = zlib.gunzipSync(Buffer.from(sea.getAsset('payload.gz')));
    let at = 0;
    for (const [file, size] of index.files) {
      const out = path.join(temp, file);
      makeDirectory(path.dirname(out));
      fs.writeFileSync(out, data.subarray(at, (at += size)));
    }
    fs.writeFileSync(path.join(temp, MARKER), '');
    // A folder left without its marker (a cleaner emptied it) is replaced.
    if (fs.existsSync(target)) fs.rmSync(target, { recursive: true, force: true });
    try {
      fs.renameSync(temp, target);
    } catch (error) {
      // Another run unpacked the same payload at the same moment: its folder is as good as ours.
      if (!fs.existsSync(path.join(target, MARKER))) throw error;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  removeOthers(base, path.basename(target));
  return target;
}

/**
 * Removes the folders older versions unpacked (~60 MB each), once, when a new one is unpacked: the
 * marker first, so a run of an old version that is still going never trusts a half-removed folder.
 * Dot names are unpacks in progress. A folder in use (Windows) stays until a later first run.
 */
function removeOthers(base: string, keep: string): void {
  for (const name of fs.readdirSync(base)) {
    if (name === keep || name.startsWith('.')) continue;
    try {
      fs.rmSync(path.join(base, name, MARKER), { force: true });
      fs.rmSync(path.join(base, name), { recursive: true, force: true });
    } catch {
      // In use: tried again after the next update.
    }
  }
}

/** The user's cache folder first; the system temp folder when that one cannot be written. */
function unpacked(index: PayloadIndex): string {
  const user = path.join(userCacheDir(process.env, process.platform, os.homedir()), 'app');
  try {
    return unpack(user, index);
  } catch (first) {
    try {
      return unpack(path.join(os.tmpdir(), `nianbao-${os.userInfo().username}`, 'app'), index);
    } catch {
      throw first;
    }
  }
}

let root: string | undefined;
try {
  root = unpacked(JSON.parse(sea.getAsset('payload.json', 'utf8')) as PayloadIndex);
} catch (error) {
  const reason = String((error as Error)?.message ?? error).split('\n')[0];
  process.stderr.write(`nianbao 无法解压程序文件，请检查用户缓存目录或临时目录能否写入 / cannot unpack its program files（${reason}）\n`);
  process.exitCode = EXIT.io;
}
if (root !== undefined) {
  const bin = path.join(root, 'bin', 'report');
  // A single executable's argv repeats the program at [1] where a script's path would be: the arguments follow.
  process.argv.splice(2, Infinity, ...standaloneArgs(process.argv.slice(2)));
  createRequire(bin)(bin);
}
