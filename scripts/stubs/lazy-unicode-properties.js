// Bundling replacement for `unicode-properties` as fontkit requires it: loading it decodes its
// Unicode data (~190 million instructions unbundled, in every thread that opens a font), which fontkit
// reads only while shaping text and building its own glyph objects. nianbao's PDF renderer does
// neither for a TrueType face (src/fonts/fontkit-adapter.ts: `unshaped`), so the data is decoded on
// first use only: by a CFF/OTF system font, say. Chosen for fontkit alone by LAZY_MODULES in scripts/bundle.js.
'use strict';

const FUNCTIONS = [
  'getCategory',
  'getCombiningClass',
  'getScript',
  'getEastAsianWidth',
  'getNumericValue',
  'isAlphabetic',
  'isDigit',
  'isPunctuation',
  'isLowerCase',
  'isUpperCase',
  'isTitleCase',
  'isWhiteSpace',
  'isBaseForm',
  'isMark',
];

let real;
const load = () => (real ??= require('unicode-properties'));
for (const name of FUNCTIONS) exports[name] = (...args) => load()[name](...args);
Object.defineProperty(exports, 'default', { enumerable: true, get: () => load().default });
