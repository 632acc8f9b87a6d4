/**
 * Places a file's diagnostics in it: pointer → line/column via the YAML document, and for a value
 * `report import` read from a published report, the place there too (its 原文… comment,
 * source-place.ts) as a hint. The sink (diagnostics/sink.ts) is handed the locator once the file's
 * source is read.
 */
import type { Document } from 'yaml';
import { placeEn } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Locator } from '../diagnostics/sink';
import { locatePointer } from './pointer';
import type { SourceFile } from './source-file';
import { sourcePlace } from './source-place';

/** Codes whose span goes on a mapping key rather than its value: the stray key, or the parent of a missing one. */
const KEY_CODES: ReadonlySet<string> = new Set(['RPT2001', 'RPT2003']);

/** A locator for a file's source and its parsed YAML (when it parsed). */
export function sourceLocator(source: SourceFile, doc: Document | undefined): Locator {
  return (diagnostics) => resolveSpans(diagnostics, source, doc, KEY_CODES);
}

/** Fills file, span and hint positions. A key-level pointer (unknown key) is marked with `key`. */
function resolveSpans(diagnostics: Diagnostic[], source: SourceFile, doc: Document | undefined, keyCodes: ReadonlySet<string>): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const placed: Diagnostic = { ...diagnostic, file: source.path };
    if (doc && diagnostic.pointer !== null && !diagnostic.span) {
      const located = locatePointer(doc, diagnostic.pointer, keyCodes.has(diagnostic.code));
      if (located) {
        // Searched within the value only: a search to the end of the file for each diagnostic is quadratic.
        const within = diagnostic.focus ? source.text.slice(located.start, located.end).indexOf(diagnostic.focus) : -1;
        const [start, end] = within >= 0 ? [located.start + within, located.start + within + (diagnostic.focus?.length ?? 0)] : [located.start, located.end];
        placed.span = { start: source.position(start), end: source.position(end) };
      }
    }
    placed.hints = diagnostic.hints.map((hint) => {
      if (!doc || hint.pointer === undefined) return hint;
      const located = locatePointer(doc, hint.pointer);
      return located?.exact ? { ...hint, at: source.position(located.start) } : hint;
    });
    // An import finding's message opens with its place already.
    const printed = doc && diagnostic.pointer !== null && !diagnostic.code.startsWith('RPT4') ? sourcePlace(doc, diagnostic.pointer) : undefined;
    if (printed !== undefined) placed.hints.push({ zh: `原文位置：${printed}`, en: `in the source: ${placeEn(printed)}` });
    return placed;
  });
}
