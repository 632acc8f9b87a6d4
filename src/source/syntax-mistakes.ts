/**
 * Stage 1 (load): the YAML mistakes clerks make, found where they are made. The yaml library notices
 * each of them later — an unclosed quote at the end of the file, a missing ] at the next key, a Tab
 * as three errors on the lines after it — and its recovery reads the rest of the file differently,
 * so its later errors are consequences. Each mistake found here is reported at its own place, with
 * its fix, instead of the library's errors.
 */
import { Parser, type CST, type YAMLError } from 'yaml';

export type Mistake =
  | { kind: 'tab'; start: number }
  | { kind: 'colon'; start: number; key: string; value: string }
  | { kind: 'quote'; start: number; quote: '"' | "'" }
  | { kind: 'bracket'; start: number; open: '[' | '{' };

/**
 * Mistakes behind yaml's errors, in the order of the file; [] when none of the common ones is behind
 * them. `cst`: yaml's parser tokens of the whole `text`, when the caller has them (else it is parsed here).
 */
export function findMistakes(text: string, errors: readonly YAMLError[], cst?: readonly CST.Token[]): Mistake[] {
  const found: Mistake[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    if (error.code === 'TAB_AS_INDENT') found.push({ kind: 'tab', start: error.pos[0] });
    else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
      if (lines.has(lineStart)) continue;
      lines.add(lineStart);
      const colon = colonInText(text, lineStart);
      if (colon) found.push(colon);
    }
  }
  unclosed(cst ?? new Parser().parse(text), found);
  // A Tab on a line makes yaml misread that line: a colon there is not the clerk's mistake.
  const tabLines = new Set(found.filter((m) => m.kind === 'tab').map((m) => text.lastIndexOf('\n', m.start - 1) + 1));
  return found.filter((m) => m.kind !== 'colon' || !tabLines.has(text.lastIndexOf('\n', m.start - 1) + 1)).sort((a, b) => a.start - b.start);
}

/**
 * `key: 说明: 本年无` — a plain text value holding ": ": yaml reads 说明 as a second key. The key
 * and the text up to a comment are what the fix quotes.
 */
const KEY_THEN_TEXT = /^([ ]*(?:- +)?)([^\s#'"[{\-:][^:#\n]*?): +([^\s'"[{|>&*!#%@`][^\n]*?:(?: [^\n]*)?)(?: +#[^\n]*)?$/;

function colonInText(text: string, lineStart: number): Mistake | undefined {
  const end = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, end < 0 ? undefined : end);
  const match = KEY_THEN_TEXT.exec(line);
  if (!match) return undefined;
  const [, indent = '', key = '', value = ''] = match;
  const valueStart = lineStart + line.indexOf(value, indent.length + key.length);
  const inner = value.search(/:( |$)/);
  return { kind: 'colon', start: valueStart + inner, key, value: value.replace(/ +#.*$/, '').trimEnd() };
}

/**
 * Quoted texts and [ ] { } lists the file never closes, at their opening. A stack, not recursion:
 * yaml's recovery from some mistakes nests each following line inside the one before.
 */
function unclosed(tokens: Iterable<CST.Token>, found: Mistake[]): void {
  const stack: CST.Token[] = [...tokens];
  const push = (items: readonly { key?: CST.Token | null; value?: CST.Token }[]) => {
    for (const item of items) {
      if (item.value) stack.push(item.value);
      if (item.key) stack.push(item.key);
    }
  };
  for (let token = stack.pop(); token; token = stack.pop()) {
    switch (token.type) {
      case 'document':
        if (token.value) stack.push(token.value);
        break;
      case 'block-map':
      case 'block-seq':
        push(token.items);
        break;
      case 'flow-collection': {
        const open = token.start.source as '[' | '{';
        const close = open === '[' ? ']' : '}';
        if (!token.end.some((t) => t.source === close)) found.push({ kind: 'bracket', start: token.start.offset, open });
        push(token.items);
        break;
      }
      case 'double-quoted-scalar':
        if (!token.source.slice(1).replace(/\\[^]/g, '').endsWith('"')) found.push({ kind: 'quote', start: token.offset, quote: '"' });
        break;
      case 'single-quoted-scalar':
        if (!token.source.slice(1).replace(/''/g, '').endsWith("'")) found.push({ kind: 'quote', start: token.offset, quote: "'" });
        break;
      default:
        break;
    }
  }
}
