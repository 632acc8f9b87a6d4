/**
 * Stage 1 (load): one pass over yaml's lexer tokens, before the parser sees the text. yaml's parser
 * and composer slow down with nesting depth (a 1 MiB line of `[` takes ~12 s to parse) and with the
 * number of items, lines and aliases, while its lexer is linear; so all four are measured here and
 * the scan stops at the first level too deep, the first item, line or alias too many.
 * Tags are collected in the same pass because the composed document keeps no position for them, and
 * the tokens are kept for yaml's parser (load-yaml.ts), so the text is lexed once. Imports only yaml.
 */
import { CST, Lexer } from 'yaml';

/**
 * Deepest nesting a report may have. A real report nests about 8 levels (applications → results →
 * withheld → row → cell; overview → section → body → section → body); 32 leaves room for any
 * hand-written file and keeps parsing and every later walk shallow.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Most aliases (`*name`) a report may hold. A report needs none (a row of zeros written once and
 * referred to is the most a clerk does); yaml resolves each alias by a search through every anchor
 * and alias before it, so their number is bounded before the parser runs.
 */
export const MAX_ALIASES = 100;

/**
 * Most items a report may hold: values, keys, list entries, separators, anchors and tags, counted as
 * the lexer's tokens. The seed has about 600 and a long report a few thousand; yaml's parser and
 * composer and every later pass cost tens of microseconds per item (a 1 MiB flow list of 500,000
 * zeros took 80 s and 1.4 GB), so the count is bounded here, where the lexer costs a fraction of that.
 */
export const MAX_ITEMS = 10_000;

/**
 * Most lines a report may have between its values: a text written over several lines (quoted, `|`
 * or folded) is one value, read in one step, and its lines do not count, so that a quote left open
 * is still reported at its opening (RPT1041). A report has a few hundred; yaml's parser spends
 * microseconds on each blank or comment line (a 1 MiB file of blank lines took 3.8 s).
 */
export const MAX_LINES = 20_000;

/** A YAML tag (`!!str`, `!foo`, `!<tag:…>`) at its offset, with the scalar written right after it. */
export interface FoundTag {
  offset: number;
  tag: string;
  /** The source of the scalar the tag applies to, when one follows on the same line. */
  scalar?: string;
}

/** The limit a file passed: nesting depth, aliases, items or lines. */
export type PassedLimit = 'depth' | 'aliases' | 'items' | 'lines';

/** What the token pass found: where it stopped at a limit (if it did), every tag and alias count, and the lexemes. */
export interface TokenScan {
  /** The offset of the first token past a limit, and which; the scan stops there. */
  stoppedAt?: { offset: number; limit: PassedLimit };
  tags: FoundTag[];
  aliases: number;
  /** The lexer's tokens, for yaml's parser to read instead of lexing the text again (complete only when the scan did not stop). */
  lexemes: string[];
}

/** Tokens that begin a value or an item, and so may open a block level where they start. */
const LEVEL_TOKENS: ReadonlySet<string> = new Set(['scalar', 'alias', 'flow-seq-start', 'flow-map-start', 'seq-item-ind', 'explicit-key-ind']);
const ITEM_INDICATORS: ReadonlySet<string> = new Set(['seq-item-ind', 'explicit-key-ind']);
/** Tokens counted against MAX_ITEMS: each makes a node or an entry (a blank flow item is its comma). */
const COUNTED: ReadonlySet<string> = new Set([...LEVEL_TOKENS, 'map-value-ind', 'comma', 'anchor', 'tag', 'block-scalar-header']);

/**
 * Measures nesting and finds tags. The measure counts each open bracket as one level and each
 * deeper column at which a line's first value, or the value after `- ` or `? `, starts as one
 * block level — an indentation stack like Python's. A sequence written at its key's own column
 * (`key:\n- x`) adds no column, so such a file may nest up to twice MAX_NESTING_DEPTH collections:
 * still bounded, which is what the limit is for.
 */
export function scanTokens(text: string): TokenScan {
  const tags: FoundTag[] = [];
  const columns: number[] = [];
  let flowDepth = 0;
  let offset = 0;
  let lineStart = 0;
  let firstOnLine = true;
  let afterIndicator = false;
  let scalarNext = false;
  let lastTag: FoundTag | undefined;
  let aliases = 0;
  let items = 0;
  let lines = 0;
  const lexemes: string[] = [];
  const stop = (offset: number, limit: PassedLimit): TokenScan => ({ stoppedAt: { offset, limit }, tags, aliases, lexemes });
  for (const token of new Lexer().lex(text)) {
    lexemes.push(token);
    // Control tokens mark what follows; they stand for no characters of the source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    const tokenType = CST.tokenType(token);
    // Plain scalars and block scalar bodies follow a SCALAR marker; quoted ones are typed by their quote.
    const type = scalarNext || tokenType === 'double-quoted-scalar' || tokenType === 'single-quoted-scalar' ? 'scalar' : tokenType;
    scalarNext = false;
    // A block scalar's body (`|` text) starts with its indentation or a line break: not a level.
    const isBody = type === 'scalar' && /^[ \n]/.test(token);
    if (type === 'tag') {
      lastTag = { offset: start, tag: token };
      tags.push(lastTag);
    } else if (type === 'scalar' && lastTag && !isBody) {
      lastTag.scalar = token;
      lastTag = undefined;
    } else if (type !== 'space') {
      lastTag = undefined;
    }
    if (type !== null && LEVEL_TOKENS.has(type) && !isBody && flowDepth === 0 && (firstOnLine || afterIndicator)) {
      const column = start - lineStart;
      if (firstOnLine) while (columns.length > 0 && (columns[columns.length - 1] ?? 0) > column) columns.pop();
      if (columns.length === 0 || (columns[columns.length - 1] ?? 0) < column) columns.push(column);
      firstOnLine = false;
    }
    if (type !== 'space') afterIndicator = type !== null && ITEM_INDICATORS.has(type);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flowDepth++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flowDepth = Math.max(0, flowDepth - 1);
    if (columns.length + flowDepth > MAX_NESTING_DEPTH) return stop(start, 'depth');
    if (type === 'alias' && ++aliases > MAX_ALIASES) return stop(start, 'aliases');
    if (type !== null && COUNTED.has(type) && !isBody && ++items > MAX_ITEMS) return stop(start, 'items');
    if (type === 'newline' && ++lines > MAX_LINES) return stop(start, 'lines');
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      lineStart = start + newline + 1;
      firstOnLine = true;
      afterIndicator = false;
    }
  }
  return { tags, aliases, lexemes };
}
