// Bundling replacement for `@noble/ciphers/aes` as pdfkit requires it: loading it computes its AES
// lookup tables (~100 million instructions, ~10 ms of CPU in the first render of every process), for
// encrypted PDFs, which nianbao never writes (PDF/A forbids encryption). Its two uses load it on call.
// Chosen for pdfkit alone by LAZY_MODULES in scripts/bundle.js, as lazy-child-process.js is for commander.
'use strict';

module.exports = {
  cbc: (...args) => require('@noble/ciphers/aes').cbc(...args),
  ecb: (...args) => require('@noble/ciphers/aes').ecb(...args),
};
