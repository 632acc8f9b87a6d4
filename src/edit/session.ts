/**
 * One report being edited: the file as last read or saved (the base), the clerk's edits over it, and
 * what the page asks of them — checking, the form, totals, previews, saving. The edits are a list
 * of values by pointer, applied to the base text (apply-edits.ts), so what is checked, previewed
 * and saved is always the file's text with those values changed, and nothing else.
 *
 * Nothing is lost when the page or the server closes mid-edit: every set of edits the page sends
 * is also written to a recovery file in the user's cache folder (with the base's hash); opening the
 * report again offers them back while the file is still the one they were made on. Saving removes it.
 */
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { checkForBuild, buildFile, placedChecked } from '../core/build';
import { sha256 } from '../core/manifest';
import { withSource } from '../core/source-host';
import { catalog } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatOf } from '../format/registry';
import type { Host } from '../host';
import type { OutputFormat } from '../render/registry';
import { MAX_SOURCE_BYTES } from '../source/load-yaml';
import { decodeSource, type SourceEncoding } from '../source/source-file';
import { applyEdits, type Edit } from './apply-edits';
import { formOf, type FormPart } from './form';
import { totalChanges, type TotalChange } from './totals';

/** The file as read: its text and the hash of its bytes (how a change made outside the page is noticed). */
interface Base {
  /** The file's bytes: what is checked while nothing is edited, so the page starts from `report validate`'s verdict on the file itself. */
  bytes: Uint8Array;
  text: string;
  hash: string;
  encoding: SourceEncoding;
}

/** A problem as the page shows it: in Chinese, with its hints, at a value (pointer) and a line. */
export interface PageDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  hints: string[];
  pointer: string | null;
  line?: number;
  column?: number;
}

/** A check's verdict: the report's problems, and apart from them the facts about this machine (a font stood in for), which no edit changes. */
export interface Checked {
  diagnostics: PageDiagnostic[];
  machine: PageDiagnostic[];
}

export type Opened = { base: Base } | { unreadable: string };

export type Saved = { saved: string } | { conflict: true } | { refused: string };

const encoder = new TextEncoder();

/** The recovery file of a report: named by a hash of its real path, so two reports never share one. */
const recoveryPath = (host: Host, file: string) =>
  path.join(host.userCacheDir(), 'edit-recovery', `${sha256(encoder.encode(host.realPath(file) ?? path.resolve(file))).slice(0, 32)}.json`);

const pageDiagnostic = (d: Diagnostic): PageDiagnostic => ({
  code: d.code,
  severity: d.severity,
  message: d.message.zh,
  hints: d.hints.map((h) => h.zh),
  pointer: d.pointer,
  ...(d.span ? { line: d.span.start.line, column: d.span.start.column } : {}),
});

export class EditSession {
  private base: Base | undefined;
  private edits: Edit[] = [];

  constructor(
    private readonly host: Host,
    readonly file: string,
  ) {}

  /** Reads the file (again): it becomes the base, and the edits are dropped. */
  open(): Opened {
    const bytes = this.host.readBytes(this.file, MAX_SOURCE_BYTES);
    if (!(bytes instanceof Uint8Array)) return { unreadable: bytes.kind };
    const decoded = decodeSource(bytes);
    if (!('text' in decoded)) return { unreadable: 'encoding' };
    this.base = { bytes, text: decoded.text, hash: sha256(bytes), encoding: decoded.encoding };
    this.edits = [];
    return { base: this.base };
  }

  private get opened(): Base {
    if (!this.base) throw new Error('the report was not opened');
    return this.base;
  }

  get baseHash(): string {
    return this.opened.hash;
  }

  /** Whether saving can keep the file's encoding (UTF-8, with or without its BOM): a GB18030 or UTF-16 file is checked but not saved. */
  get savable(): boolean {
    return this.opened.encoding === 'utf-8' || this.opened.encoding === 'utf-8-bom';
  }

  /** The text with the edits, or why it cannot be made. */
  private working(edits: readonly Edit[] = this.edits) {
    return applyEdits(this.opened.text, edits);
  }

  /** The form of the base text, or undefined when the report is not usable enough to lay out (a YAML syntax error). */
  form(): FormPart[] | undefined {
    const text = this.opened.text;
    const checked = checkForBuild(withSource(this.host, this.file, encoder.encode(text)), this.file, {}, { fonts: false });
    const report = checked.report ?? checked.usable;
    if (!report) return undefined;
    const doc = parseDocument(text);
    return formOf({ text, doc, data: doc.toJS(), report, format: formatOf(doc.toJS()) });
  }

  /** The edits a closed page left, when the file is still the one they were made on. */
  recovered(): Edit[] {
    const bytes = this.host.readBytes(recoveryPath(this.host, this.file), MAX_SOURCE_BYTES);
    if (!(bytes instanceof Uint8Array)) return [];
    try {
      const saved = JSON.parse(new TextDecoder().decode(bytes)) as { base?: unknown; edits?: unknown };
      return saved.base === this.opened.hash && Array.isArray(saved.edits) ? (saved.edits as Edit[]) : [];
    } catch {
      return [];
    }
  }

  /**
   * Takes the page's edits, keeps them in the recovery file, and checks the text they make as `report
   * validate` does. `keepRecovery`: the page is still offering a closed page's edits back, so their file stays.
   */
  check(edits: readonly Edit[], options: { keepRecovery?: boolean } = {}): Checked | { refused: string; pointer?: string } {
    const working = this.working(edits);
    if (!('text' in working)) return working;
    this.edits = [...edits];
    const recovery = recoveryPath(this.host, this.file);
    if (!options.keepRecovery) {
      if (edits.length === 0) this.host.remove(recovery);
      else this.host.writeBytesAtomic(recovery, encoder.encode(JSON.stringify({ file: this.file, base: this.opened.hash, edits })));
    }
    // Edited text is UTF-8 (as it is saved); the file as it is keeps its own encoding, and the checker's word on it (RPT1010).
    const from = withSource(this.host, this.file, edits.length === 0 ? this.opened.bytes : encoder.encode(working.text));
    const checked = placedChecked(checkForBuild(from, this.file, {}, { fonts: true }));
    const isMachine = (d: Diagnostic) => (catalog[d.code] as { scope?: 'run' }).scope === 'run';
    return {
      diagnostics: checked.diagnostics.filter((d) => !isMachine(d)).map(pageDiagnostic),
      machine: checked.diagnostics.filter(isMachine).map(pageDiagnostic),
    };
  }

  /** The totals that differ from the sums of their parts, in the text with the edits. */
  totals(edits: readonly Edit[]): TotalChange[] {
    const working = this.working(edits);
    if (!('text' in working)) return [];
    const data: unknown = parseDocument(working.text).toJS();
    return totalChanges(formatOf(data), data);
  }

  /** The report as `report build` makes it, from the text with the edits: undefined when it has errors (nothing is built then). */
  async render(format: OutputFormat): Promise<Uint8Array | undefined> {
    const working = this.working();
    if (!('text' in working)) return undefined;
    const outcome = await buildFile(this.host, {
      file: this.file,
      source: encoder.encode(working.text),
      formats: [format],
      fonts: {},
      conformance: 'PDF/A-2b',
    });
    return outcome.outputs[0]?.bytes;
  }

  /** Whether the file on disk is no longer the base (changed outside the page). */
  changedOnDisk(): boolean {
    const bytes = this.host.readBytes(this.file, MAX_SOURCE_BYTES);
    return !(bytes instanceof Uint8Array) || sha256(bytes) !== this.opened.hash;
  }

  /** Writes the text with the edits atomically, unless the file changed since it was read (`base`: the hash the page edited). */
  save(edits: readonly Edit[], base: string): Saved {
    if (base !== this.opened.hash || this.changedOnDisk()) return { conflict: true };
    const { encoding } = this.opened;
    if (!this.savable) return { refused: 'encoding' };
    const working = this.working(edits);
    if (!('text' in working)) return { refused: working.refused };
    const bytes = encoder.encode((encoding === 'utf-8-bom' ? '\ufeff' : '') + working.text);
    this.host.writeBytesAtomic(this.file, bytes);
    this.base = { bytes, text: working.text, hash: sha256(bytes), encoding };
    this.edits = [];
    this.host.remove(recoveryPath(this.host, this.file));
    return { saved: this.base.hash };
  }
}
