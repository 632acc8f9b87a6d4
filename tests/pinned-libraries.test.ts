/**
 * The library adapters use private APIs of pdfkit, docx and fontkit, written against one version of
 * each: an upgrade must fail here, naming the library and both versions, before it can change output.
 */
import { checkPinned, installedVersion } from '../src/pinned-library';

const ADAPTERS = [
  { library: 'pdfkit', module: '../src/render/pdf/pdfkit-adapter', pinned: 'PDFKIT_VERSION' },
  { library: 'docx', module: '../src/render/docx/docx-adapter', pinned: 'DOCX_VERSION' },
  { library: 'fontkit', module: '../src/fonts/fontkit-adapter', pinned: 'FONTKIT_VERSION' },
  { library: 'pdfjs-dist', module: '../src/import/pdfjs-adapter', pinned: 'PDFJS_VERSION' },
] as const;

describe('pinned library versions', () => {
  it.each(ADAPTERS)('$library is the version $module was written against', ({ library, module, pinned }) => {
    // Loading the adapter runs its own check; its error names the expected and the installed version.
    const version = (require(module) as Record<string, string>)[pinned];
    expect(() => checkPinned(library, version!, module)).not.toThrow();
  });

  it('names the library, both versions and the adapter on a mismatch', () => {
    expect(() => checkPinned('pdfkit', '0.20.2', 'src/render/pdf/pdfkit-adapter.ts', '0.21.0')).toThrow(
      'pdfkit 0.21.0 is installed, but src/render/pdf/pdfkit-adapter.ts uses private parts of pdfkit and was written against 0.20.2',
    );
  });

  it('reads a version from the installed package.json', () => {
    expect(installedVersion('pdfkit')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
