/**
 * pdfjs-dist (Mozilla's PDF.js) loaded for the PDF reader (pdf-reader.ts): only when a PDF is
 * imported, never at start-up. pdfjs is ES modules only, and nianbao is CommonJS run from a bundle
 * evaluated by vm.Script (cli/load-bundle.ts) or under jest, where a plain `import()` fails
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): the import is made from a CommonJS module compiled by
 * Node's own loader, which has the default dynamic-import hook. Only the parts of pdfjs the reader
 * uses are typed here; the path operators' encoding (constructPath with DrawOPS in a Float32Array)
 * is pdfjs ≥ 5's, so the version is pinned.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../package-root';
import { checkPinned } from '../pinned-library';

export const PDFJS_VERSION = '5.4.624';

/** pdfjs's Node build and CMaps, copied into the package at build time (scripts/bundle.js). */
export const PDFJS_DIR = path.join(PACKAGE_ROOT, 'dist', 'vendor', 'pdfjs');
const PDFJS_ENTRY = path.join(PDFJS_DIR, 'legacy', 'build', 'pdf.mjs');
/** The code pdfjs runs in its worker; with no worker thread of its own, pdfjs looks for it on globalThis before loading it. */
const PDFJS_WORKER = path.join(PDFJS_DIR, 'legacy', 'build', 'pdf.worker.mjs');

export interface PdfjsTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e, f the origin of the run (its baseline's start) in PDF user space. */
  transform: number[];
  width: number;
  height: number;
}

export interface PdfjsPage {
  view: number[];
  getTextContent(): Promise<{ items: (PdfjsTextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}

export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}

export interface PdfjsLoadingTask {
  promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
}

/** The operators of an operator list the reader looks at (pdfjs's OPS). */
type OperatorName =
  | 'save'
  | 'restore'
  | 'transform'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd'
  | 'constructPath'
  | 'stroke'
  | 'closeStroke'
  | 'fillStroke'
  | 'eoFillStroke'
  | 'closeFillStroke'
  | 'closeEOFillStroke'
  | 'fill'
  | 'eoFill'
  | 'endPath';

export interface Pdfjs {
  version: string;
  OPS: Record<OperatorName, number>;
  getDocument(source: Record<string, unknown>): PdfjsLoadingTask;
}

/** Path operators inside a constructPath's Float32Array (pdfjs's DrawOPS). */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

let loading: Promise<Pdfjs> | undefined;

/** pdfjs's legacy (Node) build, loaded once. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    // pdfjs 5 reaches Node's modules through process.getBuiltinModule (Node 20.16, 22.3); nianbao runs from 20.15.
    const proc = process as { getBuiltinModule?: (id: string) => unknown };
    proc.getBuiltinModule ??= (id: string) => require(id.replace(/^node:/, '')) as unknown;
    const [pdfjs] = (await esmImportKeepingPush([pathToFileURL(PDFJS_ENTRY).href, pathToFileURL(PDFJS_WORKER).href])) as [Pdfjs, unknown];
    checkPinned('pdfjs-dist', PDFJS_VERSION, 'src/import/pdfjs-adapter.ts', pdfjs.version);
    return pdfjs;
  })();
  return loading;
}

/**
 * `import()` of each specifier in turn from a real CommonJS module, whose dynamic imports Node's
 * default loader serves, in that module's realm. pdfjs's legacy build carries core-js, which adds
 * what Node 20 lacks but also replaces the realm's native Array.prototype.push with a JavaScript one
 * (V8's push() of nothing onto an array whose length is read-only does not throw, as the standard
 * says it should): every push of the reader, pdfjs's own and everyone else's, would be a function
 * call in JavaScript. Both bundles are loaded (the worker's brings its own core-js) and the native
 * push put back by code of the realm they loaded into, which is not this module's under jest.
 */
function esmImportKeepingPush(specifiers: string[]): Promise<unknown[]> {
  const file = path.join(__dirname, 'pdfjs-esm-import.js');
  const loader = new Module(file) as Module & { _compile(code: string, filename: string): void };
  loader.filename = file;
  loader._compile(
    `module.exports = async (specifiers) => {
      const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
      try {
        const modules = [];
        for (const specifier of specifiers) modules.push(await import(specifier));
        return modules;
      } finally {
        Object.defineProperty(Array.prototype, 'push', push);
      }
    };`,
    file,
  );
  return (loader.exports as (s: string[]) => Promise<unknown[]>)(specifiers);
}
