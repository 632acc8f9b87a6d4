#!/usr/bin/env node
/**
 * Bundles what nianbao runs, so the published package has no runtime dependency at all: an install
 * cannot be broken by npm's hoisting, by another project's versions, by an optional native canvas
 * or by a dependency's engine range. Run by `npm run build` after tsc (which writes dist/**.js).
 *
 * - dist/report.js: the CLI; dist/api.js: the library (package.json `main`); dist/pdf-worker.js: the
 *   PDF render worker, with pdfkit and fontkit inside (its code cache covers them). The CLI's and the
 *   worker's are written as module functions (moduleFunction, src/cli/load-bundle.ts), loaded only
 *   through dist/cli/boot.js, itself bundled in place: bin/report and every worker load one script first.
 * - dist/vendor/{docx,pdfkit,fontkit}.js: the heavy libraries, each loaded only by a command that
 *   renders (a `validate` never parses them); the CLI and the library share one copy. Likewise
 *   dist/vendor/htmlparser2.js, loaded by an import of a web page or a DOCX.
 * - dist/vendor/pdfjs/: pdfjs-dist's Node build (ESM, loaded by `import()`) and its CMaps, for `import`.
 * - NIANBAO_VENDORED: the versions bundled, for the adapters' pinned-version checks (pinned-library.ts).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { moduleFunction } = require('../dist/cli/load-bundle.js');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const vendorDir = path.join(dist, 'vendor');

/** The libraries bundled on their own, loaded on demand. */
const VENDORS = ['docx', 'pdfkit', 'fontkit', 'htmlparser2'];
/** What a vendor bundle exports when not the whole library: htmlparser2's tokenizer alone (import/markup-tokens.ts), its ESM build tree-shaken of the parser, DOM and feeds (267 KB → 170 KB). */
const VENDOR_EXPORTS = { htmlparser2: ['Tokenizer'] };

const versionOf = (name) => {
  for (let dir = path.dirname(require.resolve(name, { paths: [root] })); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (manifest.name === name) return manifest.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the package.json of ${name}`);
  }
};
const vendored = Object.fromEntries([...VENDORS, 'pdfjs-dist'].map((name) => [name, versionOf(name)]));

/** Resolves `import 'docx'` (etc.) to the vendor bundle beside the output, `from` being the output's folder. */
const vendorPlugin = (from, except = []) => ({
  name: 'vendor',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${VENDORS.join('|')})$`) }, (args) =>
      except.includes(args.path)
        ? undefined
        : {
            path: `./${path
              .relative(from, path.join(vendorDir, `${args.path}.js`))
              .split(path.sep)
              .join('/')}`,
            external: true,
          },
    );
  },
});

/**
 * Modules a library requires at load but uses only in a feature nianbao never calls, each replaced
 * (for that library alone) by a stub in scripts/stubs that requires the real module on first use:
 * - commander's `node:child_process`, for executable subcommands: it pulls in net, dgram and the
 *   socket machinery (~3 ms of every start);
 * - pdfkit's `@noble/ciphers/aes`, for encrypted PDFs: it computes its tables when loaded;
 * - @noble/hashes' `node:crypto` (through `@noble/hashes/crypto`), for the random bytes of encryption;
 * - pdfkit's `linebreak`, for the wrapping of its text(), which nianbao does not call: it decodes its data when loaded;
 * - fontkit's `unicode-properties`, for shaping: it decodes its Unicode data when loaded.
 */
const LAZY_MODULES = [
  { library: 'commander', module: /^(node:)?child_process$/, stub: 'lazy-child-process.js' },
  { library: 'pdfkit', module: /^@noble\/ciphers\/aes$/, stub: 'lazy-aes.js' },
  { library: 'pdfkit', module: /^linebreak$/, stub: 'lazy-linebreak.js' },
  { library: '@noble/hashes', module: /^@noble\/hashes\/crypto$/, stub: 'lazy-noble-crypto.js' },
  { library: 'fontkit', module: /^unicode-properties$/, stub: 'lazy-unicode-properties.js' },
];

const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    for (const { library, module, stub } of LAZY_MODULES) {
      const importer = new RegExp(`[\\\\/]node_modules[\\\\/]${library.replace('/', '[\\\\/]')}[\\\\/]`);
      build.onResolve({ filter: module }, (args) => (importer.test(args.importer) ? { path: path.join(__dirname, 'stubs', stub) } : undefined));
    }
  },
};

/**
 * Changes to a library's source for speed alone, each the same output by other means; a batch of
 * 200 reports spent a tenth of its time in the two replaced here. Each text must occur exactly once
 * in the version bundled, so an upgrade that changes it stops the build instead of dropping the patch.
 * - docx: an attribute list was built by copying the object for every attribute through Babel's
 *   object-spread helper (quadratic, and the helper is slow); each attribute is now defined once,
 *   with the helper that defines a property the same way.
 * - docx: every element's children were gathered by flatMap and filter (an array or two per element
 *   of a document of thousands); now by one loop that flattens and skips the same (holes, undefined).
 * - pdfkit: every line of PDF text was turned into bytes one character at a time in JavaScript;
 *   Buffer's latin1 encoding keeps the same low byte of each UTF-16 unit, in native code.
 */
const PATCHES = [
  {
    file: require.resolve('docx', { paths: [root] }),
    find: 'return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };',
    replace:
      'const attrs = {}; for (const { key, value } of Object.values(this.root)) if (value !== void 0) _defineProperty(attrs, key, value); return { _attr: attrs };',
  },
  {
    file: require.resolve('docx', { paths: [root] }),
    find: [
      '\t\tconst children = this.root.flatMap((comp) => {',
      '\t\t\tif (isXmlComponent(comp)) {',
      '\t\t\t\tconst parts = comp.writtenAs;',
      '\t\t\t\treturn parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);',
      '\t\t\t}',
      '\t\t\treturn comp;',
      '\t\t}).filter((comp) => comp !== void 0);',
    ].join('\n'),
    replace: [
      'const children = [];',
      // flatMap's own steps: the length read once, holes skipped, an array result flattened one level.
      'const add = (value) => {',
      '  if (!Array.isArray(value)) { if (value !== void 0) children.push(value); return; }',
      '  for (let i = 0, n = value.length; i < n; i++) if (i in value && value[i] !== void 0) children.push(value[i]);',
      '};',
      'const root = this.root;',
      'for (let i = 0, n = root.length; i < n; i++) {',
      '  if (!(i in root)) continue;',
      '  const comp = root[i];',
      '  if (!isXmlComponent(comp)) { add(comp); continue; }',
      '  const parts = comp.writtenAs;',
      '  if (!parts) { add(comp.prepForXml(context)); continue; }',
      '  for (let j = 0, m = parts.length; j < m; j++) if (j in parts) { const xml = parts[j].prepForXml(context); if (xml !== void 0) children.push(xml); }',
      '}',
    ].join('\n'),
  },
  {
    file: require.resolve('pdfkit', { paths: [root] }),
    find: 'const fromBinaryString = str => {\n  const out = new Uint8Array(str.length);\n  for (let i = 0; i < str.length; i++) {\n    out[i] = str.charCodeAt(i) & 0xff;\n  }\n  return out;\n};',
    replace: "const fromBinaryString = str => Buffer.from(str, 'latin1');",
  },
];

/** Applies PATCHES to the libraries' sources as esbuild loads them (esbuild runs one onLoad per file: each file's patches together). */
const patchLibraries = {
  name: 'patch-libraries',
  setup(build) {
    for (const file of new Set(PATCHES.map((patch) => patch.file))) {
      build.onLoad({ filter: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => {
        let source = fs.readFileSync(file, 'utf8');
        for (const { find, replace } of PATCHES.filter((patch) => patch.file === file)) {
          const uses = source.split(find).length - 1;
          if (uses !== 1) throw new Error(`${path.relative(root, file)}: expected the patched text once, found it ${uses} times`);
          source = source.replace(find, () => replace);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

/**
 * Escapes every character beyond ASCII that esbuild leaves as it is (in comments and regular
 * expressions; strings it escapes itself) as `\uXXXX`, which means the same in both. An ASCII
 * bundle is a one-byte string in V8: read without UTF-8 decoding and compiled from half the memory
 * (src/cli/load-bundle.ts). An odd run of `\` before the character ends in an identity escape,
 * whose `\` goes (`\年` is `年`); an even run is escaped backslashes and stays.
 */
function asciiOnly(file, wrap = (code) => code) {
  const source = fs.readFileSync(file, 'utf8');
  const ascii = source.replace(/(\\*)([^\x00-\x7f])/g, (_, escapes, char) => {
    const kept = escapes.length % 2 === 1 ? escapes.slice(1) : escapes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  fs.writeFileSync(file, wrap(ascii));
}

/** The bundles loaded through dist/cli/boot.js (src/cli/load-bundle.ts), written as module functions. */
const LOADED_BUNDLES = ['report.js', 'pdf-worker.js'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // Every start reads and compiles its bundles from source text (with a code cache): without the
  // whitespace the CLI's is 1.56 → 1.10 MB and the PDF worker's 1.29 → 0.94 MB (~10 ms of a validate).
  // Names stay, so stack traces still say which function.
  minifyWhitespace: true,
  // A JSON string, not an object: esbuild would call an initialiser of an object define in every module.
  define: { NIANBAO_VENDORED: JSON.stringify(JSON.stringify(vendored)) },
  // fontkit's WOFF2 decoder (npm `brotli`, ~16 ms to load): nianbao opens TTF, OTF and TTC only.
  // tiny-inflate: Node's zlib in its place (stubs/tiny-inflate.js), the same bytes, in native code.
  alias: {
    'brotli/decompress.js': path.join(__dirname, 'stubs', 'brotli', 'decompress.js'),
    'tiny-inflate': path.join(__dirname, 'stubs', 'tiny-inflate.js'),
  },
};

/** pdfjs-dist's files that `report import` uses, and where they go. */
const PDFJS_FILES = ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'LICENSE'];

/**
 * pdfjs polyfills DOMMatrix, ImageData and Path2D at load from its optional native canvas
 * (@napi-rs/canvas, 32 MB), and warns on stdout without it; it needs a real canvas only to render
 * pages, which nianbao never does. Its two `require("@napi-rs/canvas")` are pointed at a stub beside it.
 */
function copyPdfjs() {
  const from = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [root] }));
  const to = path.join(vendorDir, 'pdfjs');
  fs.rmSync(to, { recursive: true, force: true });
  for (const file of PDFJS_FILES) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
  const entry = path.join(to, 'legacy', 'build', 'pdf.mjs');
  const source = fs.readFileSync(entry, 'utf8');
  const canvas = 'require("@napi-rs/canvas")';
  const uses = source.split(canvas).length - 1;
  if (uses !== 2) throw new Error(`pdfjs-dist ${vendored['pdfjs-dist']}: expected 2 uses of ${canvas}, found ${uses}`);
  fs.writeFileSync(entry, source.split(canvas).join('require("./napi-canvas.cjs")'));
  fs.copyFileSync(path.join(__dirname, 'stubs', 'napi-canvas.cjs'), path.join(to, 'legacy', 'build', 'napi-canvas.cjs'));
  fs.cpSync(path.join(from, 'cmaps'), path.join(to, 'cmaps'), { recursive: true });
}

/** pdfkit reads its sRGB ICC profile (the PDF/A output intent) from ./data beside its script. */
function copyPdfkitData() {
  const profile = path.join(path.dirname(require.resolve('pdfkit', { paths: [root] })), 'data', 'sRGB_IEC61966_2_1.icc');
  for (const dir of [dist, vendorDir]) {
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    fs.copyFileSync(profile, path.join(dir, 'data', path.basename(profile)));
  }
}

(async () => {
  fs.mkdirSync(vendorDir, { recursive: true });
  await Promise.all([
    ...VENDORS.map((name) =>
      esbuild.build({
        ...common,
        stdin: {
          contents: VENDOR_EXPORTS[name]
            ? `export { ${VENDOR_EXPORTS[name].join(', ')} } from ${JSON.stringify(name)};`
            : `module.exports = require(${JSON.stringify(name)});`,
          resolveDir: root,
        },
        outfile: path.join(vendorDir, `${name}.js`),
        plugins: [vendorPlugin(vendorDir, [name]), patchLibraries, lazyModules],
      }),
    ),
    esbuild.build({
      ...common,
      entryPoints: [path.join(dist, 'cli', 'main.js')],
      outfile: path.join(dist, 'report.js'),
      plugins: [vendorPlugin(dist), lazyModules],
    }),
    esbuild.build({ ...common, entryPoints: [path.join(dist, 'index.js')], outfile: path.join(dist, 'api.js'), plugins: [vendorPlugin(dist)] }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(dist, 'core', 'pdf-worker.js')],
      outfile: path.join(dist, 'pdf-worker.js'),
      plugins: [patchLibraries, lazyModules],
    }),
  ]);
  // bin/report's and every worker's first script, with the loader and worker marks it imports, in one file.
  const boot = path.join(dist, 'cli', 'boot.js');
  await esbuild.build({ ...common, entryPoints: [boot], outfile: boot, allowOverwrite: true });
  for (const file of [...LOADED_BUNDLES, 'api.js', ...VENDORS.map((name) => path.join('vendor', `${name}.js`))]) {
    asciiOnly(path.join(dist, file), LOADED_BUNDLES.includes(file) ? moduleFunction : undefined);
  }
  copyPdfjs();
  copyPdfkitData();
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
