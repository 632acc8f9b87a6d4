/**
 * Never a wrong number (issue #19): every table cell imported from every corpus in the repository is
 * either right or null with a finding that covers it. The corpora: the made-for-purpose reports of
 * fixtures/import/cells/ (unmerged label cells, blank columns and a blank table; ORIGIN.md) and
 * fixtures/import/relabelled/ as DOCX, LibreOffice PDF and portal HTML, checked against the YAML of
 * what they print; our own DOCX and HTML of every valid fixture (round trips); and the text corpora
 * with no YAML beside them (the 平潭 pages, the seed, the letter-spaced WPS-like reports), checked
 * against what the report itself proves: a row read in full adds up to its printed total.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_FORMAT } from '../src/format/registry';
import type { Finding } from '../src/import/findings';
import { importReport, type Imported } from '../src/import/import';
import { build, check } from '../src/index';
import { FIXTURES } from './helpers/fixtures';
import { once } from './helpers/once';
import { TABLE_THREE_HEADER, tableThreeRows } from './helpers/import-deviations';

const options = { schemaPath: '../schemas/report.schema.json' };
const L = DEFAULT_FORMAT.labels;
type Node = Record<string, unknown>;
const at = (data: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Node | null | undefined)?.[key], data);

/** The pointer of every number cell of tables 二, 三 and 四, and the rows that add up to a total. */
const CELLS = [
  ...L.DOCUMENT_ROWS.flatMap((row) => L.DOCUMENT_COUNT_COLUMNS.map((c) => `/proactive/${row.key}/${c.key}`)),
  ...L.SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows.map((row) => `/proactive/${row.key}`)),
  ...L.APPLICATION_ROWS.flatMap((row) => L.APPLICANT_COLUMNS.map((_, c) => `/${row.path.join('/')}/${c}`)),
  ...L.CASE_ROWS.flatMap((row) => L.CASE_COLUMNS.map((_, c) => `/review_litigation/${row.key}/${c}`)),
];
const TOTALLED_ROWS = [...L.APPLICATION_ROWS.map((row) => `/${row.path.join('/')}`), ...L.CASE_ROWS.map((row) => `/review_litigation/${row.key}`)];

/** Whether a finding is about the cell: the cell itself, its row or table (a finding's pointer above it), or one of a stretch's cells. */
const covers = (f: Finding, cell: string) => (f.cells ? f.cells.includes(cell) : f.pointer !== '' && (cell === f.pointer || cell.startsWith(`${f.pointer}/`)));

interface Tally {
  right: number;
  nullWithFinding: number;
  /** Cells read as a number other than the source's, or null with no finding: each a failure. */
  wrong: string[];
}

/** Each cell against the values the source prints (`truth`, a checked report's data). */
function againstTruth(imported: Imported, truth: unknown): Tally {
  const tally: Tally = { right: 0, nullWithFinding: 0, wrong: [] };
  for (const cell of CELLS) {
    const value = at(imported.data, cell);
    if (value === at(truth, cell)) tally.right += 1;
    else if (value === null && imported.findings.some((f) => covers(f, cell))) tally.nullWithFinding += 1;
    else tally.wrong.push(`${cell}: read ${JSON.stringify(value)}, printed ${JSON.stringify(at(truth, cell))}`);
  }
  return tally;
}

/** With no YAML of the source: a row read in full adds up to its total (a shifted row does not), and every null has a finding. */
function againstItself(imported: Imported): Tally {
  const tally: Tally = { right: 0, nullWithFinding: 0, wrong: [] };
  for (const cell of CELLS) {
    if (at(imported.data, cell) === null) {
      if (imported.findings.some((f) => covers(f, cell))) tally.nullWithFinding += 1;
      else tally.wrong.push(`${cell}: null with no finding`);
    }
  }
  for (const row of TOTALLED_ROWS) {
    const values = at(imported.data, row);
    if (!Array.isArray(values) || values.some((v) => v === null)) continue;
    const sum = values.slice(0, -1).reduce((a: number, b: number) => a + b, 0);
    if (sum === values.at(-1)) tally.right += values.length;
    else tally.wrong.push(`${row}: ${JSON.stringify(values)} does not add up to its total`);
  }
  return tally;
}

/** A file imported, once for the whole file (the tests only read what an import gives): unmerged-2023's four are read by two tests. */
const importFile = once(
  (file: string, blankAsZero: boolean = false): Promise<Imported> => importReport(fs.readFileSync(file), path.basename(file), { ...options, blankAsZero }),
  (file: string, blankAsZero: boolean = false) => `${file} ${blankAsZero}`,
);
const truthOf = (yamlFile: string) => check(fs.readFileSync(yamlFile, 'utf8'), { file: yamlFile }).report;

const CELLS_DIR = path.join(FIXTURES, 'import', 'cells');
const MADE = [
  ...['unmerged-2023', 'blank-2023'].flatMap((name) => ['docx', 'pdf', 'html', 'txt'].map((ext) => [`cells/${name}.${ext}`, `cells/${name}.yaml`])),
  ...['docx', 'pdf', 'html'].map((ext) => [`relabelled/relabelled-2023.${ext}`, 'relabelled/relabelled-2023.yaml']),
] as const;

describe('made-for-purpose reports: each cell right, or null with a finding', () => {
  it.each(MADE)('%s', async (source, yaml) => {
    const imported = await importFile(path.join(FIXTURES, 'import', source));
    const tally = againstTruth(imported, truthOf(path.join(FIXTURES, 'import', yaml)));
    expect(tally.wrong).toEqual([]);
    // Only the cells printed blank are null: 125 of table 三 and 15 of table 四 in blank-2023. (The
    // LibreOffice PDFs break rows of table 三 across a page, a label's first lines on one page and the rest
    // on the next: 3 rows in unmerged-2023, 2 in blank-2023, each joined and read whole.)
    // The text copied from the page prints a blank cell as a lone tab: between a row's two numbers, the same 140.
    const nulls = source.startsWith('cells/blank') ? 140 : 0;
    expect(tally.nullWithFinding).toBe(nulls);
  });
});

describe('label cells, empty ones too, are never read as numbers', () => {
  it.each(['docx', 'pdf', 'html', 'txt'])('unmerged-2023.%s: （七）总计 and 四、结转下年度继续办理 in their columns', async (ext) => {
    const imported = await importFile(path.join(CELLS_DIR, `unmerged-2023.${ext}`));
    const truth = truthOf(path.join(CELLS_DIR, 'unmerged-2023.yaml'));
    expect(at(imported.data, '/applications/results/total')).toEqual(at(truth, '/applications/results/total'));
    expect(at(imported.data, '/applications/carry_forward')).toEqual(at(truth, '/applications/carry_forward'));
    expect(imported.findings.filter((f) => ['RPT4004', 'RPT4018', 'RPT4026'].includes(f.code))).toEqual([]);
  });

  it('the 2019 single row （六）其他处理 is told by its numbers after empty label cells, not by a sub-row label', async () => {
    const page = tableThreeRows([TABLE_THREE_HEADER, ['', '（六）其他处理', '', '0', '0', '0', '0', '0', '0', '0']])();
    const imported = await importReport(Buffer.from(page), 'other-2019.html', options);
    expect(imported.findings.filter((f) => f.code === 'RPT4013').map((f) => f.pointer)).toEqual(['/applications/results/other']);
    expect(at(imported.data, '/applications/results/other/overdue_fee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('a row whose cells fall under no column of the header is null with RPT4026, not shifted', async () => {
    const html = fs.readFileSync(path.join(CELLS_DIR, 'unmerged-2023.html'), 'utf8');
    // One cell more in the row （七）总计: its numbers no longer stand under the header's columns.
    const shifted = html.replace(/(<tr><td><\/td><td>（七）总计<\/td><td><\/td>)/, '$1<td></td>');
    expect(shifted).not.toBe(html);
    const imported = await importReport(Buffer.from(shifted), 'shifted.html', options);
    expect(at(imported.data, '/applications/results/total')).toEqual([null, null, null, null, null, null, null]);
    expect(imported.findings.filter((f) => f.code === 'RPT4026').map((f) => f.pointer)).toEqual(['/applications/results/total']);
  });
});

describe('our own DOCX and HTML read back: every cell right', () => {
  const sources = [
    path.join(FIXTURES, 'yichun-2023.yaml'),
    ...fs.readdirSync(path.join(FIXTURES, 'valid')).map((name) => path.join(FIXTURES, 'valid', name)),
    path.join(CELLS_DIR, 'unmerged-2023.yaml'),
  ];
  it.each(sources.flatMap((file) => (['docx', 'html'] as const).map((format) => [path.basename(file), format, file] as const)))(
    '%s as %s',
    async (_, format, file) => {
      const yaml = fs.readFileSync(file, 'utf8');
      const { outputs } = await build(yaml, { file, formats: [format] });
      const [output] = outputs;
      const imported = await importReport(output?.bytes as Uint8Array, `report.${format}`, options);
      const tally = againstTruth(imported, truthOf(file));
      expect(tally.wrong).toEqual([]);
      expect(tally.nullWithFinding).toBe(0);
    },
  );
});

describe('sources with no YAML beside them: every row read adds up, every null has a finding', () => {
  const texts = [
    ...fs
      .readdirSync(path.join(FIXTURES, 'import', 'real'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => path.join('real', name)),
    ...['original.txt', 'wps.txt', 'wps.html', 'wps.pdf', 'original.pdf'].map((name) => path.join('spaced', name)),
  ];
  it.each(texts)('%s', async (name) => {
    const tally = againstItself(await importFile(path.join(FIXTURES, 'import', name)));
    expect(tally.wrong).toEqual([]);
    expect(tally.right).toBeGreaterThan(0);
  });

  it('the seed text', async () => {
    const tally = againstItself(await importFile(path.join(FIXTURES, 'seed', 'yichun-2023.txt')));
    expect(tally.wrong).toEqual([]);
  });
});
