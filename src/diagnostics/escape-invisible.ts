/**
 * Output: characters that would act instead of show, written as escapes. A diagnostic quotes the
 * user's text, which may hold the very controls it reports: ESC starts terminal control sequences,
 * bidi controls reorder the rest of the line, a NUL or a tab shifts the caret under a code frame.
 * Escapes are ASCII, one column per character, so caret columns stay aligned.
 */
import { FORBIDDEN_CHAR } from '../source/forbidden-chars';

/** Forbidden characters plus the line-breaking ones a one-line message or frame row must not hold. */
const UNSAFE_IN_TERMINAL = new RegExp(`[\\t\\n\\r\\u2028\\u2029]|${FORBIDDEN_CHAR.source}`, 'g');
/** JSON.stringify escapes C0 controls and lone surrogates but leaves these raw in strings. */
const UNSAFE_IN_JSON = new RegExp(`[\\u2028\\u2029]|${FORBIDDEN_CHAR.source}`, 'g');

const hex = (char: string, width: number) => char.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** Text for a terminal: `\t`, `\n`, `\r`, and `\u{1B}`-style escapes for the other controls. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, (char) => (char === '\t' ? '\\t' : char === '\n' ? '\\n' : char === '\r' ? '\\r' : `\\u{${hex(char, 4)}}`));
}

/** JSON text with DEL, C1, bidi controls and line separators inside strings escaped as \uXXXX. */
export function escapeJsonInvisibles(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}
