/**
 * One file's diagnostics, from every stage (load, schema, rules, fonts, render), collected as they
 * are raised and given positions once, when the file's build is done: like vfile's messages, the
 * stages only say what and where (a JSON Pointer); the sink knows the file. The YAML document that
 * placing needs stays inside the sink's locator and never leaves it (nor the thread it was parsed in).
 */
import type { Diagnostic } from './diagnostic';
import { sortDiagnostics } from './sort';

/** Gives diagnostics their file and positions (source/locate.ts makes one from a file's source). */
export type Locator = (diagnostics: Diagnostic[]) => Diagnostic[];

export class DiagnosticSink {
  private readonly raised: Diagnostic[] = [];
  /** Diagnostics about other files (last year's report), placed there already. */
  private readonly foreign: Diagnostic[] = [];
  private locator: Locator;

  constructor(readonly file: string) {
    this.locator = (diagnostics) => diagnostics.map((d) => ({ ...d, file: d.file || file }));
  }

  /** Sets how this file's diagnostics are placed, once its source is read. */
  locateWith(locator: Locator): void {
    this.locator = locator;
  }

  /** A new sink for the same file that places as this one does, without its diagnostics (for checks made later, across files). */
  emptied(): DiagnosticSink {
    const sink = new DiagnosticSink(this.file);
    sink.locator = this.locator;
    return sink;
  }

  /** Adds diagnostics about this file (unplaced: a pointer, no span). */
  add(diagnostics: readonly Diagnostic[]): void {
    // One at a time: a spread of 500,000 arguments overflows the stack.
    for (const d of diagnostics) this.raised.push(d);
  }

  /** Adds diagnostics about another file, already placed in it. */
  addPlaced(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.foreign.push(d);
  }

  hasErrors(): boolean {
    return this.raised.some((d) => d.severity === 'error') || this.foreign.some((d) => d.severity === 'error');
  }

  get size(): number {
    return this.raised.length + this.foreign.length;
  }

  /** Every diagnostic, placed in its file (the locator) and sorted (sort.ts). Plain data, safe to post between threads. */
  placed(): Diagnostic[] {
    return sortDiagnostics([...this.locator(this.raised), ...this.foreign]);
  }
}
