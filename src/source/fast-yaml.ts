/**
 * Stage 1 (load): a fast reader for the plain YAML a report is written in. yaml's lexer, parser and
 * composer run mostly once per process, in V8's interpreter, and cost a cold `validate` about half
 * its own work; this reader does the same for the common file in a fraction of that. It builds the
 * very Document yaml's parseDocument would — yaml's own node classes, ranges, source, type, format,
 * comments and blank-line marks, each scalar resolved by the document's schema tags as yaml's
 * composer resolves it — and gives up (undefined: load-yaml.ts then runs yaml's parser) on anything
 * outside the subset it knows exactly:
 *
 * - a block mapping at the root; block mappings with plain one-line keys; block sequences (`- `),
 *   a mapping may start on an item's line (`- heading: …`);
 * - plain, double- and single-quoted one-line scalars; `|`, `|-`, `>`, `>-` block scalars;
 * - one-line flow sequences and mappings of such scalars (`[0, 0, 0]`, `{issued: 7, repealed: 0}`);
 * - comments after a value; comment lines before an item (at its column or left of it), after a
 *   key's `:` (at the column of the line they precede), ending a mapping or list (yaml keeps them
 *   there when one is at its column), at the top and the end of the file (at column 0); empty lines.
 *
 * Everything else — tags, anchors, aliases, directives, `---`, tabs, CR, a key that is not plain, a
 * key without a value, a list right inside a list item, a multi-line plain or quoted scalar, odd
 * indentation, a comment deeper than the items around it, anything yaml would report — is left to
 * yaml. What it accepts stays well inside the token pass's limits (scan-tokens.ts), so no limit is
 * passed unnoticed. tests/fast-yaml.test.ts holds it to yaml's output on every fixture, imported
 * reports, documents yaml writes and thousands of mutations.
 */
import { Composer, Pair, Scalar, YAMLMap, YAMLSeq, type Document, type DocumentOptions, type ParseOptions, type Schema, type SchemaOptions } from 'yaml';
import { MAX_ITEMS, MAX_LINES, MAX_NESTING_DEPTH } from './scan-tokens';

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Node = Scalar | YAMLMap | YAMLSeq;

/** What a comment, a line break or indentation is to yaml's resolveProps: the tokens around a node. */
interface Token {
  type: 'space' | 'comment' | 'newline' | 'indicator';
  source: string;
}

/** Thrown to give up; caught once, in readFastYaml. */
class Unsupported extends Error {}
const GIVE_UP = new Unsupported();
function giveUp(): never {
  throw GIVE_UP;
}

/** The schema's tag for any string (yaml's identity.SCALAR key). */
const SCALAR_TAG = Symbol.for('yaml.scalar');
/** Characters that begin something other than a plain scalar (an indicator), as yaml's lexer reads them. */
const INDICATOR_START = new Set([...'#&*!|>\'"%@`[]{},?:-']);
const FLOW_INDICATORS = new Set([...',[]{}']);
/**
 * How deep a file accepted here may nest collections: well inside the token pass's limit, which
 * counts at most one level per open collection, one for an item's value and one for a bracket.
 */
const MAX_DEPTH = MAX_NESTING_DEPTH / 2 - 2;

/**
 * The Document yaml's parseDocument gives for `text` with these options (uniqueKeys off: duplicate
 * keys are found by yaml-walk.ts), or undefined when the text is outside the subset this reader knows.
 */
export function readFastYaml(text: string, options: Options): Document.Parsed | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return new Reader(text, options).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private line = 0;
  private items = 0;
  private depth = 0;
  private readonly schema: Schema;
  /** The tag each plain text resolves by, as a key and as a value (yaml's findScalarTagByTest is a function of the text). */
  private readonly keyTags = new Map<string, ScalarTag>();
  private readonly valueTags = new Map<string, ScalarTag>();
  private readonly doc: Document.Parsed;

  constructor(
    private readonly text: string,
    options: Options,
  ) {
    for (let start = 0; start <= text.length;) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      this.starts.push(start);
      this.ends.push(end);
      start = end + 1;
    }
    // The last line is empty when the text ends with a line break: it is no line of its own.
    if (this.starts.length > 1 && this.starts[this.starts.length - 1] === text.length) {
      this.starts.pop();
      this.ends.pop();
    }
    if (this.starts.length > MAX_LINES) giveUp();
    // yaml's composer makes the document (its options, directives and schema), as it does for an empty stream.
    const composer = new Composer(options);
    const [doc] = composer.compose([], true, text.length);
    this.doc = doc as Document.Parsed;
    this.schema = this.doc.schema;
    if (this.schema.compat) giveUp();
  }

  document(): Document.Parsed {
    // Comments before the first line of content are the document's prelude (yaml's Composer.decorate).
    const prelude = this.gap();
    const first = this.line;
    if (first >= this.starts.length || this.indentOf(first) !== 0) giveUp();
    for (const token of prelude) if (token.type === 'comment' && token.indent !== 0) giveUp();
    const contents = this.map(0, []);
    const trailing = this.gap();
    if (this.line < this.starts.length) giveUp();
    for (const token of trailing) if (token.type === 'comment' && token.indent !== 0) giveUp();
    const doc = this.doc;
    doc.contents = contents as unknown as Document.Parsed['contents'];
    const contentEnd = contents.range?.[2] ?? 0;
    const end = resolveEnd(trailing, contentEnd);
    if (end.comment) doc.comment = end.comment;
    doc.range = [this.starts[first] ?? 0, contentEnd, end.offset];
    const { comment, afterEmptyLine } = parsePrelude(prelude);
    if (comment) {
      if (afterEmptyLine) doc.commentBefore = comment;
      else {
        const key = (contents.items[0] as Pair<Scalar, Node>).key;
        key.commentBefore = key.commentBefore ? `${comment}\n${key.commentBefore}` : comment;
      }
    }
    return doc;
  }

  /** Column of the first character of line `i` that is not a space. */
  private indentOf(i: number): number {
    const start = this.starts[i] ?? 0;
    let at = start;
    while (this.text.charCodeAt(at) === 32) at++;
    return at - start;
  }

  /**
   * Reads the empty and comment lines from the current one up to the next line of content, as
   * yaml's tokens: each comment line its indentation, comment and line break.
   */
  private gap(): (Token & { indent: number })[] {
    const tokens: (Token & { indent: number })[] = [];
    for (; this.line < this.starts.length; this.line++) {
      const start = this.starts[this.line] ?? 0;
      const end = this.ends[this.line] ?? 0;
      const indent = this.indentOf(this.line);
      const newline = end < this.text.length ? [{ type: 'newline' as const, source: '\n', indent }] : [];
      if (start === end) tokens.push(...newline);
      else if (this.text[start + indent] === '#') {
        if (indent > 0) tokens.push({ type: 'space', source: ' '.repeat(indent), indent });
        tokens.push({ type: 'comment', source: this.text.slice(start + indent, end), indent }, ...newline);
      } else if (start + indent === end) giveUp();
      else break;
    }
    return tokens;
  }

  /**
   * Reads the gap after an item of `coll`, whose items are at column `indent`: the next item's
   * tokens when one follows. Else the collection ends: when a comment in the gap is at its column or
   * deeper, yaml keeps the gap there as the collection's comment, which it gets, and where that ends
   * is returned; else the gap is left unread, for an outer collection to read (yaml moves it there).
   */
  private gapAfter(coll: YAMLMap | YAMLSeq, indent: number): Token[] | { commentEnd?: number } {
    const isSeq = coll instanceof YAMLSeq;
    const from = this.line;
    const tokens = this.gap();
    const atEnd = this.line >= this.starts.length;
    const next = atEnd ? -1 : this.indentOf(this.line);
    if (next > indent) giveUp();
    let deepest = -1;
    for (const token of tokens) if (token.type === 'comment') deepest = Math.max(deepest, token.indent);
    // A comment deeper than the collection's items joins the value before it (yaml's atIndentedComment): left to yaml.
    if (deepest > indent) giveUp();
    const isItem = next === indent && (!isSeq || this.isItem(this.line, indent));
    if (isItem) return tokens;
    if (indent > 0 && deepest >= indent) {
      const trailing = next > 0 ? [...tokens, { type: 'space' as const, source: ' '.repeat(next) }] : tokens;
      const { comment } = props(trailing, isSeq ? 'seq-item-ind' : 'explicit-key-ind', true);
      if (comment) coll.comment = comment;
      return { commentEnd: atEnd ? this.text.length : (this.starts[this.line] ?? 0) + next };
    }
    this.line = from;
    return {};
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  private count(n = 1): void {
    this.items += n;
    if (this.items > MAX_ITEMS / 2) giveUp();
  }

  /**
   * A block mapping whose keys are at column `indent`, its first key on the current line at that
   * column; `firstStart` is that key's tokens before it (a mapping on a sequence item's line: none).
   */
  private map(indent: number, firstStart: Token[]): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.schema);
    const rangeStart = (this.starts[this.line] ?? 0) + indent;
    let start = firstStart;
    let offset = 0;
    let commentEnd: number | undefined;
    for (;;) {
      const keyStart = (this.starts[this.line] ?? 0) + indent;
      const lineEnd = this.ends[this.line] ?? 0;
      const colon = this.keyEnd(keyStart, lineEnd);
      const key = this.plainScalar(keyStart, colon, true);
      applyProps(key, start, 'explicit-key-ind', true);
      this.count(2);
      const value = this.mapValue(indent, colon + 1, lineEnd);
      map.items.push(new Pair(key, value));
      offset = value.range?.[2] ?? 0;
      const after = this.gapAfter(map, indent);
      if (!Array.isArray(after)) {
        commentEnd = after.commentEnd;
        break;
      }
      start = indent > 0 ? [...after, { type: 'space', source: ' '.repeat(indent) }] : after;
      // A line at the mapping's column that is no key (a `- ` item) ends nothing: yaml reads it as an error.
      if (this.isItem(this.line, indent)) giveUp();
    }
    map.range = [rangeStart, offset, commentEnd ?? offset];
    this.depth--;
    return map;
  }

  /** Whether line `line` has a sequence item's `- ` (or a lone `-`) at `column`. */
  private isItem(line: number, column: number): boolean {
    const at = (this.starts[line] ?? 0) + column;
    return this.text.charCodeAt(at) === 45 && (at + 1 === this.ends[line] || this.text.charCodeAt(at + 1) === 32);
  }

  /** The offset of the `:` ending a plain one-line key that starts at `start`. */
  private keyEnd(start: number, lineEnd: number): number {
    const first = this.text[start] ?? '';
    if (INDICATOR_START.has(first)) giveUp();
    for (let i = start; i < lineEnd; i++) {
      const ch = this.text[i];
      if (ch === ':') {
        const next = this.text[i + 1];
        if (i + 1 === lineEnd || next === ' ') {
          // A space before the `:` belongs to no key yaml keeps whole; long keys are an error in yaml's strict mode.
          if (this.text[i - 1] === ' ' || i - start > 1000) giveUp();
          return i;
        }
      } else if (ch === ' ' && this.text[i + 1] === '#') giveUp();
    }
    return giveUp();
  }

  /** The value after a key's `:` at `from`: on the key's line, or a block collection on the lines after it. */
  private mapValue(indent: number, from: number, lineEnd: number): Node {
    let at = from;
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    const comment = at > from && this.text[at] === '#';
    if (at < lineEnd && !comment) {
      if (at === from) giveUp();
      return this.inlineValue(at, lineEnd, indent, 1);
    }
    // `key:` and the value on the lines after it (a key without one is left to yaml).
    if (lineEnd >= this.text.length) giveUp();
    const sep: Token[] = [{ type: 'indicator', source: ':' }];
    if (at > from) sep.push({ type: 'space', source: this.text.slice(from, at) });
    if (comment) sep.push({ type: 'comment', source: this.text.slice(at, lineEnd) });
    sep.push({ type: 'newline', source: '\n' });
    this.line++;
    const tokens = this.gap();
    if (this.line >= this.starts.length) giveUp();
    const next = this.indentOf(this.line);
    for (const token of tokens) if (token.type === 'comment' && token.indent !== next) giveUp();
    sep.push(...tokens);
    if (next > 0) sep.push({ type: 'space', source: ' '.repeat(next) });
    const isItem = this.isItem(this.line, next);
    let node: Node;
    if (isItem && next >= indent) node = this.seq(next);
    else if (!isItem && next > indent) node = this.map(next, []);
    else return giveUp();
    applyProps(node, sep, 'map-value-ind', false);
    return node;
  }

  /**
   * A value that starts at `at` on the current line, after a key's `: ` or an item's `- ` (the
   * collection's items at column `indent`); a block scalar's text must be indented `minIndent` more.
   */
  private inlineValue(at: number, lineEnd: number, indent: number, minIndent: number): Node {
    const ch = this.text[at];
    if (ch === '|' || ch === '>') return this.blockScalar(at, lineEnd, indent + minIndent);
    if (ch === '[' || ch === '{') {
      const { coll, end } = this.flow(at, lineEnd);
      const after = this.lineEnd(end, lineEnd);
      if (after.comment) coll.comment = after.comment;
      coll.range = [at, end, after.end];
      return coll;
    }
    const node = this.flowScalar(at, lineEnd, false);
    if (node.type === 'PLAIN' && ((node.source as string).includes(': ') || (node.source as string).endsWith(':'))) giveUp();
    const range = node.range as [number, number, number];
    const after = this.lineEnd(range[1], lineEnd);
    range[2] = after.end;
    if (after.comment) node.comment = after.comment;
    return node;
  }

  /** What follows a value ending at `valueEnd` on its line — spaces, a comment, the line break (yaml's resolveEnd) — and moves to the next line. */
  private lineEnd(valueEnd: number, lineEnd: number): { comment: string; end: number } {
    let at = valueEnd;
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    let comment = '';
    if (at < lineEnd) {
      if (this.text[at] !== '#' || at === valueEnd) giveUp();
      comment = this.text.slice(at + 1, lineEnd) || ' ';
    }
    this.line++;
    return { comment, end: lineEnd < this.text.length ? lineEnd + 1 : lineEnd };
  }

  /** A block sequence whose `-` are at column `indent`, the first on the current line. */
  private seq(indent: number): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq(this.schema);
    const rangeStart = (this.starts[this.line] ?? 0) + indent;
    let gap: Token[] = [];
    let offset = 0;
    let commentEnd: number | undefined;
    for (;;) {
      const lineStart = this.starts[this.line] ?? 0;
      const lineEnd = this.ends[this.line] ?? 0;
      const dash = lineStart + indent;
      if (this.text[dash] !== '-' || this.text[dash + 1] !== ' ') giveUp();
      let at = dash + 1;
      while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
      if (at >= lineEnd) giveUp();
      const start: Token[] = [...gap];
      if (indent > 0 && seq.items.length > 0) start.push({ type: 'space', source: ' '.repeat(indent) });
      start.push({ type: 'indicator', source: '-' }, { type: 'space', source: this.text.slice(dash + 1, at) });
      this.count();
      let node: Node;
      const column = at - lineStart;
      if (this.startsMapping(at, lineEnd)) node = this.map(column, []);
      else node = this.inlineValue(at, lineEnd, indent, 2);
      applyProps(node, start, 'seq-item-ind', true);
      seq.items.push(node);
      offset = node.range?.[2] ?? 0;
      const after = this.gapAfter(seq, indent);
      if (!Array.isArray(after)) {
        commentEnd = after.commentEnd;
        break;
      }
      gap = after;
    }
    seq.range = [rangeStart, offset, commentEnd ?? offset];
    this.depth--;
    return seq;
  }

  /** Whether an item's value starting at `at` is a mapping (a plain key and `: ` on the line). */
  private startsMapping(at: number, lineEnd: number): boolean {
    const ch = this.text[at] ?? '';
    if (ch === '|' || ch === '>' || ch === '[' || ch === '{' || ch === '"' || ch === "'") return false;
    if (ch === '-' && (this.text[at + 1] === ' ' || at + 1 === lineEnd)) giveUp();
    for (let i = at; i < lineEnd; i++) {
      const c = this.text[i];
      if (c === ':' && (i + 1 === lineEnd || this.text[i + 1] === ' ')) return true;
      if (c === ' ' && this.text[i + 1] === '#') return false;
    }
    return false;
  }

  /** A plain or quoted scalar on one line from `at`, in a flow collection or not; its range ends at its last character. */
  private flowScalar(at: number, lineEnd: number, inFlow: boolean): Scalar {
    const ch = this.text[at] ?? '';
    this.count();
    if (ch === '"' || ch === "'") {
      const close = ch === '"' ? this.doubleQuoteEnd(at, lineEnd) : this.singleQuoteEnd(at, lineEnd);
      const raw = this.text.slice(at, close + 1);
      const value = ch === '"' ? doubleQuotedValue(raw) : raw.slice(1, -1).replace(/''/g, "'");
      return this.resolve(value, this.stringTag(), ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, close + 1, close + 1]);
    }
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const c = this.text[i] ?? '';
      if (c === ' ') {
        if (this.text[i + 1] === '#') break;
        continue;
      }
      if (inFlow && FLOW_INDICATORS.has(c)) break;
      if (inFlow && c === ':' && (i + 1 === lineEnd || this.text[i + 1] === ' ' || FLOW_INDICATORS.has(this.text[i + 1] ?? ''))) break;
      end = i + 1;
    }
    return this.plainScalar(at, end, false);
  }

  /** A plain scalar's node: its text resolved by the first of the schema's default tags that matches (yaml's findScalarTagByTest). */
  private plainScalar(start: number, end: number, atKey: boolean): Scalar {
    const first = this.text[start] ?? '';
    const second = this.text[start + 1] ?? '';
    if (end <= start) giveUp();
    // `-` begins a plain scalar when something other than a space follows it (`-5`), and a `---` line only at column 0.
    if (
      INDICATOR_START.has(first) &&
      !(first === '-' && second !== '' && second !== ' ' && !FLOW_INDICATORS.has(second) && !this.text.startsWith('---', start))
    )
      giveUp();
    const value = this.text.slice(start, end);
    // A report repeats its values (hundreds of 0s, the same keys in every row): each text is matched once.
    const found = atKey ? this.keyTags : this.valueTags;
    let tag = found.get(value);
    if (!tag) {
      const tags = this.schema.tags as ScalarTag[];
      tag = tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(value)) ?? this.stringTag();
      found.set(value, tag);
    }
    return this.resolve(value, tag, 'PLAIN', [start, end, end]);
  }

  private stringTag(): ScalarTag {
    return (this.schema as unknown as Record<symbol, ScalarTag>)[SCALAR_TAG] as ScalarTag;
  }

  /** A scalar node for `value` by `tag`, as yaml's composeScalar makes it. */
  private resolve(value: string, tag: ScalarTag, type: Scalar.Type, range: [number, number, number]): Scalar {
    const resolved = tag.resolve(value, giveUp, this.doc.options);
    const scalar = resolved instanceof Scalar ? resolved : new Scalar(resolved);
    scalar.range = range;
    scalar.source = value;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  private doubleQuoteEnd(at: number, lineEnd: number): number {
    for (let i = at + 1; i < lineEnd; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === '"') return i;
    }
    return giveUp();
  }

  private singleQuoteEnd(at: number, lineEnd: number): number {
    for (let i = at + 1; i < lineEnd; i++) {
      if (this.text[i] === "'") {
        if (this.text[i + 1] === "'") i++;
        else return i;
      }
    }
    return giveUp();
  }

  /** A one-line flow sequence or mapping of scalars starting at `at`, and the offset after its closing bracket. */
  private flow(at: number, lineEnd: number): { coll: YAMLSeq | YAMLMap; end: number } {
    this.enter();
    const isMap = this.text[at] === '{';
    const close = isMap ? '}' : ']';
    const coll = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    coll.flow = true;
    this.count();
    let i = at + 1;
    const skipSpaces = () => {
      while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    };
    skipSpaces();
    if (this.text[i] !== close) {
      for (;;) {
        const c = this.text[i] ?? '';
        if (c === '[' || c === '{' || c === ']' || c === '}' || c === ',' || c === '#' || i >= lineEnd) giveUp();
        const item = this.flowScalar(i, lineEnd, true);
        i = item.range?.[1] ?? 0;
        if (isMap) {
          if (item.type !== 'PLAIN' || this.text[i] !== ':' || this.text[i + 1] !== ' ') giveUp();
          const key = this.plainScalar(item.range?.[0] ?? 0, i, true);
          i += 1;
          skipSpaces();
          const c2 = this.text[i] ?? '';
          if (c2 === '[' || c2 === '{' || c2 === ']' || c2 === '}' || c2 === ',' || c2 === '#' || i >= lineEnd) giveUp();
          const value = this.flowScalar(i, lineEnd, true);
          i = value.range?.[1] ?? 0;
          if (value.type === 'PLAIN' && this.text[i] === ':') giveUp();
          this.count(2);
          skipSpaces();
          (value.range as [number, number, number])[2] = i;
          (coll as YAMLMap).items.push(new Pair(key, value));
        } else {
          if (this.text[i] === ':') giveUp();
          skipSpaces();
          (item.range as [number, number, number])[2] = i;
          (coll as YAMLSeq).items.push(item);
        }
        const next = this.text[i];
        if (next === close) break;
        if (next !== ',') giveUp();
        this.count();
        i++;
        skipSpaces();
        if (this.text[i] === close) giveUp();
      }
    }
    this.depth--;
    return { coll, end: i + 1 };
  }

  /** A `|`, `|-`, `>` or `>-` block scalar whose header is at `at`; its text indented at least `minIndent`. */
  private blockScalar(at: number, lineEnd: number, minIndent: number): Scalar {
    const header = this.text.slice(at, lineEnd);
    if ((header !== '|' && header !== '|-' && header !== '>' && header !== '>-') || lineEnd >= this.text.length) giveUp();
    this.count();
    const folded = header[0] === '>';
    this.line++;
    const first = this.line;
    if (first >= this.starts.length || this.starts[first] === this.ends[first]) giveUp();
    const bodyIndent = this.indentOf(first);
    if (bodyIndent < minIndent || this.starts[first]! + bodyIndent === this.ends[first]) giveUp();
    // The body: lines indented at least as its first, and empty lines between them; a line of spaces only is left to yaml.
    let last = first;
    for (let i = first; i < this.starts.length; i++) {
      const start = this.starts[i] ?? 0;
      const end = this.ends[i] ?? 0;
      if (start === end) continue;
      const indent = this.indentOf(i);
      if (start + indent === end) giveUp();
      if (indent < bodyIndent) {
        if (indent >= minIndent) giveUp();
        break;
      }
      if (folded && indent > bodyIndent) giveUp();
      last = i;
    }
    const lines: string[] = [];
    for (let i = first; i <= last; i++) lines.push(this.text.slice((this.starts[i] ?? 0) + bodyIndent, this.ends[i] ?? 0));
    let value = '';
    if (folded) {
      // yaml's resolveBlockScalar for a folded scalar without more-indented lines.
      let sep = '';
      for (const content of lines) {
        if (content === '') {
          if (sep === '\n') value += '\n';
          else sep = '\n';
        } else {
          value += sep + content;
          sep = ' ';
        }
      }
    } else value = lines.join('\n');
    if (header[1] !== '-') value += '\n';
    const end = (this.ends[last] ?? 0) < this.text.length ? (this.ends[last] ?? 0) + 1 : (this.ends[last] ?? 0);
    this.line = last + 1;
    return this.resolve(value, this.stringTag(), folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', [at, end, end]);
  }
}

/** The part of a schema tag composeScalar uses. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

type Indicator = 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';

/** Gives a node the blank-line mark and comment of the tokens before it, as yaml's composeNode does. */
function applyProps(node: Node, tokens: readonly Token[], indicator: Indicator, startOnNewline: boolean): void {
  const { spaceBefore, comment } = props(tokens, indicator, startOnNewline);
  if (spaceBefore) node.spaceBefore = true;
  if (comment) node.commentBefore = comment;
}

/** yaml's resolveProps for tokens before a node (comments, line breaks, indentation, one indicator): a blank line before it, and the comment. */
function props(tokens: readonly Token[], indicator: Indicator, startOnNewline: boolean): { spaceBefore: boolean; comment: string } {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let comment = '';
  let commentSep = '';
  let found = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'comment': {
        const text = token.source.substring(1) || ' ';
        if (!comment) comment = text;
        else comment += commentSep + text;
        commentSep = '';
        atNewline = false;
        break;
      }
      case 'newline':
        if (atNewline) {
          if (comment) comment += token.source;
          else if (!found || indicator !== 'seq-item-ind') spaceBefore = true;
        } else commentSep += token.source;
        atNewline = true;
        break;
      case 'indicator':
        found = true;
        atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
        break;
    }
  }
  return { spaceBefore, comment };
}

/** yaml's resolveEnd for the comments and line breaks after the last node: the document's comment and end. */
function resolveEnd(tokens: readonly Token[], offset: number): { comment: string; offset: number } {
  let comment = '';
  let sep = '';
  let end = offset;
  for (const token of tokens) {
    if (token.type === 'comment') {
      const text = token.source.substring(1) || ' ';
      if (!comment) comment = text;
      else comment += sep + text;
      sep = '';
    } else if (token.type === 'newline' && comment) sep += token.source;
    end += token.source.length;
  }
  return { comment, offset: end };
}

/** yaml's parsePrelude for comments and empty lines before the document. */
function parsePrelude(tokens: readonly Token[]): { comment: string; afterEmptyLine: boolean } {
  let comment = '';
  let atComment = false;
  let afterEmptyLine = false;
  for (const token of tokens) {
    if (token.type === 'comment') {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (token.source.substring(1) || ' ');
      atComment = true;
      afterEmptyLine = false;
    } else if (token.type === 'newline') {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** The value of a one-line double-quoted scalar (yaml's doubleQuotedValue); an escape yaml would report is left to yaml. */
function doubleQuotedValue(source: string): string {
  let value = '';
  for (let i = 1; i < source.length - 1; i++) {
    const ch = source[i] ?? '';
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = source[++i] ?? '';
    const escaped = ESCAPES[next];
    if (escaped !== undefined) value += escaped;
    else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = source.substr(i + 1, length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) giveUp();
      value += String.fromCodePoint(parseInt(hex, 16));
      i += length;
    } else giveUp();
  }
  return value;
}
