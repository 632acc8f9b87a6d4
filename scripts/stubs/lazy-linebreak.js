// Bundling replacement for `linebreak` as pdfkit requires it: loading it decodes its Unicode line
// breaking data (~140 million instructions unbundled) for pdfkit's text() wrapping, which nianbao's
// PDF renderer never calls (it breaks and writes its lines itself: src/render/pdf/linebreak.ts,
// pdfkit-adapter.ts), so the data is decoded on first use only. Chosen for pdfkit alone by
// LAZY_MODULES in scripts/bundle.js.
'use strict';

module.exports = function LineBreaker(...args) {
  const Real = require('linebreak');
  return new Real(...args);
};
