/**
 * Jest transform of the TypeScript sources and tests: esbuild strips the types, file by file (what
 * tsconfig.test.json's isolatedModules already requires of the code), with a source map for stack
 * traces. ts-jest did the same through TypeScript's transpileModule, about eight times slower: on a
 * fresh clone, with no jest cache, each worker transformed all of src/ for each tier it ran, which
 * was a large share of the whole suite's time. Types are checked by `tsc -p tsconfig.test.json`
 * in `npm test`, as before; the build (dist/) is still tsc's.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync, version } = require('esbuild');

const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'tsconfig.json'), 'utf8'));
/** The options of tsconfig.json that change what esbuild writes (target ES2022: class fields by define, as tsc emits them). */
const TSCONFIG = { compilerOptions: { target: compilerOptions.target, esModuleInterop: compilerOptions.esModuleInterop } };
const SELF = fs.readFileSync(__filename);

module.exports = {
  getCacheKey(sourceText, sourcePath) {
    return crypto.createHash('sha256').update(sourceText).update(sourcePath).update(SELF).update(version).digest('hex');
  },
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2022',
      platform: 'node',
      sourcemap: 'external',
      sourcefile: sourcePath,
      tsconfigRaw: TSCONFIG,
      // import() becomes require(), as tsc's CommonJS output has it: jest runs modules without --experimental-vm-modules.
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
};
