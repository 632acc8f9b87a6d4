/**
 * For GitHub Actions (`--reporter github`): one workflow command per diagnostic,
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RPTnnnn::message`, which the runner turns
 * into an annotation on the file's line (it reads commands on standard error as on standard output).
 * The hints follow the message on lines of their own. Escaping is GitHub's: in the message % CR LF
 * become %25 %0D %0A; in a property value : and , too. Invisible characters are escaped first, as
 * everywhere (escape-invisible.ts), so the only line breaks left are the ones put between hints.
 */
import type { Diagnostic } from './diagnostic';
import { escapeForTerminal } from './escape-invisible';
import { hintLines } from './print-human';
import type { Lang, Reporter } from './reporter';
import { summarise } from './summarise';

/** A workflow command's message. */
export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command's property value. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The commands for some diagnostics (many of one code summarised: summarise.ts), each ending in a newline. */
export function printGithub(diagnostics: readonly Diagnostic[], _sources: unknown, lang: Lang): string {
  return summarise(diagnostics)
    .map((d) => {
      const span = d.span;
      const properties = {
        // A diagnostic about the run (RPT5012) has no file: an annotation of the workflow run itself.
        ...(d.file ? { file: escapeForTerminal(d.file) } : {}),
        ...(span ? { line: span.start.line, col: span.start.column, endLine: span.end.line, endColumn: span.end.column } : {}),
        title: d.code,
      };
      const message = [escapeForTerminal(d.message[lang]), ...hintLines(d, lang)].join('\n');
      return `::${d.severity} ${Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

export const githubReporter = { name: 'github', print: printGithub, forPeople: false } as const satisfies Reporter;
