/**
 * Fuzzing the checker with mutated fixtures: 10,000 files made by cutting, inserting and swapping
 * text in real reports (YAML punctuation, control characters, huge numbers, deep nesting). None may
 * crash, hang or produce a diagnostic outside the catalog; a sample also goes through the real
 * command, which must exit 0 or 1 without a stack trace. YAML syntax mutations (a deleted or
 * inserted : " ' [ ] { } or Tab, a line indented differently, invalid bytes) must be said in the
 * catalogue's words only: no library English in a Chinese message.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import { catalog } from '../src/diagnostics/catalog';
import { YAML_ERRORS } from '../src/diagnostics/yaml-errors';
import { nodeHost, type Host } from '../src/host';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES, yamlFiles } from './helpers/fixtures';
import { anyMutation, mutate, PIECES } from './helpers/mutate';

const sources = [path.join(FIXTURES, 'yichun-2023.yaml'), ...yamlFiles(path.join(FIXTURES, 'valid')), ...yamlFiles(path.join(FIXTURES, 'invalid'))].map(
  (file) => fs.readFileSync(file, 'utf8'),
);

const mutation = anyMutation(PIECES, fc.nat({ max: 40 }), 8);

const memoryHost = (text: string): Host => ({ ...nodeHost({}), readBytes: () => Buffer.from(text, 'utf8') });
const known = new Set(Object.keys(catalog));

test('10,000 mutated reports: the checker never throws and says only catalogued things', async () => {
  let slowest = 0;
  fc.assert(
    fc.property(fc.nat(sources.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (source, mutations) => {
      const text = mutate(sources[source] as string, mutations);
      const started = process.hrtime.bigint();
      const checked = checkReport(memoryHost(text), 'fuzz.yaml');
      slowest = Math.max(slowest, Number(process.hrtime.bigint() - started) / 1e6);
      const strange = checked.diagnostics.filter((d) => !known.has(d.code) || d.message.zh === '' || d.message.en === '');
      if (strange.length > 0) expect({ text, strange }).toBeUndefined();
      // A report is handed on only when it has no errors.
      if (checked.report && checked.diagnostics.some((d) => d.severity === 'error')) expect({ text, handedOn: true }).toBeUndefined();
    }),
    { numRuns: 10_000, seed: 20261128 },
  );
  // Reported, not asserted (speed is measured by `npm run bench`): the slowest single check.
  console.log(`fuzz: slowest check ${slowest.toFixed(1)} ms`);
});

test('a sample of mutated reports through the real command: exit 0 or 1, never a stack trace', async () => {
  const dir = tempDir();
  const samples = fc.sample(fc.tuple(fc.nat(sources.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 })), { numRuns: 24, seed: 7 });
  const files = samples.map(([source, mutations], i) => {
    const file = path.join(dir, `fuzz-${i}.yaml`);
    fs.writeFileSync(file, mutate(sources[source] as string, mutations));
    return file;
  });
  for (const command of [['validate', '--json'], ['validate']]) {
    const r = await runReport([...command, ...files]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    if (command.includes('--json')) expect(JSON.parse(r.stdout).files).toHaveLength(files.length);
  }
});

/** One syntax slip at a byte offset: a punctuation mark deleted or inserted, an indent changed, a bad byte. */
const SLIPS = [':', '"', "'", '[', ']', '{', '}', '\t'].map((c) => Buffer.from(c));
const BAD_BYTES = [[0xff], [0xc3], [0xe4, 0xb8], [0x80], [0xed, 0xa0, 0x80]].map((b) => Buffer.from(b));
const slip = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'indent', 'outdent', 'bytes'), which: fc.nat() });

function applySlip(bytes: Buffer, m: { at: number; kind: string; which: number }): Buffer {
  const at = m.at % (bytes.length + 1);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  switch (m.kind) {
    case 'delete': {
      const mark = SLIPS[m.which % SLIPS.length] as Buffer;
      const found = bytes.indexOf(mark, at);
      return found < 0 ? bytes : Buffer.concat([bytes.subarray(0, found), bytes.subarray(found + 1)]);
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), SLIPS[m.which % SLIPS.length] as Buffer, bytes.subarray(at)]);
    case 'indent':
      return Buffer.concat([bytes.subarray(0, lineStart), Buffer.from(' '.repeat(1 + (m.which % 2))), bytes.subarray(lineStart)]);
    case 'outdent':
      return bytes[lineStart] === 0x20 ? Buffer.concat([bytes.subarray(0, lineStart), bytes.subarray(lineStart + 1)]) : bytes;
    default:
      return Buffer.concat([bytes.subarray(0, at), BAD_BYTES[m.which % BAD_BYTES.length] as Buffer, bytes.subarray(at)]);
  }
}

/** The Chinese messages the catalogue can give for a load-stage code without parameters, or from the YAML error table. */
function catalogueTexts(code: string): Set<string> | undefined {
  if (code === 'RPT1000') return new Set(Object.values(YAML_ERRORS).map((t) => `YAML 语法错误：${t.zh}`));
  if (code === 'RPT1013') return new Set(Object.values(YAML_ERRORS).map((t) => `YAML 警告：${t.zh}`));
  const entry = (catalog as Record<string, { zh: (p: object) => string }>)[code];
  return entry && /^RPT10/.test(code) && entry.zh.length === 0 ? new Set([entry.zh({})]) : undefined;
}

/** Three English words in a row (key names aside: load-stage messages quote none unquoted), outside the user's text quoted in “” or "": a library's sentence. */
const englishSentence = (zh: string) => /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.test(zh.replace(/“[^”]*”|"[^"]*"/g, ''));

test('3,000 YAML syntax slips: each is said in the catalogue words, Chinese without library English', async () => {
  const seeds = sources.map((text) => Buffer.from(text, 'utf8'));
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.array(slip, { minLength: 1, maxLength: 3 }), (source, slips) => {
      const bytes = slips.reduce(applySlip, seeds[source] as Buffer);
      const host: Host = { ...nodeHost({}), readBytes: () => bytes };
      for (const d of checkReport(host, 'fuzz.yaml').diagnostics) {
        seen.add(d.code);
        if (!known.has(d.code)) expect({ unknown: d.code }).toBeUndefined();
        const texts = catalogueTexts(d.code);
        if (texts && !texts.has(d.message.zh)) expect({ code: d.code, zh: d.message.zh }).toBeUndefined();
        if (/^RPT1/.test(d.code) && (englishSentence(d.message.zh) || d.hints.some((h) => englishSentence(h.zh))))
          expect({ code: d.code, zh: d.message.zh }).toBeUndefined();
      }
    }),
    { numRuns: 3_000, seed: 20261202 },
  );
  // The slips reach the mistakes they stand for: colon, quote, bracket, Tab, indentation, bytes.
  for (const code of ['RPT1002', 'RPT1003', 'RPT1040', 'RPT1041', 'RPT1042', 'RPT1043']) expect([code, seen.has(code)]).toEqual([code, true]);
});
