/**
 * One fact, one message (issue #19): a published report whose table 三 leaves the five 法人或其他组织
 * columns blank and whose table 四 is blank (fixtures/import/cells/blank-2023, ORIGIN.md) gives one
 * finding per blank stretch, merged with the checker's error about the same cells into one message
 * naming the region and its count of cells; `--blank-as-zero` reads them as 0; `validate` of the YAML
 * written gives one error per stretch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importBytes } from '../src/core/import';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { nodeHost } from '../src/host';
import { parse } from 'yaml';
import { check } from '../src/index';
import { FIXTURES } from './helpers/fixtures';

const CELLS = path.join(FIXTURES, 'import', 'cells');
const run = (ext: string, blankAsZero = false) =>
  importBytes(nodeHost(), fs.readFileSync(path.join(CELLS, `blank-2023.${ext}`)), {
    file: `blank-2023.${ext}`,
    label: 'blank-2023.yaml',
    ...(blankAsZero ? { blankAsZero: true } : {}),
  });
/** The diagnostics about the tables' cells (the font warning RPT5012 of this machine aside). */
const aboutCells = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.pointer !== null && /^\/(applications|review_litigation|proactive)/.test(d.pointer));

describe.each(['html', 'docx', 'pdf', 'txt'])('blank-2023.%s', (ext) => {
  it('one message per blank stretch: the finding and the checker’s error about its cells as one', async () => {
    const outcome = await run(ext);
    const blanks = aboutCells(outcome.diagnostics).filter((d) => d.pointer === '/applications' || d.pointer === '/review_litigation');
    expect(blanks.map((d) => [d.code, d.severity, d.pointer, d.message.zh.replace(/^原文[^：]*：/, '')])).toEqual([
      ['RPT4023', 'error', '/applications', `表三“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”5 列空白（125 格），留空（null）`],
      ['RPT4023', 'error', '/review_litigation', '表四全表空白（15 格），留空（null）'],
    ]);
    const [columns] = blanks as [(typeof outcome.diagnostics)[number]];
    expect(columns.hints.map((h) => h.zh)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('--blank-as-zero'),
        '检查：表三“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”5 列空白（125 格），应填数字（RPT4025）',
      ]),
    );
    // No message per cell: neither the import's RPT4018 nor the checker's RPT2006 or a separate RPT4025.
    const codes = outcome.diagnostics.map((d) => d.code);
    for (const code of ['RPT4018', 'RPT2006', 'RPT4025', 'RPT2015'] as const) expect(codes).not.toContain(code);
  });

  it('--blank-as-zero reads the blank cells as 0: the report as its YAML has it, one warning per stretch', async () => {
    const outcome = await run(ext, true);
    const truth = check(fs.readFileSync(path.join(CELLS, 'blank-2023.yaml'), 'utf8')).report as unknown as Record<string, unknown>;
    const imported = parse(outcome.yaml as string) as Record<string, unknown>;
    expect(imported.review_litigation).toEqual(truth.review_litigation);
    expect(outcome.findings.filter((f) => f.code === 'RPT4024').map((f) => [f.pointer, f.params.count])).toEqual([
      ['/applications', 125],
      ['/review_litigation', 15],
    ]);
    expect(check(outcome.yaml as string).report?.applications).toEqual(truth.applications);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

it('validate of the YAML imported: one RPT4025 per blank stretch', async () => {
  const outcome = await run('html');
  const { diagnostics } = check(outcome.yaml as string);
  expect(aboutCells(diagnostics).map((d) => [d.code, d.pointer, d.message.zh])).toEqual([
    ['RPT4025', '/applications', '表三“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”5 列空白（125 格），应填数字'],
    ['RPT4025', '/review_litigation', '表四全表空白（15 格），应填数字'],
  ]);
});

it('validate: a column of table 二’s block of documents blank in both rows is one RPT4025', () => {
  const yaml = fs
    .readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')
    .replace(/(rules: \{issued: \d+), repealed: \d+/, '$1, repealed: null')
    .replace(/(normative_documents: \{issued: \d+), repealed: \d+/, '$1, repealed: null');
  const { diagnostics } = check(yaml);
  expect(aboutCells(diagnostics).map((d) => [d.code, d.pointer, d.message.zh])).toEqual([
    ['RPT4025', '/proactive/rules', '表二“本年废止件数”1 列空白（2 格），应填数字'],
  ]);
});

it('text: an empty cell before a row’s first number may be an empty label cell, so the row is not placed', async () => {
  const text = fs
    .readFileSync(path.join(CELLS, 'blank-2023.txt'), 'utf8')
    .replace('\t一、本年新收政府信息公开申请数量\n\t141\n', '\t一、本年新收政府信息公开申请数量\n\t\n');
  const outcome = await importBytes(nodeHost(), Buffer.from(text), { file: 'blank-2023.txt', label: 'blank-2023.yaml' });
  expect(outcome.findings.filter((f) => f.pointer === '/applications/new').map((f) => [f.code, f.params.found])).toEqual([['RPT4004', 1]]);
  expect((parse(outcome.yaml as string) as { applications: { new: unknown } }).applications.new).toEqual([null, null, null, null, null, null, null]);
});

it('validate: table 二’s single values (许可, 处罚, 强制, 收费) all blank are one RPT4025', () => {
  let yaml = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
  for (const key of ['licensing', 'punishment', 'enforcement', 'fees']) yaml = yaml.replace(new RegExp(`(\\n  ${key}: )[\\d.]+`), '$1null');
  const { diagnostics } = check(yaml);
  expect(aboutCells(diagnostics).map((d) => [d.code, d.pointer, d.message.zh])).toEqual([
    ['RPT4025', '/proactive', '表二第二十条第（五）（六）（八）项各格空白（4 格），应填数字'],
  ]);
  // One of them written: each blank one is its own error, as before.
  const one = check(yaml.replace(/(\n {2}fees: )null/, '$10'));
  expect(aboutCells(one.diagnostics).map((d) => [d.code, d.pointer])).toEqual([
    ['RPT2006', '/proactive/licensing'],
    ['RPT2006', '/proactive/punishment'],
    ['RPT2006', '/proactive/enforcement'],
  ]);
});

it('import: table 二’s single values printed blank are one message, the finding and the checker’s error as one', async () => {
  const html = fs
    .readFileSync(path.join(CELLS, 'blank-2023.html'), 'utf8')
    .replace(/(<td>(?:行政许可|行政处罚|行政强制|行政事业性收费)<\/td><td colspan="3">)[\d.]+</g, '$1<');
  const outcome = await importBytes(nodeHost(), Buffer.from(html), { file: 'blank-2023.html', label: 'blank-2023.yaml' });
  const proactive = outcome.diagnostics.filter((d) => d.pointer?.startsWith('/proactive'));
  expect(proactive.map((d) => [d.code, d.pointer, d.message.zh.replace(/^原文[^：]*：/, '')])).toEqual([
    ['RPT4023', '/proactive', '表二第二十条第（五）（六）（八）项各格空白（4 格），留空（null）'],
  ]);
  expect(proactive[0]?.hints.map((h) => h.zh)).toContain('检查：表二第二十条第（五）（六）（八）项各格空白（4 格），应填数字（RPT4025）');
});

it('text: a row of as many empty cells as columns and no number is a row printed blank', async () => {
  const text = fs
    .readFileSync(path.join(CELLS, 'blank-2023.txt'), 'utf8')
    .replace('\t一、本年新收政府信息公开申请数量\n\t141\n\t\n\t\n\t\n\t\n\t\n\t141\n', `\t一、本年新收政府信息公开申请数量\n${'\t\n'.repeat(7)}`);
  const outcome = await importBytes(nodeHost(), Buffer.from(text), { file: 'blank-2023.txt', label: 'blank-2023.yaml' });
  // Its five cells in the blank columns go with them; its other two are blank cells (not a row of missing numbers, RPT4004).
  expect(outcome.findings.filter((f) => f.pointer.startsWith('/applications')).map((f) => [f.code, f.pointer, f.params.count])).toEqual([
    ['RPT4023', '/applications', 125],
    ['RPT4018', '/applications/new/0', undefined],
    ['RPT4018', '/applications/new/6', undefined],
  ]);
});
