/**
 * Output: characters that would act instead of show, written as escapes. A diagnostic quotes the
 * user's text, which may hold the very controls it reports: ESC starts terminal control sequences,
 * bidi controls reorder the rest of the line, a NUL or a tab shifts the caret under a code frame.
 * Escapes are ASCII, one column per character, so caret columns stay aligned.
 */
/**
 * One character a report may not hold (source/forbidden-chars.ts, RPT1014) and output never shows raw:
 * a control, bidi or format character, a noncharacter, or a lone half of a surrogate pair.
 */
export const FORBIDDEN_CHAR =
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
