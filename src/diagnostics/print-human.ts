/**
 * Human output: `file:line:col severity code message`, a code frame with a caret under the value,
 * and the hints. Columns are aligned by display width (a Chinese character takes two columns).
 * Everything quoted from the input is escaped first (escape-invisible.ts): no control character
 * in a report reaches the terminal raw.
 */
import type { Diagnostic } from './diagnostic';
import { displayWidth } from './display-width';
import { escapeForTerminal } from './escape-invisible';
import type { Lang, Reporter, SourceLines } from './reporter';
import { countSeverities } from './sort';
import { summarise } from './summarise';

export type { Lang };

const words = {
  zh: { error: '错误', warning: '警告', hint: '提示', cells: '相关单元格' },
  en: { error: 'error', warning: 'warning', hint: 'hint', cells: 'cells used' },
} as const;

/** Prints diagnostics, many of one code summarised (summarise.ts); `sources` gives the text for code frames. */
export function printHuman(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, lang: Lang): string {
  const out: string[] = [];
  for (const d of summarise(diagnostics)) {
    const place = escapeForTerminal(d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file);
    // A run-level diagnostic has no file: its line starts with the severity.
    out.push(`${place ? `${place} ` : ''}${words[lang][d.severity]} ${d.code} ${escapeForTerminal(d.message[lang])}`);
    const source = sources.get(d.file);
    // A summary stands for many places: a frame of the first would single it out.
    if (d.span && source && !d.more) out.push(...codeFrame(source, d.span.start.line, d.span.start.column, d.span.end));
    for (const line of hintLines(d, lang)) out.push(`  = ${line}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * A diagnostic's hints as printed after it, escaped: each hint that says what to do, then (unless
 * left out) one line of the cells it points at (the terms of a sum): text (line:column), …
 */
export function hintLines(d: Diagnostic, lang: Lang, withCells = true): string[] {
  const lines = d.hints.filter((hint) => !hint.at).map((hint) => `${words[lang].hint}: ${escapeForTerminal(hint[lang])}`);
  if (!withCells) return lines;
  const cells = d.hints.filter((hint) => hint.at).map((hint) => `${escapeForTerminal(hint[lang])} (${hint.at?.line}:${hint.at?.column})`);
  if (cells.length > 0) lines.push(`${words[lang].cells}: ${cells.join(lang === 'zh' ? '；' : '; ')}`);
  return lines;
}

/** For a person at a terminal: code frames and hints, then the files written, a batch's table and the summary line. */
export const humanReporter = { name: 'human', print: printHuman, forPeople: true } as const satisfies Reporter;

/** One summary line for a set of diagnostics over some files. */
export function printSummary(diagnostics: readonly Diagnostic[], files: number, lang: Lang): string {
  const { errors, warnings } = countSeverities(diagnostics);
  const mark = errors > 0 ? '✖' : warnings > 0 ? '⚠' : '✔';
  return lang === 'zh'
    ? `${mark} ${files} 个文件：${errors} 个错误，${warnings} 个警告`
    : `${mark} ${files} file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Frame rows are cut to about this many columns around the caret: a 1 MiB line prints as one short row. */
const MAX_FRAME_WIDTH = 100;
/**
 * Code units of a line kept on each side of the caret before escaping and measuring: more than a
 * row shows, so a row costs the same on a 1 MiB line, however many diagnostics point into it.
 */
const FRAME_WINDOW = 2 * MAX_FRAME_WIDTH;

function codeFrame(source: SourceLines, line: number, column: number, end: { line: number; column: number }): string[] {
  const gutter = String(line).length;
  const rows: string[] = [];
  const row = (n: number, mark: string, text: string) => `${mark} ${String(n).padStart(gutter)} | ${text}`;
  if (line > 1) rows.push(row(line - 1, ' ', head(escapeForTerminal(cut(source.lineText(line - 1), 0, FRAME_WINDOW)), MAX_FRAME_WIDTH)));
  // Widths are measured on the escaped text, as the row prints it.
  const text = source.lineText(line);
  const from = column - 1;
  const to = Math.max(column, end.line === line ? end.column : text.length + 1) - 1;
  let before = escapeForTerminal(cut(text, from - FRAME_WINDOW, from));
  let marked = escapeForTerminal(cut(text, from, Math.min(to, from + FRAME_WINDOW)));
  let after = escapeForTerminal(cut(text, to, to + FRAME_WINDOW));
  const clipped = from > FRAME_WINDOW || to - from > FRAME_WINDOW || text.length - to > FRAME_WINDOW;
  if (clipped || displayWidth(before + marked + after) > MAX_FRAME_WIDTH) {
    before = tail(before, MAX_FRAME_WIDTH / 4);
    marked = head(marked, MAX_FRAME_WIDTH / 2);
    after = head(after, MAX_FRAME_WIDTH - displayWidth(before + marked));
  }
  rows.push(row(line, '>', before + marked + after));
  rows.push(`  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(marked)))}`);
  return rows;
}

/** text[from, to) clamped to the text, its ends moved off the middle of a surrogate pair. */
function cut(text: string, from: number, to: number): string {
  const inPair = (i: number) => i > 0 && i < text.length && /^[\ud800-\udbff][\udc00-\udfff]$/.test(text.slice(i - 1, i + 1));
  let start = Math.max(0, from);
  let stop = Math.min(text.length, Math.max(start, to));
  if (inPair(start)) start++;
  if (inPair(stop)) stop++;
  return text.slice(start, stop);
}

/** The start of a text within `width` columns, with … when cut. */
function head(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return out + '…';
}

/** The end of a text within `width` columns, with … when cut. */
function tail(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let out = '';
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + out) <= width - 1; i--) out = chars[i] + out;
  return '…' + out;
}
