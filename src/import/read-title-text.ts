/** The report's title, and the paragraphs of its text parts (part 一 with its （一）… sub-headings). */
import { norm, NUMERALS } from './line-text';
import type { SourceLine } from './reader';

const SUB_HEADING = new RegExp(`^（[${NUMERALS}]+）([^。；]{1,30})$`);

/** Paragraphs as one text: one per source line, separated by blank lines. */
export const paragraphs = (lines: readonly SourceLine[]) => lines.map((line) => line.text.trim()).join('\n\n');

/** Part 一: the opening paragraphs, then （一）… sub-headings with their paragraphs. */
export function readOverview(lines: readonly SourceLine[]): unknown {
  const items: unknown[] = [];
  let intro: SourceLine[] = [];
  let section: { heading: string; body: SourceLine[] } | undefined;
  const close = () => {
    if (section) items.push({ heading: section.heading, body: paragraphs(section.body) });
    else if (intro.length > 0) items.push(paragraphs(intro));
  };
  for (const line of lines) {
    const sub = SUB_HEADING.exec(norm(line.text));
    if (sub) {
      close();
      intro = [];
      section = { heading: sub[1] as string, body: [] };
    } else if (section) section.body.push(line);
    else intro.push(line);
  }
  close();
  return items.length === 1 && typeof items[0] === 'string' ? items[0] : items;
}

/** Short text with no sentence punctuation: a line a title may be made of. */
export const titleLike = (line: SourceLine | undefined) => line !== undefined && !line.cell && norm(line.text).length <= 60 && !/[。，；：:]/.test(line.text);

/**
 * The title: the first line naming a report of a year (a web page's navigation comes before it), or
 * its first line. A title in two lines — the organ, then 2023年…报告 (a <br>, two paragraphs) — is one.
 * Returns the title's first and last line indexes.
 */
export function findTitle(lines: readonly SourceLine[]): { first: number; last: number; text: string } | undefined {
  const names = (line: SourceLine | undefined) => titleLike(line) && /\d{4}\s*年/.test((line as SourceLine).text);
  /** A line ending the title begun on the line before: …年度报告 alone. */
  const ends = (line: SourceLine | undefined) => titleLike(line) && /年度报告$/.test(norm((line as SourceLine).text));
  // The first line may be a title without a year; a sentence there is not.
  const first = (line: SourceLine, i: number) => i === 0 && !line.cell && norm(line.text).length <= 60 && !/[。，]/.test(line.text);
  const index = lines.findIndex((line, i) => (line.text.includes('报告') && (first(line, i) || names(line))) || (names(line) && ends(lines[i + 1])));
  if (index < 0) return undefined;
  const line = lines[index] as SourceLine;
  const previous = lines[index - 1];
  // A page's text may label its title field (标题：…).
  const text = (l: SourceLine) =>
    l.text
      .replace(/\s*\n\s*/g, '')
      .trim()
      .replace(/^(标题|题目|名称)\s*[:：]\s*/, '');
  if (!line.text.includes('报告')) return { first: index, last: index + 1, text: text(line) + text(lines[index + 1] as SourceLine) };
  if (index > 0 && titleLike(previous) && !(previous as SourceLine).text.includes('报告') && /^\s*\d{4}\s*年/.test(line.text)) {
    return { first: index - 1, last: index, text: text(previous as SourceLine) + text(line) };
  }
  return { first: index, last: index, text: text(line) };
}
