// Stub of pdfjs-dist's optional `@napi-rs/canvas` (scripts/bundle.js points pdfjs at it): pdfjs only polyfills
// DOMMatrix, ImageData and Path2D from it when it loads, and needs a canvas only to render, which
// `report import` never does. Empty classes keep pdfjs from warning on stdout at load time.
'use strict';
class DOMMatrix {}
class ImageData {}
class Path2D {}
module.exports = {
  DOMMatrix,
  ImageData,
  Path2D,
  createCanvas() {
    throw new Error('nianbao does not render PDF pages');
  },
};
