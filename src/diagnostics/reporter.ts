/**
 * The contract of a diagnostics format (`--reporter`): how one file's diagnostics are printed, and
 * whether the run around them is told too. Reporters are listed once, in reporters.ts.
 */
import type { Diagnostic } from './diagnostic';

export type Lang = 'zh' | 'en';

/** What a code frame reads of a file: its lines, 1-based (source/source-file.ts's SourceFile is one). */
export interface SourceLines {
  lineText(line: number): string;
}

export interface Reporter {
  name: string;
  /** One file's diagnostics as text (ending in a newline); `sources` give code frames to formats that show them. */
  print(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, lang: Lang): string;
  /**
   * Whether a person reads it: then the progress bar, the files written, a batch's closing table and
   * the summary line are printed too. A format for a program prints its lines alone (the exit code
   * says the rest), so nothing else lands among them.
   */
  forPeople: boolean;
}
