// Bundling replacement for `@noble/hashes/crypto` as @noble/hashes requires it (pdfkit's hashes):
// it requires `node:crypto` when loaded, ~36 internal modules (~3 ms of CPU in the first render of
// every process), for random bytes, which only an encrypted PDF asks for and nianbao never writes.
// The same `crypto` export, looked up on first use. Chosen by LAZY_MODULES in scripts/bundle.js.
'use strict';

Object.defineProperty(exports, 'crypto', { enumerable: true, get: () => require('@noble/hashes/crypto').crypto });
