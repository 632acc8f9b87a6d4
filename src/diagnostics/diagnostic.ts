/**
 * The one message type every stage reports with. Messages are built from typed parameters by the
 * catalog, so the Chinese and English texts always state the same facts.
 */
import { catalog, type Code } from './catalog';

export type Severity = 'error' | 'warning';

/** A place in a file; line and column 1-based, offset in UTF-16 code units (source/source-file.ts computes it). */
export interface Pos {
  line: number;
  column: number;
  offset: number;
}

/** A bilingual text. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A hint says what to do; a pointer makes it a secondary label at that place. */
export interface Hint extends Bilingual {
  pointer?: string;
  /** Where the pointer lands, once resolved against the source. */
  at?: Pos;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: Bilingual;
  /** The file the diagnostic is about ('' until the sink places it). */
  file: string;
  /** JSON Pointer into the report data; null = about the whole file (no code frame). */
  pointer: string | null;
  /** Filled from the pointer when the file's source is known; 1-based. */
  span?: { start: Pos; end: Pos };
  hints: Hint[];
  /** A phrase inside the pointed text value that the diagnostic is about; the span narrows to it. */
  focus?: string;
  /** The template rule (R1, R8 …) a rule diagnostic enforces. */
  rule?: string;
  /** Set on a summary (RPT1030) only: the code it stands for and every place of it (summarise.ts). */
  more?: { code: Code; places: Place[] };
}

/** Where a summarised diagnostic was: its line and column (null for a whole file) and pointer. */
export interface Place {
  line: number | null;
  column: number | null;
  pointer: string | null;
}

/** The parameter object a function takes; {} for a function without one. */
type Arg<F> = F extends (p: infer P) => unknown ? (unknown extends P ? object : P) : object;
type Entry<C extends Code> = (typeof catalog)[C];
/** What a code's messages and hint need: the union of the parameters of all three. */
export type ParamsOf<C extends Code> = Arg<Entry<C>['zh']> & Arg<Entry<C>['en']> & (Entry<C> extends { hint: infer H } ? Arg<H> : object);

/** Builds a diagnostic from the catalog; `extraHints` adds pointed hints (the cells a sum used). */
export function makeDiagnostic<C extends Code>(code: C, pointer: string | null, params: ParamsOf<C>, extraHints: Hint[] = []): Diagnostic {
  const entry = catalog[code] as unknown as {
    severity: Severity;
    rule?: string;
    zh: (p: unknown) => string;
    en: (p: unknown) => string;
    hint?: (p: unknown) => Bilingual;
  };
  const hints: Hint[] = entry.hint ? [entry.hint(params), ...extraHints] : extraHints;
  return {
    code,
    severity: entry.severity,
    message: { zh: entry.zh(params), en: entry.en(params) },
    file: '',
    pointer,
    hints,
    ...(entry.rule ? { rule: entry.rule } : {}),
  };
}
