/**
 * Loads the CLI bundle with V8's code cache (dist/report.js.cache, written at build time by
 * scripts/code-cache.js after a warm-up run): the bytecode of everything a validate run compiles
 * is reused instead of compiled again, ~25 ms of every start. A cache from another Node version
 * is rejected by V8 and the bundle compiles as usual, so a stale cache costs nothing but speed.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** The code cache file of a bundle. */
export const cachePath = (bundle: string) => `${bundle}.cache`;

/** Compiles a CommonJS bundle (with its code cache when there is one). */
export function compileBundle(bundle: string): vm.Script {
  const source = fs.readFileSync(bundle, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cachePath(bundle));
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  return new vm.Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
}

/** Runs a compiled bundle as a CommonJS module and returns its exports. */
export function runBundle<T>(script: vm.Script, bundle: string): T {
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return module.exports;
}

/** Loads a bundle, as `require` would, but through the code cache. */
export function loadBundle<T>(bundle: string): T {
  return runBundle<T>(compileBundle(bundle), bundle);
}
