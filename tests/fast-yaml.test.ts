/**
 * The fast reader (src/source/fast-yaml.ts) against yaml's own parser: whenever it gives a document,
 * that document is yaml's, node for node — class, range, value, type, source, format, comments,
 * blank-line marks, flow, tag, anchor, the order of their fields, and the document's own fields — for
 * every YAML fixture, reports written by `report import` (with 原文 comments), 3,000 mutations of
 * them, and 1,000 documents yaml writes from random data with comments and empty lines put in. It
 * must also read the seed and the valid fixtures, or it is no fast path.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDocument, isPair, parseDocument, stringify, type Document } from 'yaml';
import { checkReport } from '../src/check';
import { withSource } from '../src/core/source-host';
import { nodeHost } from '../src/host';
import { importReport } from '../src/import/import';
import { SCHEMA_REFERENCE } from '../src/schema/schema-file';
import { readFastYaml } from '../src/source/fast-yaml';
import { MAX_ITEMS, MAX_NESTING_DEPTH } from '../src/source/scan-tokens';
import { FIXTURES } from './helpers/fixtures';
import { anyMutation, mutate, PIECES } from './helpers/mutate';

/** The options load-yaml.ts parses with. */
const OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

/** Every YAML file under fixtures/. */
function allYaml(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return allYaml(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

const fixtureFiles = allYaml(FIXTURES);
const fixtures = fixtureFiles.map((file) => ({ name: path.relative(FIXTURES, file), text: fs.readFileSync(file, 'utf8') }));

/** Fields of a document or node that are not compared: the document's own (see docFields). */
const SKIPPED = new Set(['schema', 'options', 'directives']);

/**
 * Whether two nodes are the same in structure: the same class, every own field in the same order,
 * nodes within likewise, numbers told apart as Object.is does (NaN, infinities, -0). Walked in place,
 * without building the dumps below, which only a difference needs (for jest's diff).
 */
function sameNode(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameNode(item, b[i]));
  if (typeof a === 'number') return Object.is(a, b);
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object' || Array.isArray(b)) return a === b;
  if (a.constructor.name !== b.constructor.name) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length || keys.some((key, i) => key !== other[i])) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => SKIPPED.has(key) || sameNode(left[key], right[key]));
}

/**
 * A structural dump of a node: its class and every own field in order, nodes within dumped likewise;
 * numbers as text that tells NaN, infinities and -0 apart, for jest's diff when sameNode finds a difference.
 */
function dump(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dump);
  if (typeof value === 'number') return exactNumber(value);
  if (value === null || typeof value !== 'object') return value;
  if (isPair(value)) return { class: 'Pair', fields: Object.keys(value), key: dump(value.key), value: dump(value.value) };
  const out: Record<string, unknown> = { class: value.constructor.name, fields: Object.keys(value) };
  for (const [key, field] of Object.entries(value)) {
    if (SKIPPED.has(key)) continue;
    out[key] = dump(field);
  }
  return out;
}

/** The document's own fields besides its nodes: options, directives, schema. */
function docFields(doc: Document): unknown {
  const { _directives, ...options } = doc.options as Record<string, unknown>;
  return {
    options,
    optionDirectives: JSON.stringify(_directives),
    directives: JSON.stringify(doc.directives),
    schema: { name: doc.schema.name, tags: doc.schema.tags.map((tag) => tag.tag), compat: doc.schema.compat },
    isDocument: isDocument(doc),
  };
}

const exactNumber = (value: number) => `number ${Object.is(value, -0) ? '-0' : value}`;
/** JSON that tells NaN, infinities and -0 apart, for the document's fields. */
const exactNumbers = (_key: string, value: unknown) => (typeof value === 'number' ? exactNumber(value) : value);

/** Compares the fast reader's document with yaml's for `text`; whether the fast reader read it. */
function agrees(text: string): boolean {
  const fast = readFastYaml(text, OPTIONS);
  if (!fast) return false;
  const reference = parseDocument(text, OPTIONS);
  const fields = { got: docFields(fast), want: docFields(reference) };
  // Compared in place first (fields in order, and fast); jest's diff, with the text and the dumps, only when they differ.
  const same = sameNode(fast, reference) && JSON.stringify(fields.got, exactNumbers) === JSON.stringify(fields.want, exactNumbers);
  if (!same) expect({ text, doc: dump(fast), fields: fields.got }).toEqual({ text, doc: dump(reference), fields: fields.want });
  return true;
}

describe('the fast YAML reader', () => {
  it.each(fixtures.map((f) => [f.name, f.text]))('gives yaml’s document for %s, when it reads it', (_name, text) => {
    agrees(text);
  });

  it('reads the seed, the valid fixtures and the hand-written ones with errors of content only', () => {
    // The catalogue's files show syntax errors on purpose; r5-counts has a key without a value (yaml's empty node: left to yaml).
    const mustRead = fixtures.filter((f) => !f.name.startsWith('catalog') && f.name !== path.join('invalid', 'r5-counts.yaml'));
    const unread = mustRead.filter((f) => !agrees(f.text)).map((f) => f.name);
    expect(unread).toEqual([]);
    expect(mustRead.map((f) => f.name)).toContain('yichun-2023.yaml');
    expect(mustRead.length).toBeGreaterThan(30);
  });

  it('reads what `report import` writes, 原文 comments and all, and the check of it is the same', async () => {
    const texts = [
      path.join(FIXTURES, 'seed', 'yichun-2023.txt'),
      ...fs
        .readdirSync(path.join(FIXTURES, 'import', 'real'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => path.join(FIXTURES, 'import', 'real', f)),
    ];
    for (const file of texts) {
      const imported = await importReport(fs.readFileSync(file), path.basename(file), { schemaPath: SCHEMA_REFERENCE });
      expect(imported.yaml).toMatch(/# .*原文/);
      expect(agrees(imported.yaml)).toBe(true);
      importedTexts.push(imported.yaml);
    }
  });

  it('gives up on what it does not know: tags, anchors, directives, documents, tabs, odd indentation, empty values, comments out of place', () => {
    const cases = [
      'a: !!str 1\n',
      'a: &x 1\nb: *x\n',
      '%YAML 1.2\n---\na: 1\n',
      '---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a:\n\tb: 1\n',
      'a: 1\r\n',
      'a:\n  b: 1\n   c: 2\n',
      'a:\n',
      'a: 1\n  # deeper\nb: 2\n',
      'a:\n  b: 1\n      # deeper than the mapping\n',
      '"a": 1\n',
      '? a\n: 1\n',
      'a: [1, [2]]\n',
      'a: {b: {c: 1}}\n',
      'a: [1, , 2]\n',
      'a: "unclosed\n',
      'a: b: c\n',
      'a: x\n  continued\n',
      '- a\n- b\n',
      'a: |+\n  x\n',
      'a: |2\n  x\n',
      'a: "\\q"\n',
    ];
    for (const text of cases) expect({ text, read: readFastYaml(text, OPTIONS) !== undefined }).toEqual({ text, read: false });
  });

  it('gives up before the token pass’s limits: nesting, items', () => {
    const deep = Array.from({ length: MAX_NESTING_DEPTH + 1 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(readFastYaml(deep, OPTIONS)).toBeUndefined();
    const wide = `a: [${Array.from({ length: MAX_ITEMS }, () => '0').join(', ')}]\n`;
    expect(readFastYaml(wide, OPTIONS)).toBeUndefined();
    // The checks of such files are the token pass's: RPT1017, RPT1032.
    const codes = (text: string) => checkReport(withSource(nodeHost(), 'x.yaml', Buffer.from(text)), 'x.yaml').diagnostics.map((d) => d.code);
    expect(codes(deep)).toContain('RPT1017');
    expect(codes(wide)).toContain('RPT1032');
  });

  it('agrees with yaml on 1,000 documents yaml writes, in either indentation, with comments and empty lines put between their lines', () => {
    // Keys as reports write them (yaml quotes others, and a quoted key is left to yaml).
    const key = fc.oneof(fc.constantFrom('format', 'new', 'total', 'n', 'a b', '说明'), fc.stringMatching(/^[a-z][a-z_]{0,7}$/));
    const scalar = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('', '0', '1.50', 'yes', '~', '- x', 'a: b', '# c', "it's", 'x"y', '2024-01-25'),
      fc.string({ maxLength: 12 }),
      fc.array(fc.constantFrom('第一段文字，较长的一行。', 'second', ''), { minLength: 1, maxLength: 4 }).map((lines) => `第一行\n${lines.join('\n')}`),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('seq'), tie('map')),
      // (A list right inside a list, `- - x`, is left to yaml.)
      seq: fc.array(fc.oneof(scalar, tie('map')), { maxLength: 4 }),
      map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    const lineEdit = fc.record({ line: fc.nat(), text: fc.constantFrom('', '# 注释', '  # 注释', '    # c', '#') });
    let read = 0;
    fc.assert(
      fc.property(
        fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }),
        fc.constantFrom(2, 4),
        fc.constantFrom(0, 30),
        fc.array(lineEdit, { maxLength: 3 }),
        (value, indent, lineWidth, edits) => {
          const lines = stringify(value, { indent, lineWidth }).split('\n');
          for (const edit of edits) lines.splice(edit.line % lines.length, 0, edit.text);
          if (agrees(lines.join('\n'))) read++;
        },
      ),
      { numRuns: 1000, seed: 20261203 },
    );
    expect(read).toBeGreaterThan(400);
  });

  it('agrees with yaml on 3,000 mutated reports, and reads a good share of them', () => {
    const sources = [...fixtures.map((f) => f.text), ...importedTexts];
    let read = 0;
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (source, mutations) => {
        if (agrees(mutate(sources[source] as string, mutations))) read++;
      }),
      { numRuns: 3000, seed: 20261203 },
    );
    expect(read).toBeGreaterThan(400);
  });
});

const importedTexts: string[] = [];

/** Besides fuzz.test.ts's pieces, more of the fast reader's subset: comments, indentation, scalars of each kind, one-line collections. */
const SUBSET_PIECES = [
  '-',
  ' #',
  ' # 原文第 3 行',
  '# 注释\n',
  '\n# 注释\n',
  '|-',
  '>-',
  '"\\u00e9\\n\\"x"',
  "'it''s'",
  '\n\n',
  '\n    ',
  '\n- ',
  '\n  - ',
  ' ',
  '0o17',
  '5.10',
  '.inf',
  '-.NaN',
  'true',
  'False',
  '2024-01-25',
  '[1, 2]',
  '{a: 1, b: x}',
  '[]',
  '{}',
  'a: 1\n',
  'k: v # c\n',
];

const mutation = anyMutation([...PIECES, ...SUBSET_PIECES], fc.oneof(fc.constant(0), fc.nat({ max: 20 })), 4);
