// Bundling stub for fontkit's WOFF2 decoder (npm `brotli`, ~16 ms to load): nianbao reads TTF/OTF/TTC only.
module.exports = function brotliDecompress() {
  throw new Error('WOFF2 fonts are not supported: give nianbao a TTF, OTF or TTC file');
};
