/**
 * Catalog completeness: every code of src/diagnostics/catalog.ts is raised by something. Most are
 * raised by a fixture (diagnostics.test.ts checks each fixture's `# expect:` lines exactly;
 * fixtures/catalog/ holds those written for this test). What a report's text alone cannot cause —
 * a missing or unreadable file, a failed write, a bad font file, a bug — is a case below, run
 * through the real command in this process. The last test names every code nothing raises.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { catalog } from '../src/diagnostics/catalog';
import { FONT_FILE_LIMIT_BYTES } from '../src/fonts/font-file';
import { nodeHost, type Host } from '../src/host';
import { build } from '../src/index';
import { tempDir } from './helpers/cli';
import { FIXTURES, readExpectations, reportFixtures, ROOT } from './helpers/fixtures';
import { DEVIATIONS } from './helpers/import-deviations';

const real = nodeHost();
const dir = tempDir();
const seed = path.join(FIXTURES, 'yichun-2023.yaml');
const seedText = fs.readFileSync(seed, 'utf8');
const countyText = fs.readFileSync(path.join(FIXTURES, 'valid', 'busy-county.yaml'), 'utf8');
const serif = path.join(ROOT, 'fonts/NotoSerifSC-Regular.ttf');

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The codes the command prints, run in this process on `host`. */
async function codesOfRun(args: string[], host: Host = real): Promise<string[]> {
  let output = '';
  const io: Io = { isTTY: false, stdout: (text) => void (output += text), stderr: (text) => void (output += text) };
  await runCli(['node', 'report', ...args], host, io);
  return output.match(/\bRPT\d{4}\b/g) ?? [];
}

const codesOfCheck = (file: string, previous: string) => checkReport(real, file, { previous }).diagnostics.map((d) => d.code);

/** `report validate --font kaiti=<file>` on the seed report. */
const withKaiti = (font: string) => codesOfRun(['validate', '--json', seed, '--font', `kaiti=${font}`]);

/** `report verify` of a fresh docx build with a manifest, after `spoil` changed something; `yamls` are rebuilt. */
async function verifyAfter(spoil: (out: string) => void, yamls: string[] = []): Promise<string[]> {
  const out = tempDir();
  await codesOfRun(['build', '--jobs', '1', '--format', 'docx', '--manifest', '--out', out, seed]);
  spoil(out);
  return codesOfRun(['verify', '--json', out, ...yamls]);
}

const cases: [code: string, what: string, run: () => Promise<string[]>][] = [
  ['RPT1007', 'a file that does not exist', () => codesOfRun(['validate', '--json', path.join(dir, 'missing.yaml')])],
  ['RPT1008', 'a folder without reports', () => codesOfRun(['validate', '--json', tempDir()])],
  [
    'RPT1009',
    'a file the system refuses to read',
    () =>
      codesOfRun(['validate', '--json', seed], {
        ...real,
        readBytes: (file, limit) => (file === seed ? { kind: 'unreadable', reason: 'EACCES' } : real.readBytes(file, limit)),
      }),
  ],
  ['RPT1020', 'a device instead of a file', () => codesOfRun(['validate', '--json', '/dev/null'])],
  ['RPT1021', 'an output that is a folder', () => codesOfRun(['init', '-o', tempDir(), '--force'])],
  ['RPT1022', 'an output that is an input', () => codesOfRun(['sum', seed, write('self.yaml', seedText), '-o', path.join(dir, 'self.yaml'), '--force'])],
  [
    'RPT1010',
    'a UTF-16 file',
    () => codesOfRun(['validate', '--json', write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]))]),
  ],
  [
    'RPT1011',
    'a binary file',
    () => codesOfRun(['validate', '--json', write('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ...new Array(16).fill(0)]))]),
  ],
  [
    'RPT1043',
    'a byte that is valid in no encoding',
    () =>
      codesOfRun([
        'validate',
        '--json',
        write('bad-byte.yaml', Buffer.concat([Buffer.from('year: 2023\norgan: 某'), Buffer.from([0xff]), Buffer.from('局\n')])),
      ]),
  ],
  ['RPT1044', 'a published PDF given to validate', () => codesOfRun(['validate', '--json', write('published.pdf', '%PDF-1.7\n')])],
  [
    'RPT1030',
    'more unknown keys than are printed in full',
    () => codesOfRun(['validate', '--json', write('stray-keys.yaml', seedText + Array.from({ length: 25 }, (_, i) => `stray_${i}: 1\n`).join(''))]),
  ],
  [
    'RPT1031',
    'more aliases than a report may hold',
    () =>
      codesOfRun([
        'validate',
        '--json',
        write('aliases.yaml', `${seedText}extra: &zero 0\nmore: [${Array.from({ length: 101 }, () => '*zero').join(', ')}]\n`),
      ]),
  ],
  [
    'RPT1032',
    'more items than a report may hold',
    () => codesOfRun(['validate', '--json', write('many-items.yaml', `${seedText}stray: [${'0,'.repeat(20_000)}0]\n`)]),
  ],
  [
    'RPT1016',
    'a file over the size limit',
    () => {
      const file = write('huge.yaml', '');
      fs.truncateSync(file, 64 * 1024 * 1024); // sparse, and refused before it is read
      return codesOfRun(['validate', '--json', file]);
    },
  ],
  [
    'RPT3015',
    'a previous report of the wrong year',
    async () => codesOfCheck(path.join(FIXTURES, 'invalid/r8-r9-cross-year.yaml'), path.join(FIXTURES, 'valid/busy-county.yaml')),
  ],
  ['RPT3017', 'a previous report of another organ', async () => codesOfCheck(seed, path.join(FIXTURES, 'valid/busy-county-2022.yaml'))],
  [
    'RPT3018',
    'a figure ten times last year’s',
    async () =>
      codesOfCheck(write('licensing.yaml', countyText.replace('licensing: 1200', 'licensing: 12000')), path.join(FIXTURES, 'valid/busy-county-2022.yaml')),
  ],
  [
    'RPT3019',
    'a text copied from last year’s, in a folder of several years',
    () => codesOfRun(['validate', '--json', path.join(FIXTURES, 'review', 'two-organs')]),
  ],
  [
    'RPT3020',
    'a 2024 report whose text gives 2023 as its reporting period',
    () => codesOfRun(['validate', '--json', write('period.yaml', seedText.replace(/^year: 2023/m, 'year: 2024').replace(/^title: .*\n/m, ''))]),
  ],
  [
    'RPT3021',
    'one report of six disclosing nothing where the others disclose 5 of 12',
    () => {
      const organs = ['甲', '乙', '丙', '丁', '戊'].map((name) =>
        write(`share-${name}.yaml`, countyText.replace('organ: 某某县人民政府', `organ: 某某县${name}局`)),
      );
      const odd = countyText
        .replace('organ: 某某县人民政府', 'organ: 某某县己局')
        .replace('disclosed: [4, 1, 0, 0, 0, 0]', 'disclosed: [0, 0, 0, 0, 0, 0]')
        .replace('not_held: [2, 0, 0, 1, 0, 0]', 'not_held: [6, 1, 0, 1, 0, 0]');
      return codesOfRun(['validate', '--json', ...organs, write('share-odd.yaml', odd)]);
    },
  ],
  [
    'RPT3022',
    'two reports of one organ and year beside its report of the year before',
    () => codesOfRun(['validate', '--json', seed, write('seed-again.yaml', seedText), write('seed-2022.yaml', seedText.replace(/^year: 2023/m, 'year: 2022'))]),
  ],
  [
    'RPT5001',
    'an output folder that cannot be made',
    () => codesOfRun(['build', '--json', '--jobs', '1', '--format', 'docx', '--out', path.join(write('blocker', 'not a folder'), 'sub'), seed]),
  ],
  ['RPT5002', 'init over an existing file', () => codesOfRun(['init', '--year', '2024', '-o', write('existing.yaml', 'keep me')])],
  [
    'RPT5013',
    'report schema where a file of that name is not a nianbao schema',
    () => {
      const folder = tempDir();
      fs.writeFileSync(path.join(folder, 'nianbao.schema.json'), '{"$id": "https://example.com/other"}');
      return codesOfRun(['schema', folder]);
    },
  ],
  ['RPT5003', 'a character no font has', () => codesOfRun(['validate', '--json', write('no-glyph.yaml', seedText.replace('2023年，', '2023年\u{F0000}，'))])],
  ['RPT5004', 'a font file that does not exist', () => withKaiti(path.join(dir, 'missing.ttf'))],
  ['RPT5005', 'a folder as a font file', () => withKaiti(dir)],
  [
    'RPT5006',
    'a font file over the size limit',
    () => {
      const file = write('huge.ttf', Buffer.from([0, 1, 0, 0]));
      fs.truncateSync(file, FONT_FILE_LIMIT_BYTES + 1);
      return withKaiti(file);
    },
  ],
  ['RPT5007', 'a text file as a font', () => withKaiti(write('notes.ttf', '这不是字体\n'))],
  ['RPT5008', 'a WOFF2 web font', () => withKaiti(write('web.woff2', Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)])))],
  ['RPT5009', 'a truncated TrueType file', () => withKaiti(write('cut.ttf', fs.readFileSync(serif).subarray(0, 8192)))],
  [
    'RPT5010',
    'a font file the system refuses to read',
    () =>
      codesOfRun(['validate', '--json', seed, '--font', `kaiti=${serif}`], {
        ...real,
        readRanges: () => {
          throw Object.assign(new Error('denied'), { code: 'EACCES' });
        },
      }),
  ],
  [
    'RPT5012',
    'a machine without 仿宋: the body set in the shipped serif face',
    () => codesOfRun(['validate', '--json', seed], { ...real, fontDirs: () => [], userCacheDir: () => tempDir() }),
  ],
  [
    'RPT1019',
    'a file report import cannot read (binary, of no format it knows)',
    () => codesOfRun(['import', '--json', write('photo.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))]),
  ],
  [
    'RPT1035',
    'a published text with a byte that is not UTF-8 in it',
    () => {
      const text = fs.readFileSync(path.join(ROOT, 'fixtures', 'seed', 'yichun-2023.txt'));
      return codesOfRun(['import', '--json', write('bad-byte.txt', Buffer.concat([text.subarray(0, 40), Buffer.from([0xff]), text.subarray(40)]))]);
    },
  ],
  ['RPT6001', 'reports of different years to sum', () => codesOfRun(['sum', '--json', seed, path.join(FIXTURES, 'valid', 'busy-county-2022.yaml')])],
  ['RPT6002', 'a report with errors to sum', () => codesOfRun(['sum', '--json', seed, write('bad-sum.yaml', seedText.replace(/^year: 2023/m, 'year: x'))])],
  [
    'RPT6003',
    'a report with errors left out of a sum',
    () => codesOfRun(['sum', '--json', '--skip-invalid', seed, write('bad-skip.yaml', seedText.replace(/^year: 2023/m, 'year: x'))]),
  ],
  ['RPT6004', 'an output changed after its manifest was written', () => verifyAfter((out) => fs.appendFileSync(path.join(out, 'yichun-2023.docx'), 'x'))],
  ['RPT6005', 'an output of the manifest deleted', () => verifyAfter((out) => fs.rmSync(path.join(out, 'yichun-2023.docx')))],
  [
    'RPT6006',
    'a rebuild that differs from the manifest (another SOURCE_DATE_EPOCH recorded)',
    () =>
      verifyAfter(
        (out) => {
          const file = path.join(out, 'manifest.json');
          fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"sourceDateEpoch": null', '"sourceDateEpoch": 1700000000'));
        },
        [seed],
      ),
  ],
  ['RPT6007', 'a damaged manifest', () => verifyAfter((out) => fs.writeFileSync(path.join(out, 'manifest.json'), '{'))],
  [
    'RPT6009',
    'a manifest entry naming a file outside its folder',
    () =>
      verifyAfter((out) => {
        const file = path.join(out, 'manifest.json');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"path": "yichun-2023.docx"', '"path": "../yichun-2023.yaml"'));
      }),
  ],
  [
    'RPT6010',
    'a manifest entry that is now a folder',
    () =>
      verifyAfter((out) => {
        fs.rmSync(path.join(out, 'yichun-2023.docx'));
        fs.mkdirSync(path.join(out, 'yichun-2023.docx'));
      }),
  ],
  [
    'RPT6011',
    'a second --manifest build into a folder, with another SOURCE_DATE_EPOCH',
    async () => {
      const out = tempDir();
      await codesOfRun(['build', '--jobs', '1', '--format', 'docx', '--manifest', '--out', out, seed]);
      const other = write('other.yaml', seedText);
      const at: Host = { ...real, sourceDateEpoch: () => ({ kind: 'date', date: new Date(1700000000 * 1000) }) };
      return codesOfRun(['build', '--jobs', '1', '--format', 'docx', '--manifest', '--out', out, other], at);
    },
  ],
  [
    'RPT6012',
    'the library asked to build a format it does not know',
    async () => (await build(seedText, { formats: ['odt' as 'docx'] })).diagnostics.map((d) => d.code),
  ],
  [
    'RPT5014',
    'the library asked to build with a SOURCE_DATE_EPOCH that is no date',
    async () => {
      const result = await build(seedText, { host: { ...real, sourceDateEpoch: () => ({ kind: 'invalid', raw: 'yesterday' }) }, formats: ['docx'] });
      expect(result.outputs).toEqual([]);
      return result.diagnostics.map((d) => d.code);
    },
  ],
  ['RPT6008', 'a YAML that is not the source of any report of the manifest', () => verifyAfter(() => undefined, [write('edited.yaml', seedText + '\n')])],
  [
    'RPT5011',
    'an exception while building a file',
    () =>
      codesOfRun(['build', '--json', '--jobs', '1', '--format', 'docx', '--out', tempDir(), seed], {
        ...real,
        readBytes: (file, limit) => (file === seed ? (null as unknown as Uint8Array).subarray() : real.readBytes(file, limit)),
      }),
  ],
];

// The import band: `report import` of a hand-made deviating input (tests/import-findings.test.ts checks each in detail).
for (const [code, deviation] of Object.entries(DEVIATIONS)) {
  const flags = deviation.blankAsZero ? ['--blank-as-zero'] : [];
  cases.push([
    code,
    `report import of ${deviation.what}`,
    () => codesOfRun(['import', '--json', ...flags, write(`${code}-${deviation.name}`, deviation.content())]),
  ]);
}

/** Codes raised, and by what. */
const raisedBy = new Map<string, string[]>();
const raise = (code: string, by: string) => raisedBy.set(code, [...(raisedBy.get(code) ?? []), by]);

beforeAll(() => {
  for (const file of reportFixtures()) {
    const { placed, fileLevel } = readExpectations(file);
    for (const code of [...placed.map((p) => p.split(' ')[1] ?? ''), ...fileLevel]) raise(code, path.relative(FIXTURES, file));
  }
});

test.each(cases)('%s: %s', async (code, what, run) => {
  const codes = await run();
  expect(codes).toContain(code);
  for (const raised of codes) raise(raised, what);
});

test('every code of the catalog is raised by a fixture or a case above', () => {
  const unraised = Object.keys(catalog).filter((code) => !raisedBy.has(code));
  expect(unraised).toEqual([]);
});
