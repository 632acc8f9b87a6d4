/**
 * schemas/results.schema.json describes what `--json` prints: real outputs of validate, build,
 * import (one file, --out, --check) and sum, good and bad inputs and batches, are validated against
 * it with ajv in strict mode. Entries are closed (unevaluatedProperties/additionalProperties false),
 * so a field added to the output without the schema fails here. Run in this process.
 */
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { FIXTURES, ROOT } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'results.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(schema);
const validatorOf = (ref: string) => ajv.getSchema(`${schema.$id}${ref}`) as NonNullable<ReturnType<typeof ajv.getSchema>>;
const COMMANDS = ['validate', 'build', 'import', 'sum'] as const;

const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const good = write('good.yaml', seedText);
const bad = write('bad.yaml', seedText.replace('new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 0, 5]'));
const broken = write('broken.yaml', 'format: "2021"\norgan: [\n');
const last = write('2022.yaml', seedText.replace(/^year: 2023/m, 'year: 2022'));
// More unknown keys than are printed in full: the rest are summarised (RPT1030) with their places.
const manyKeys = write('many-keys.yaml', seedText + Array.from({ length: 25 }, (_, i) => `stray_${i}: 1\n`).join(''));
const txt = path.join(FIXTURES, 'import', 'real', 'pingtan-2023.txt');
const txt2 = path.join(FIXTURES, 'import', 'real', 'pingtan-2022.txt');

/** Each command's real --json outputs, over good and bad inputs. */
const runs: [command: (typeof COMMANDS)[number], args: string[]][] = [
  ['validate', [good]],
  ['validate', [good, bad, broken, path.join(dir, 'missing.yaml')]],
  ['validate', [good, '--previous', last]],
  ['validate', [manyKeys, good]],
  ['validate', [path.join(FIXTURES, 'review', 'two-organs')]],
  ['build', ['--jobs', '1', '--format', 'docx,html', '--emit', 'model', '--out', path.join(dir, 'out'), good, bad]],
  ['build', ['--jobs', '1', '--format', 'docx', '--out', path.join(dir, 'out'), '--manifest', broken]],
  ['import', [txt]],
  ['import', ['-o', path.join(dir, 'imported.yaml'), txt]],
  ['import', ['--check', '--jobs', '1', txt, txt2, path.join(dir, 'missing.pdf')]],
  ['import', ['--out', path.join(dir, 'imported'), '--jobs', '1', txt, txt2]],
  ['sum', [good, good]],
  ['sum', ['-o', path.join(dir, 'county.yaml'), good, bad, '--skip-invalid']],
  ['sum', [good, bad]],
];

test.each(runs)('%s (run %#): the --json output is valid against the schema', async (command, args) => {
  const run = await runInProcess([command, ...args, '--json']);
  expect(run.code).toBeLessThan(2);
  const output = JSON.parse(run.stdout) as unknown;
  const own = validatorOf(`#/$defs/${command}`);
  expect(own(output) ? [] : own.errors).toEqual([]);
  const root = validatorOf('');
  expect(root(output)).toBe(true);
  // The outputs of other commands do not pass for this one's (but validate's and sum's agree when no file was written).
  for (const other of COMMANDS.filter((c) => c !== command && !(['validate', 'sum'].includes(c) && ['validate', 'sum'].includes(command)))) {
    expect(validatorOf(`#/$defs/${other}`)(output)).toBe(false);
  }
});

test('the schema is closed: a field the output gains, or one it loses, fails validation', async () => {
  const run = await runInProcess(['validate', bad, '--json']);
  type Output = { version: number; files: ({ diagnostics: Record<string, unknown>[] } & Record<string, unknown>)[] };
  const output = JSON.parse(run.stdout) as Output;
  const validate = validatorOf('#/$defs/validate');
  expect(validate(output)).toBe(true);
  const spoils: ((o: Output) => unknown)[] = [
    (o) => (o.files[0]!.extra = 1),
    (o) => delete o.files[0]!.skipped,
    (o) => (o.files[0]!.diagnostics[0]!.extra = 1),
    (o) => (o.files[0]!.diagnostics[0]!.code = 'E1'),
    (o) => (o.version = 2),
    (o) => delete (o as { diagnostics?: unknown }).diagnostics,
  ];
  for (const spoil of spoils) {
    const copy = structuredClone(output);
    spoil(copy);
    expect(validate(copy)).toBe(false);
  }
});

test('the schema names itself and is shipped beside the report schema', () => {
  expect(schema.$id).toBe('urn:nianbao:results:v1');
  expect(fs.readdirSync(path.join(ROOT, 'schemas')).sort()).toEqual(['report.schema.json', 'results.schema.json']);
  expect((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files).toContain('schemas/');
});

test('a summary (RPT1030) lists its code and places, and they are closed too', async () => {
  const run = await runInProcess(['validate', manyKeys, '--json']);
  type Place = Record<string, unknown>;
  type Output = { files: { diagnostics: { code: string; more?: { code: string; places: Place[] } & Record<string, unknown> }[] }[] };
  const output = JSON.parse(run.stdout) as Output;
  const validate = validatorOf('#/$defs/validate');
  expect(validate(output)).toBe(true);
  const summary = output.files[0]!.diagnostics.find((d) => d.code === 'RPT1030');
  expect(summary?.more?.code).toBe('RPT2003');
  const spoils: ((o: Output) => unknown)[] = [
    (o) => (o.files[0]!.diagnostics.find((d) => d.more)!.more!.extra = 1),
    (o) => (o.files[0]!.diagnostics.find((d) => d.more)!.more!.places[0]!.extra = 1),
    (o) => (o.files[0]!.diagnostics.find((d) => d.more)!.more!.places = []),
  ];
  for (const spoil of spoils) {
    const copy = structuredClone(output);
    spoil(copy);
    expect(validate(copy)).toBe(false);
  }
});
