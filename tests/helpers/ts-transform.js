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

/**
 * esbuild's CommonJS output exports an ES module's bindings through getters, two deep (the module's
 * own export object, then the copy `__toCommonJS` makes), so that they stay live while the module
 * runs. Every call of an imported function then goes through both: in the hot loops of the line
 * breaker (`fitsIn`) that was a third of a test's time, a cost the bundled CLI, where esbuild joins
 * the modules into one scope, does not have. Once the module has run, its exports are what they
 * will stay (no source module reassigns an exported `let`, and the cycle test keeps src/ free of
 * import cycles), so they are copied into plain properties. Should a getter throw (a binding not yet
 * set, in a cycle), the live object is kept.
 */
const LIVE_EXPORTS = 'module.exports = __toCommonJS(';
const PLAIN_EXPORTS = `
;(() => {
  const live = module.exports;
  const plain = Object.defineProperty({}, '__esModule', { value: true });
  try {
    for (const key of Object.keys(live)) plain[key] = live[key];
  } catch {
    return;
  }
  module.exports = plain;
})();
`;

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
    return { code: code.includes(LIVE_EXPORTS) ? code + PLAIN_EXPORTS : code, map };
  },
};
