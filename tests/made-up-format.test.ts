/**
 * Formats are data: a format made here, from test code alone — the 2021 one with an extra row in
 * table 三's （五）不予处理 group and another basis document — is registered and carried through the
 * whole pipeline without any change to src/: the checker applies its schema and its sums, the model
 * builds its table, the PDF, DOCX and HTML print the row, and import reads it back. And only the
 * registry imports a format's folder: everything else receives the Format as a parameter.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { unzipSync } from 'fflate';
import { parse, stringify } from 'yaml';
import { checkReport } from '../src/check';
import { withResultGroups, type Format } from '../src/format/format';
import { NATIONAL_2021 } from '../src/format/national-2021';
import { formatOf, registerFormat } from '../src/format/registry';
import { nodeHost } from '../src/host';
import { importReport } from '../src/import/import';
import { buildModel } from '../src/model/build';
import type { ReportDoc, TableBlock } from '../src/model/types';
import type { CheckedReport } from '../src/report/types';
import { renderDocx } from '../src/render/docx';
import { renderHtml } from '../src/render/html';
import { buildReportSchema } from '../src/schema/build-schema';
import { pdfOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { FIXTURES, ROOT } from './helpers/fixtures';

const EXTRA = { key: 'outside_scope', label: '6.申请内容不属于政府信息', en: 'not government information' };
const EXTRA_PATH = ['applications', 'results', 'not_processed', 'outside_scope'];
const BASIS = '某试行格式〔2030〕1号';

/** The made-up format: the 2021 labels with the extra row (R3's rows follow), its own id and basis, and its schema compiled here. */
function madeUpFormat(): Format {
  const groups = NATIONAL_2021.labels.RESULT_GROUPS.map((group) => (group.key === 'not_processed' ? { ...group, rows: [...group.rows, EXTRA] } : group));
  const format: Format = { ...NATIONAL_2021, id: '2030-trial', basis: BASIS, labels: withResultGroups(NATIONAL_2021.labels, groups) };
  // As scripts/gen-validator.js compiles the built-in schema, at run time.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  return { ...format, validator: ajv.compile(buildReportSchema(format)) };
}

const FORMAT = madeUpFormat();
let unregister: () => void;
beforeAll(() => {
  unregister = registerFormat(FORMAT);
});
afterAll(() => unregister());

/** The seed report in the made-up format: 3 new applications, all in the extra row, `total` as given. */
function reportText(options: { format?: string; total?: number } = {}): string {
  const data = parse(fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')) as Record<string, any>;
  data.format = options.format ?? FORMAT.id;
  data.applications.new = [3, 0, 0, 0, 0, 0, 3];
  data.applications.results.not_processed.outside_scope = [3, 0, 0, 0, 0, 0];
  const total = options.total ?? 3;
  data.applications.results.total = [total, 0, 0, 0, 0, 0, total];
  return stringify(data);
}

function check(text: string) {
  const file = path.join(tempDir(), 'report.yaml');
  fs.writeFileSync(file, text);
  return checkReport(nodeHost(), file);
}

const errors = (checked: ReturnType<typeof check>) => checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`);

describe('a format registered from test code', () => {
  let report: CheckedReport;
  let model: ReportDoc;
  beforeAll(() => {
    const checked = check(reportText());
    expect(errors(checked)).toEqual([]);
    report = checked.report as CheckedReport;
    model = buildModel(report);
  });

  test('is the format the report names, and the checker applies its schema', () => {
    expect(formatOf(report)).toBe(FORMAT);
    // The extra row completed to 7 numbers by the format's normalisation.
    expect(report.applications.results.not_processed).toMatchObject({ outside_scope: [3, 0, 0, 0, 0, 0, 3] });
    // In the 2021 format the same row is a key its schema does not have.
    expect(errors(check(reportText({ format: '2021' })))).toContain('RPT2003 /applications/results/not_processed/outside_scope');
  });

  test("the checker sums the format's rows: （七）总计 must count the extra row", () => {
    const checked = check(reportText({ total: 0 }));
    // Column 自然人 only: the 总计 column's check is implied by the others (rules/cells.ts eachColumn).
    expect(errors(checked)).toEqual(['RPT3004 /applications/results/total/0']);
    expect(checked.diagnostics.find((d) => d.code === 'RPT3004')?.message.zh).toContain('应为 3');
  });

  test('the model prints the extra row, with its numbers, and cites the basis of the format', () => {
    const table = model.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'applications') as TableBlock;
    const pointer = `/${EXTRA_PATH.join('/')}`;
    const label = table.grid.cells.find((cell) => cell.origin === pointer);
    expect(label?.text.replace(/\n/g, '')).toBe(EXTRA.label);
    const numbers = table.grid.cells.filter((cell) => cell.origin.startsWith(`${pointer}/`)).map((cell) => cell.text);
    expect(numbers).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    // 26 data rows (25 of 2021 and the extra one) under the 3 header rows.
    expect(table.grid.rowCount).toBe(29);
    // A report without a preface gets the default one, which cites the format's basis.
    const { preamble: _, ...unprefaced } = report;
    expect(buildModel(unprefaced).blocks.some((b) => b.kind === 'paragraph' && b.text.includes(`（${BASIS}）要求编制`))).toBe(true);
  });

  test('the DOCX holds the row, and import reads it back into the format', async () => {
    const bytes = await renderDocx(model, { timestamp: TIMESTAMP });
    const xml = Buffer.from(unzipSync(bytes)['word/document.xml'] as Uint8Array).toString('utf8');
    expect(xml).toContain(EXTRA.label);
    const imported = await importReport(bytes, 'report.docx', { schemaPath: './nianbao.schema.json', format: FORMAT });
    expect(imported.data.format).toBe(FORMAT.id);
    expect((imported.data as any).applications.results.not_processed.outside_scope).toEqual([3, 0, 0, 0, 0, 0, 3]);
    // The YAML is commented with the format's label, and checks clean in it.
    expect(imported.yaml).toContain(`# ${EXTRA.label}\n      outside_scope: [3, 0, 0, 0, 0, 0, 3]`);
    expect(errors(check(imported.yaml))).toEqual([]);
  });

  test('the HTML holds the row, and import reads it back', async () => {
    const html = renderHtml(model);
    expect(html).toMatch(new RegExp(`<th[^>]*>${EXTRA.label}</th>(<td[^>]*>[0-9]</td>){7}`));
    const imported = await importReport(Buffer.from(html), 'report.html', { schemaPath: './nianbao.schema.json', format: FORMAT });
    expect((imported.data as any).applications.results.not_processed.outside_scope).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  test('the PDF prints the row (pdftotext), and import reads it back', async () => {
    const bytes = await pdfOf(model);
    const file = path.join(tempDir(), 'report.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`${EXTRA.label}3000003`);
    const imported = await importReport(bytes, 'report.pdf', { schemaPath: './nianbao.schema.json', format: FORMAT });
    expect((imported.data as any).applications.results.not_processed.outside_scope).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });
});

test("only the registry imports a format's folder: the rest receive a Format", () => {
  const src = path.join(ROOT, 'src');
  const importers = fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => /from '[./]+(?:format\/)?national-\d{4}/.test(fs.readFileSync(path.join(src, file), 'utf8')));
  expect(importers.sort()).toEqual(['format/registry.ts']);
});
