/**
 * Mutations of report files for the property tests (tests/fuzz.test.ts, tests/fast-yaml.test.ts):
 * text cut out and text put in at a place, a line moved.
 */
import fc from 'fast-check';

/** Text a clerk, an editor or an attacker might put anywhere in a file. */
export const PIECES = [
  ',',
  ':',
  ': ',
  '[',
  ']',
  '{',
  '}',
  '- ',
  '#',
  '&a ',
  '*a',
  '!',
  '!!binary ',
  '!!str ',
  '|',
  '>',
  "'",
  '"',
  '\t',
  '\n',
  '\n  ',
  '   ',
  '\u0000',
  '\u001b',
  '\u0007',
  '\u202e',
  '\ud800',
  '\u3000',
  '１２',
  '1,234',
  '1，2',
  '1e3',
  '0x10',
  '-0',
  '5.0',
  '1_000',
  '/',
  '—',
  '无',
  '~',
  'null',
  '99999999999999999999',
  '-1',
  '1.5',
  '012345',
  '[[[[[[[[[[',
  '{{{{{{{{',
  '---\n',
  '...\n',
  '? ',
  '<<: *a',
  '%YAML 1.1\n',
  '\r',
  '\ufeff',
];

/** One mutation: at `at` (modulo the length), `cut` characters replaced by `insert`, after moving a line when `moveLine`. */
export interface Mutation {
  at: number;
  cut: number;
  insert: string;
  moveLine: boolean;
}

/** Mutations that insert one of `pieces` or a short random string. */
export function anyMutation(pieces: readonly string[], cut: fc.Arbitrary<number>, maxString: number): fc.Arbitrary<Mutation> {
  return fc.record({
    at: fc.nat(),
    cut,
    insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: maxString }), fc.constant('')),
    moveLine: fc.boolean(),
  });
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.moveLine) {
      const lines = out.split('\n');
      const [line] = lines.splice(m.at % lines.length, 1);
      lines.splice((m.at * 7) % (lines.length + 1), 0, line ?? '');
      out = lines.join('\n');
    }
    const at = m.at % (out.length + 1);
    out = out.slice(0, at) + m.insert + out.slice(at + m.cut);
  }
  return out;
}
