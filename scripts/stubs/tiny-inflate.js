// Bundling replacement for npm `tiny-inflate` (a raw-DEFLATE decoder in JavaScript), with its API:
// inflate(source, dest) writes into dest and returns it, or the part written when shorter. fontkit,
// unicode-properties and linebreak inflate their Unicode tables with it as they load, twice each,
// which took about a third of the PDF worker's start; Node's zlib does the same in native code.
// maxOutputLength keeps tiny-inflate's bound: never more than dest holds (a WOFF table states it).
'use strict';
const zlib = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = zlib.inflateRawSync(source, { maxOutputLength: Math.max(1, dest.length) });
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};
