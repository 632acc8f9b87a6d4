/**
 * Loads the CLI bundle with V8's code cache: the bytecode of everything a run compiled before is
 * reused instead of compiled again, ~25 ms of every start. A checkout has the cache `npm run build`
 * writes after a warm-up run (dist/report.js.cache, scripts/code-cache.js); an installed package
 * ships none (a cache fits one Node version only), so the first run on a machine writes one for
 * its user when it ends, under the user's cache folder, named for the bundle's size and time, the
 * Node version and V8's flags: a changed bundle, another Node or other flags never read an old one.
 * A cache V8 rejects costs nothing but speed: the bundle compiles as usual.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { makeDirectory } from '../make-directory';
import { userCacheDir } from '../user-cache-dir';

/** The code cache file of a bundle written at build time. */
export const cachePath = (bundle: string) => `${bundle}.cache`;

/** The code cache of a bundle in this user's cache folder, for this bundle file, this Node and its V8 flags. */
export function userCachePath(bundle: string, cacheDir: string): string {
  const stat = fs.statSync(bundle);
  // Required here, not at the top: only a run without the build's cache names a user's cache.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const key = createHash('sha256')
    .update(JSON.stringify([path.resolve(bundle), stat.size, stat.mtimeMs, process.version, process.arch, v8Checked(processCacheHeader())]))
    .digest('hex')
    .slice(0, 16);
  return path.join(cacheDir, 'code-cache', `${path.basename(bundle)}-${key}.cache`);
}

/**
 * What V8 compares of a code cache's header with the running process before it accepts the cache,
 * in V8 11 to 14 (Node 20 to 26): the hash of its version (bytes 4–7) and of its flags (12–15),
 * which a V8 flag changes (in Node 20 and 22 even NODE_OPTIONS=--max-old-space-size, the hostile
 * corpus's heap caps). The other words (the source's hash, the payload's length and checksum) V8
 * compares itself. Another layout would cost only speed: a cache that seems not to fit is not
 * tried, and one that seems to fit is still checked by V8.
 */
const v8Checked = (header: Buffer): string => header.toString('hex', 4, 8) + header.toString('hex', 12, 16);

let ownHeader: Buffer | undefined;
/** A code cache made by this process (of a one-character script, ~0.3 ms), for its header. */
const processCacheHeader = (): Buffer => (ownHeader ??= new vm.Script('0').createCachedData());

/**
 * Whether V8 in this process can accept `cache`, judged from its header without compiling. Compiling
 * with a cache V8 rejects is not only wasted (~25 ms for the CLI's bundle: the whole script compiled
 * from its text), it also defeats the next cache: V8 keeps the script it just compiled, so compiling
 * the same text again with the user's cache returns that script, without the cache's code, and every
 * function the run calls is compiled once more (~80 ms of a `validate` under --max-old-space-size).
 */
export const cacheFitsProcess = (cache: Buffer): boolean => cache.length >= 24 && v8Checked(cache) === v8Checked(processCacheHeader());

/**
 * A file's bytes, read into `into` when that is large enough. A start that reads its bundle's bytes
 * ('outside', below) then reads the bundle's code cache into the same memory: each page of a buffer
 * is mapped by the kernel the first time it is written (~4 ms a megabyte on this 2-core VM when page
 * faults are dear; they cost less at other times of day), and the bundle's bytes are no longer
 * needed once they are a string, nor the cache's once V8 has read it. The bundle's `require` then
 * holds it for the vendor bundles' caches (runBundle's `scratch`), so it lives as long as the run:
 * when it could be freed while the bundle's top level ran, `validate` (the run that reads its bundle
 * this way, and loads no vendor bundle) took ~270 more page faults and ~8 ms (21 alternating runs).
 */
function readBytes(file: string, into?: Buffer): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = into && into.length >= size ? into : Buffer.allocUnsafe(size);
    let length = 0;
    for (let read = -1; read !== 0 && length < size; length += read) read = fs.readSync(fd, buffer, length, size - length, length);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** A code cache's bytes (into `into` when given, see readBytes), or undefined when there is none to read. */
function readCache(file: string, into?: Buffer): Buffer | undefined {
  try {
    return readBytes(file, into);
  } catch {
    return undefined;
  }
}

/**
 * A bundle as the build writes it (scripts/bundle.js): a CommonJS module's code inside the function
 * Node would wrap it in, so that the text read is the text compiled. Wrapping it at load made V8
 * copy the whole megabyte once more (a concatenation, flattened to compile), ~4 ms of every start.
 */
export const moduleFunction = (code: string): string => `(function (exports, require, module, __filename, __dirname) {${code}\n})`;

/**
 * A plain CommonJS file's bytes as the module function they are compiled as, one flat string: the
 * wrapper joined to the text as strings made a batch of 200 reports ~7 % slower (5.94 / 5.51 s, CPU
 * +0.9 s), as BundleText says of joined strings. Latin-1: the build makes every bundle ASCII.
 */
const [WRAPPER_HEAD, WRAPPER_TAIL] = moduleFunction('\0')
  .split('\0')
  .map((part) => Buffer.from(part, 'latin1')) as [Buffer, Buffer];
const flatModuleFunction = (code: Buffer): string => Buffer.concat([WRAPPER_HEAD, code, WRAPPER_TAIL]).toString('latin1');

const compile = (bundle: string, source: string, cachedData: Buffer | undefined) =>
  new vm.Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });

/**
 * How a bundle's text is held. 'in-heap': a string in V8's heap (a file read as UTF-8 is decoded
 * straight into one). 'outside': the file's bytes as a Latin-1 string, which Node keeps outside V8's
 * heap once it passes ~1 MB, as the CLI's bundle does: nothing is copied into fresh heap pages, so
 * `validate` of the seed starts ~15 ms sooner. But while code is optimised on V8's helper threads, a
 * source outside the heap (or a concatenation of strings, tried too) makes them touch fresh memory
 * for every function they optimise: a batch of 200 reports took ~25,000 page faults (~6 %) more, all
 * in those threads and none with --no-concurrent-recompilation, and a single build ~12 ms longer.
 * So only a run that optimises little reads its bundle 'outside' (bin/report: `validate`, boot.ts).
 */
export type BundleText = 'in-heap' | 'outside';

/**
 * A bundle's source and, when read 'outside', the bytes it was read into, for its cache to be read
 * into next. Read 'outside' as Latin-1: the build makes every bundle ASCII (scripts/bundle.js,
 * checked by tests/load-bundle.test.ts), so this is its text, without UTF-8 decoding or even a scan.
 */
function readSource(bundle: string, text: BundleText): { source: string; bytes?: Buffer } {
  if (text === 'in-heap') return { source: fs.readFileSync(bundle, 'utf8') };
  const bytes = readBytes(bundle);
  return { source: bytes.toString('latin1'), bytes };
}

/** Compiles a CommonJS bundle with its build-time code cache when there is one. */
export function compileBundle(bundle: string, text: BundleText = 'in-heap'): vm.Script {
  const { source, bytes } = readSource(bundle, text);
  return compile(bundle, source, readCache(cachePath(bundle), bytes));
}

/**
 * Runs a compiled bundle (a module function, moduleFunction) as a CommonJS module and returns its
 * exports. Its `require` loads the vendor bundles (vendorRequire) through their code caches, as
 * `options` says for the bundle itself, reading each cache into `scratch` when it is large enough.
 */
export function runBundle<T>(script: vm.Script, bundle: string, options: LoadOptions = {}, scratch?: Buffer): T {
  const module = { exports: {} as T };
  const require = vendorRequire(bundle, options, scratch);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, path.dirname(bundle));
  return module.exports;
}

/**
 * The vendor bundles loaded in this thread (dist/vendor/*.js: docx, pdfkit, fontkit, htmlparser2),
 * by file: each is one module however often it is required (pdfkit requires the same fontkit as the
 * CLI), and their scripts are what scripts/code-cache.js writes the build's caches of.
 */
const vendors = new Map<string, { exports: unknown; script: vm.Script }>();

/** The vendor bundles loaded so far in this thread, with their scripts (scripts/code-cache.js). */
export const loadedVendors = (): [string, vm.Script][] => [...vendors].map(([file, { script }]) => [file, script]);

/**
 * Node's `require` for a bundle, except that a vendor bundle beside it (`./vendor/docx.js` from the
 * CLI's bundle, `./fontkit.js` from pdfkit's) loads through a code cache as the CLI's does: Node
 * compiles what `require` loads from its text every time (docx's 450 KB: 31–54 ms, 12–24 ms from a
 * cache). Vendor bundles stay plain CommonJS files, which the library API (api.js) requires as usual.
 */
function vendorRequire(from: string, options: LoadOptions, scratch: Buffer | undefined): NodeJS.Require {
  const plain = createRequire(from);
  const own = (id: string): unknown => {
    const file = /^\.\.?\/(?:vendor\/)?[\w.-]+\.js$/.test(id) ? path.resolve(path.dirname(from), id) : undefined;
    if (file === undefined || path.basename(path.dirname(file)) !== 'vendor') return plain(id);
    let vendor = vendors.get(file);
    if (!vendor) {
      // Registered before it runs, as require does, so that a cycle gets its exports so far.
      const script = compileCached(file, { source: flatModuleFunction(fs.readFileSync(file)), bytes: scratch }, options);
      const module = { exports: {} };
      vendors.set(file, (vendor = { exports: module.exports, script }));
      (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, vendorRequire(file, options, scratch), module, file, path.dirname(file));
      vendor.exports = module.exports;
    }
    return vendor.exports;
  };
  return Object.assign(own, { resolve: plain.resolve, cache: plain.cache, extensions: plain.extensions, main: plain.main });
}

/** Writes a script's code cache, as of now, atomically; a failure (read-only home, full disk) only costs later starts the compiling. */
function writeUserCache(script: vm.Script, file: string): void {
  try {
    makeDirectory(path.dirname(file));
    // Named for this thread too: workers of one process may write the same cache at once.
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, file);
  } catch {
    // Only an optimisation.
  }
}

/** How a bundle is loaded (loadBundle). */
export interface LoadOptions {
  /** The user's cache folder, asked only when the build's cache does not fit; without it, no user cache is read or written. */
  cacheDir?: () => string;
  text?: BundleText;
  /**
   * When the user's cache is written, if V8 had none to accept: late, so that it holds what the run
   * compiled, not only the bundle's top level. By default when the process exits; a worker, which is
   * terminated rather than exits, gives its own moment (boot.ts).
   */
  writeWhen?: (write: () => void) => void;
}

/**
 * Loads a bundle, as `require` would, but through a code cache: the build's, else this user's (in
 * the folder `cacheDir` gives), written when `writeWhen` says if V8 had none to accept; its text
 * held as `text` says (BundleText).
 */
export function loadBundle<T>(bundle: string, options: LoadOptions = {}): T {
  const read = readSource(bundle, options.text ?? 'in-heap');
  return runBundle<T>(compileCached(bundle, read, options), bundle, options, read.bytes);
}

/** A bundle's source compiled with the build's code cache when it fits, else with this user's (loadBundle). */
function compileCached(bundle: string, { source, bytes }: { source: string; bytes?: Buffer }, { cacheDir, writeWhen = atExit }: LoadOptions): vm.Script {
  const read = readCache(cachePath(bundle), bytes);
  const built = read && cacheFitsProcess(read) ? read : undefined;
  if (cacheDir === undefined) return compile(bundle, source, built);
  if (built) {
    const script = compile(bundle, source, built);
    if (!script.cachedDataRejected) return script;
  }
  const file = userCachePath(bundle, cacheDir());
  const cached = readCache(file, bytes);
  const script = compile(bundle, source, cached);
  if (!cached || script.cachedDataRejected) writeWhen(() => writeUserCache(script, file));
  return script;
}

const atExit = (write: () => void) => void process.once('exit', write);

/** This user's cache folder for nianbao (user-cache-dir.ts), for bin/report. */
export const defaultCacheDir = (): string => userCacheDir(process.env, process.platform, os.homedir());
