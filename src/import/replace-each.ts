/**
 * `text.replace(pattern, replacer)` for a global pattern, in memory that does not grow with the number
 * of matches. V8 replaces with a function by collecting every match (an array with its captures) before
 * calling it once: a 15 MB web page of 2.6 million `&amp;` took the import worker past its 256 MB heap
 * that way. Here each match is replaced as it is found, and the pieces are joined a few thousand at a time.
 */
export function replaceEach(text: string, pattern: RegExp, replacer: (match: RegExpExecArray) => string): string {
  const chunks: string[] = [];
  let pieces: string[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    pieces.push(text.slice(last, match.index), replacer(match));
    last = match.index + match[0].length;
    if (match[0] === '') pattern.lastIndex++;
    if (pieces.length >= 8192) {
      chunks.push(pieces.join(''));
      pieces = [];
    }
  }
  if (chunks.length === 0 && pieces.length === 0) return text;
  pieces.push(text.slice(last));
  chunks.push(pieces.join(''));
  return chunks.join('');
}
