/**
 * The policies that are the library's, applied by the API as by the CLI (they live in src/core):
 * settings nianbao does not know (RPT6012), SOURCE_DATE_EPOCH for every document (RPT5014 when it is
 * no date), the settings a manifest records, and outputs of one run that would overwrite each other.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { manifestSettings } from '../src/core/manifest';
import { collidingInputs } from '../src/core/output-names';
import { PDF_CONFORMANCES } from '../src/core/settings';
import { nodeHost, type Host } from '../src/host';
import { build, buildModel, check, render, type OutputFormat, type PdfConformance } from '../src/index';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const seedText = fs.readFileSync(path.join(ROOT, 'fixtures', 'yichun-2023.yaml'), 'utf8');
const real = nodeHost();
const at = (epoch: ReturnType<Host['sourceDateEpoch']>): Host => ({ ...real, sourceDateEpoch: () => epoch });
const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((d) => d.code);

/** `report …` in this process: its exit code and all it printed. */
async function cli(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const io: Io = { isTTY: false, stdout: (text) => void (output += text), stderr: (text) => void (output += text) };
  const code = await runCli(['node', 'report', ...args], real, io);
  return { code, output };
}

describe('settings nianbao does not know', () => {
  test('build(): an unknown format is RPT6012 with nothing made, not a crash', async () => {
    const result = await build(seedText, { formats: ['docx', 'odt' as OutputFormat] });
    expect(codes(result.diagnostics)).toEqual(['RPT6012']);
    expect(result.diagnostics[0]?.message.en).toBe('the build setting formats cannot be "odt"; it takes one of pdf, docx, html, model');
    expect(result.outputs).toEqual([]);
  });

  test('build(): an unknown PDF/A level is RPT6012, not a PDF of another conformance', async () => {
    const result = await build(seedText, { formats: ['pdf'], conformance: 'PDF/A-1b' as PdfConformance });
    expect(codes(result.diagnostics)).toContain('RPT6012');
    expect(result.outputs).toEqual([]);
  });

  test('render(): the same refusal, no bytes', async () => {
    const model = buildModel(check(seedText).report!);
    const result = await render(model, 'odt' as OutputFormat);
    expect(codes(result.diagnostics)).toEqual(['RPT6012']);
    expect(result.bytes.byteLength).toBe(0);
  });

  test('the CLI offers exactly the levels the library takes, and refuses another as a usage error', async () => {
    for (const level of PDF_CONFORMANCES) expect((await build(seedText, { formats: ['model'], conformance: level })).diagnostics).toEqual([]);
    const refused = await cli(['build', '--pdfa', '1b', '--out', tempDir(), '-']);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(PDF_CONFORMANCES.map((level) => level.replace('PDF/A-', '')).join('、'));
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  test('render() dates the document from it, as build() does: the same bytes', async () => {
    const host = at({ kind: 'date', date: new Date('2024-03-01T08:00:00Z') });
    const built = await build(seedText, { host, formats: ['docx'] });
    const rendered = await render(buildModel(check(seedText).report!), 'docx', { host });
    expect(rendered.diagnostics).toEqual([]);
    expect(Buffer.from(rendered.bytes).equals(Buffer.from(built.outputs[0]!.bytes))).toBe(true);
    // …and not the bytes of the report's own date.
    const undated = await render(buildModel(check(seedText).report!), 'docx', { host: at({ kind: 'unset' }) });
    expect(Buffer.from(undated.bytes).equals(Buffer.from(rendered.bytes))).toBe(false);
  });

  test('render(): set to no date, it is RPT5014 and no bytes, as for build()', async () => {
    const host = at({ kind: 'invalid', raw: 'yesterday' });
    const rendered = await render(buildModel(check(seedText).report!), 'docx', { host });
    expect(codes(rendered.diagnostics)).toEqual(['RPT5014']);
    expect(rendered.bytes.byteLength).toBe(0);
    expect(codes((await build(seedText, { host, formats: ['docx'] })).diagnostics)).toEqual(['RPT5014']);
  });

  test('an explicit timestamp is the caller’s choice over the environment', async () => {
    const rendered = await render(buildModel(check(seedText).report!), 'docx', { host: at({ kind: 'invalid', raw: 'x' }), timestamp: new Date(0) });
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.bytes.byteLength).toBeGreaterThan(0);
  });
});

describe('policies of a build written to a folder', () => {
  test('a manifest records only the settings that decide the bytes', () => {
    const host = at({ kind: 'date', date: new Date(1_700_000_000_000) });
    expect(manifestSettings(host, { formats: ['docx'], conformance: 'PDF/A-2b', fragment: true })).toEqual({
      formats: ['docx'],
      sourceDateEpoch: 1_700_000_000,
    });
    expect(manifestSettings(at({ kind: 'unset' }), { formats: ['pdf', 'html'], conformance: 'PDF/A-3b', fragment: true })).toEqual({
      formats: ['pdf', 'html'],
      conformance: 'PDF/A-3b',
      sourceDateEpoch: null,
      fragment: true,
    });
  });

  test('inputs that would write the same outputs are found before anything is built', () => {
    const inputs = ['a/2023.yaml', 'b/2023.yml', 'c/2022.yaml', 'a/2023.yaml'].map((file) => ({ file, name: path.basename(file).replace(/\.ya?ml$/, '') }));
    expect(collidingInputs(inputs, 'out')).toEqual([['a/2023.yaml', 'b/2023.yml']]);
  });
});
