/**
 * For problem matchers (`--reporter gcc`): one line per diagnostic in gcc's form,
 * `file:line:col: error: RPTnnnn: message (hint: …)`. VS Code's $gcc and the usual GitHub problem
 * matchers read `^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$`: the severity word
 * must be followed by a colon, so the code opens the message. Matchers keep only these lines, so
 * the hints go on the same line, in parentheses; the list of cells a sum used is left out (the hint
 * already names its terms, and a line per cell would bury the problems). A diagnostic about a whole file has no line:
 * `file: error: RPTnnnn: message`, as gcc writes a file it cannot open; one about the run, no file:
 * `report: warning: RPTnnnn: message`. The keywords stay English
 * (matchers look for them); the message is in the chosen language.
 */
import type { Diagnostic } from './diagnostic';
import { escapeForTerminal } from './escape-invisible';
import { hintLines } from './print-human';
import type { Lang, Reporter } from './reporter';
import { summarise } from './summarise';

/** The lines of some diagnostics (many of one code summarised: summarise.ts), each ending in a newline. */
export function printGcc(diagnostics: readonly Diagnostic[], _sources: unknown, lang: Lang): string {
  return summarise(diagnostics)
    .map((d) => {
      // A diagnostic about the run, not a file (RPT5012), is the program's own, as gcc writes `gcc: error: …`.
      const place = escapeForTerminal(d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file || 'report');
      const hints = hintLines(d, lang, false).map((hint) => ` (${hint})`);
      return `${place}: ${d.severity}: ${d.code}: ${escapeForTerminal(d.message[lang])}${hints.join('')}\n`;
    })
    .join('');
}

export const gccReporter = { name: 'gcc', print: printGcc, forPeople: false } as const satisfies Reporter;
