/**
 * The start-up check of the library adapters (render/pdf/pdfkit-adapter.ts,
 * render/docx/docx-adapter.ts, fonts/fontkit-adapter.ts): each uses private parts of one library,
 * written against one version of it, so a different installed version fails at once with a clear
 * message instead of writing subtly wrong files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The versions bundled into dist/, as JSON (scripts/bundle.js defines this): an installed nianbao has no node_modules of its own. */
declare const NIANBAO_VENDORED: string | undefined;

/**
 * The version of the library in use: the bundled one, or when running from the sources (tests) the
 * installed one, read from its package.json. Found by walking up from the resolved entry point:
 * pdfkit's exports map forbids `require('pdfkit/package.json')`, and a dist/ folder may hold a
 * package.json of its own (docx's says only its module type).
 */
export function installedVersion(name: string): string {
  if (typeof NIANBAO_VENDORED !== 'undefined') {
    const version = (JSON.parse(NIANBAO_VENDORED) as Record<string, string | undefined>)[name];
    if (version === undefined) throw new Error(`${name} is not bundled`);
    return version;
  }
  for (let dir = path.dirname(require.resolve(name)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the package.json of ${name}`);
  }
}

/** Throws unless the installed library is exactly the version its adapter was written against. */
export function checkPinned(name: string, pinned: string, adapter: string, installed: string = installedVersion(name)): void {
  if (installed !== pinned) {
    throw new Error(
      `${name} ${installed} is installed, but ${adapter} uses private parts of ${name} and was written against ${pinned}: ` +
        `install ${name}@${pinned}, or check the adapter against ${installed} and change its pinned version`,
    );
  }
}
