/**
 * Stage 1 (load): characters that must not be in a report — C0 controls other than tab and line
 * breaks, DEL, C1 controls, bidirectional-text controls, invisible format characters (zero-width
 * space and joiners, word joiner, soft hyphen, a BOM inside the text), noncharacters (U+FFFE,
 * U+FFFF, U+FDD0–U+FDEF) and unpaired surrogates. They are invisible, reorder what an editor shows
 * (“Trojan Source”: a reviewer sees one text, the report prints another), make two names that look
 * the same compare different (a zero-width space in the organ's name), or cannot be written into
 * DOCX/PDF XML at all.
 *
 * Each scalar (value or key) holding one is reported once, at the first such character, whether it
 * is in the file or made by an escape in a double-quoted string ("\x1b", "\u202e"). Any other line
 * holding one — a comment — is reported once too: a bidi control in a comment reorders how the
 * following text is displayed, and a NUL or ESC in a comment is never intended.
 */
import { isScalar, type Document } from 'yaml';
import { FORBIDDEN_CHAR } from '../diagnostics/escape-invisible';
import type { SourceFile } from './source-file';
import { walkNodes } from './yaml-walk';

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BS',
  0x0b: 'VT',
  0x0c: 'FF',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x85: 'NEL',
  0xad: 'SHY',
  0x180e: 'MVS',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x2060: 'WJ',
  0xfeff: 'BOM',
  0x061c: 'ALM',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
};

export type ForbiddenKind = 'control' | 'bidi' | 'format' | 'noncharacter' | 'surrogate';

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What a forbidden character is, for messages: its code point, short name and kind. */
export function describeForbiddenChar(char: string): { code: string; kind: ForbiddenKind } {
  const cp = char.charCodeAt(0);
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[cp];
  const kind: ForbiddenKind =
    cp >= 0xd800 && cp <= 0xdfff
      ? 'surrogate'
      : cp <= 0x9f
        ? 'control'
        : (cp >= 0xfdd0 && cp <= 0xfdef) || cp >= 0xfffe
          ? 'noncharacter'
          : BIDI.test(char)
            ? 'bidi'
            : 'format';
  return { code: name ? `U+${hex} ${name}` : `U+${hex}`, kind };
}

/** A forbidden character found in the source: where, which, and the line as it should read. */
export interface ForbiddenCharFinding {
  start: number;
  end: number;
  char: string;
  /** The scalar it is in, or null outside any (a comment). */
  pointer: string | null;
  /** The source line with the offending characters and escapes removed (an excerpt when long). */
  corrected: string;
}

/** Finds forbidden characters in a parsed file: one finding per scalar, and per other line. */
export function findForbiddenChars(source: SourceFile, doc: Document): ForbiddenCharFinding[] {
  // Almost every file has neither such a character nor an escape that could make one.
  if (!FORBIDDEN_CHAR.test(source.text) && !source.text.includes('\\')) return [];
  const findings: ForbiddenCharFinding[] = [];
  const covered: [number, number][] = [];
  for (const walked of walkNodes(doc)) {
    const { node } = walked;
    if (!isScalar(node) || typeof node.value !== 'string' || !FORBIDDEN_CHAR.test(node.value) || !node.range) continue;
    const [from, to] = node.range;
    covered.push([from, to]);
    const raw = firstMatch(source.text, from, to);
    const escapes =
      raw === undefined && node.type === 'QUOTE_DOUBLE' ? forbiddenEscapes(source.text.slice(from, to)).map(([s, e]) => [s + from, e + from] as const) : [];
    const first = raw ?? escapes[0];
    if (!first) continue;
    findings.push({
      start: first[0],
      end: first[1],
      char: raw ? source.text.slice(first[0], first[1]) : decodeEscape(source.text.slice(first[0], first[1])),
      pointer: walked.pointer,
      corrected: corrected(source, first[0], escapes),
    });
  }
  const global = new RegExp(FORBIDDEN_CHAR.source, 'g');
  const reportedLines = new Set<number>();
  // Scalars do not overlap and matches come in order: one pass over both (a search of every scalar
  // for every match was quadratic).
  covered.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const match of source.text.matchAll(global)) {
    const at = match.index;
    while (next < covered.length && (covered[next]?.[1] ?? 0) <= at) next++;
    if ((covered[next]?.[0] ?? Infinity) <= at) continue;
    const line = source.position(at).line;
    if (reportedLines.has(line)) continue;
    reportedLines.add(line);
    findings.push({ start: at, end: at + match[0].length, char: match[0], pointer: null, corrected: corrected(source, at, []) });
  }
  return findings;
}

function firstMatch(text: string, from: number, to: number): readonly [number, number] | undefined {
  const match = FORBIDDEN_CHAR.exec(text.slice(from, to));
  return match ? [from + match.index, from + match.index + match[0].length] : undefined;
}

/** YAML's one-letter escapes that make a forbidden character. */
const LETTER_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\x85' };

/** The character a `\xHH`, `\uHHHH` or one-letter escape makes ('' for escapes that make harmless ones). */
function decodeEscape(escape: string): string {
  if (escape[1] === 'x' || escape[1] === 'u') return String.fromCharCode(parseInt(escape.slice(2), 16));
  return LETTER_ESCAPES[escape.slice(1)] ?? '';
}

/** [start, end) of each escape in a double-quoted scalar's source that makes a forbidden character. */
export function forbiddenEscapes(quoted: string): [number, number][] {
  const out: [number, number][] = [];
  const escapes = [...quoted.matchAll(/\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[^])/g)];
  for (let i = 0; i < escapes.length; i++) {
    const escape = escapes[i] as RegExpMatchArray;
    const start = escape.index ?? 0;
    const end = start + escape[0].length;
    const cp = escape[0][1] === 'U' ? parseInt(escape[0].slice(2), 16) : undefined;
    const decoded = cp !== undefined ? (cp <= 0x10ffff ? String.fromCodePoint(cp) : '') : decodeEscape(escape[0]);
    const next = escapes[i + 1];
    // "\ud83d\ude00" is one character written as two escapes: a pair, not two lone halves.
    if (/^[\ud800-\udbff]$/.test(decoded) && next?.index === end && /^[\udc00-\udfff]$/.test(decodeEscape(next[0]))) {
      i++;
      continue;
    }
    if (FORBIDDEN_CHAR.test(decoded)) out.push([start, end]);
  }
  return out;
}

/** The line at `at`, without forbidden characters or the given escapes; an excerpt around `at` when long. */
function corrected(source: SourceFile, at: number, escapes: readonly (readonly [number, number])[]): string {
  const { line, column } = source.position(at);
  const lineStart = at - (column - 1);
  const text = source.lineText(line);
  let fixed = '';
  let position = 0;
  for (const [start, end] of escapes) {
    if (start < lineStart || start >= lineStart + text.length) continue;
    fixed += text.slice(position, start - lineStart);
    position = end - lineStart;
  }
  fixed = (fixed + text.slice(position)).replace(new RegExp(FORBIDDEN_CHAR.source, 'g'), '').trim();
  const MAX = 40;
  if (fixed.length <= MAX) return fixed;
  const around = Math.max(0, Math.min(column - 1 - MAX / 2, fixed.length - MAX));
  return `${around > 0 ? '…' : ''}${fixed.slice(around, around + MAX)}${around + MAX < fixed.length ? '…' : ''}`;
}
