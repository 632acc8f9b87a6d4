/**
 * The archival manifest: `report build --manifest` writes MANIFEST.sha256 that `sha256sum -c`
 * accepts and manifest.json with versions, settings, input and output hashes (the same bytes for
 * the same build); `report verify` catches a changed byte or a missing file, rebuilds a YAML
 * byte for byte, and says when a rebuild differs or a YAML is not the one built.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Manifest } from '../src/core/manifest';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const SEED = path.join(FIXTURES, 'yichun-2023.yaml');
const BUSY = path.join(FIXTURES, 'valid', 'busy-county.yaml');
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The two reports built with a manifest into a new folder. */
async function built(): Promise<string> {
  const out = tempDir();
  const result = await runReport(['build', SEED, BUSY, '--out', out, '--manifest']);
  expect(result.status).toBe(0);
  expect(result.stderr).toContain(`已生成清单 ${path.join(out, 'MANIFEST.sha256')}`);
  return out;
}

const readManifest = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;

interface VerifyJson {
  files: { file: string; ok: boolean; status: string; rebuilt: boolean; diagnostics: { code: string }[] }[];
}
const verify = async (args: string[]) => {
  const result = await runReport(['verify', ...args, '--json']);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  return { status: result.status, json: JSON.parse(result.stdout) as VerifyJson };
};

test('MANIFEST.sha256 passes sha256sum -c; manifest.json records versions, settings and every hash', async () => {
  const out = await built();
  expect(execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: out, encoding: 'utf8' }).trim().split('\n')).toEqual([
    'busy-county.docx: OK',
    'busy-county.pdf: OK',
    'yichun-2023.docx: OK',
    'yichun-2023.pdf: OK',
  ]);
  const manifest = readManifest(out);
  expect(manifest.tool).toMatchObject({ name: 'nianbao', version: '0.1.0', libraries: { pdfkit: '0.20.2', docx: '9.15.2', fontkit: '2.0.4' } });
  expect(manifest.settings).toEqual({ formats: ['pdf', 'docx'], conformance: 'PDF/A-2b', sourceDateEpoch: null });
  const [seed] = manifest.reports;
  expect(seed?.input.sha256).toBe(hash(SEED));
  expect(path.resolve(out, seed?.input.path ?? '')).toBe(SEED);
  for (const output of seed?.outputs ?? []) expect(output.sha256).toBe(hash(path.join(out, output.path)));
  expect(seed?.outputs.find((o) => o.format === 'pdf')?.pages).toBe(7);
  for (const font of Object.values(seed?.fonts ?? {})) expect(font.sha256).toBe(hash(path.resolve(out, font.path)));
});

test('the same build writes the same manifest, byte for byte', async () => {
  const [a, b] = [await built(), await built()];
  // Paths are relative to each folder, so the two manifests can be equal.
  const relative = (out: string) => fs.readFileSync(path.join(out, 'manifest.json'), 'utf8').replaceAll(path.basename(out), 'OUT');
  expect(relative(a)).toBe(relative(b));
  expect(fs.readFileSync(path.join(a, 'MANIFEST.sha256'))).toEqual(fs.readFileSync(path.join(b, 'MANIFEST.sha256')));
});

test('verify: all match, then a changed byte and a missing file are caught', async () => {
  const out = await built();
  expect((await verify([out])).status).toBe(0);
  const pdf = path.join(out, 'yichun-2023.pdf');
  const bytes = fs.readFileSync(pdf);
  bytes.writeUInt8((bytes[bytes.length >> 1] as number) ^ 1, bytes.length >> 1);
  fs.writeFileSync(pdf, bytes);
  fs.rmSync(path.join(out, 'busy-county.docx'));
  const { status, json } = await verify([path.join(out, 'MANIFEST.sha256')]);
  expect(status).toBe(1);
  const byName = Object.fromEntries(json.files.map((f) => [path.basename(f.file), f]));
  expect(byName['yichun-2023.pdf']).toMatchObject({ status: 'changed', diagnostics: [{ code: 'RPT6004' }] });
  expect(byName['busy-county.docx']).toMatchObject({ status: 'missing', diagnostics: [{ code: 'RPT6005' }] });
  expect(byName['yichun-2023.docx']).toMatchObject({ status: 'ok', ok: true });
});

test('verify with the YAML rebuilds it byte for byte; another YAML or other settings are named', async () => {
  const out = await built();
  const rebuilt = await verify([out, SEED]);
  expect(rebuilt.status).toBe(0);
  expect(rebuilt.json.files.filter((f) => f.rebuilt).map((f) => [path.basename(f.file), f.status])).toEqual([
    ['yichun-2023.pdf', 'ok'],
    ['yichun-2023.docx', 'ok'],
  ]);
  const edited = path.join(tempDir(), 'yichun-2023.yaml');
  fs.writeFileSync(edited, fs.readFileSync(SEED, 'utf8').replace('宜春经济技术开发区', '宜春经开区'));
  expect((await verify([out, edited])).json.files.at(-1)).toMatchObject({ status: 'not-built', diagnostics: [{ code: 'RPT6008' }] });
  // A manifest that says the build was dated otherwise: the rebuild cannot match it.
  const manifest = readManifest(out);
  manifest.settings.sourceDateEpoch = 1700000000;
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  const differs = await verify([out, SEED]);
  expect(differs.status).toBe(1);
  expect(differs.json.files.filter((f) => f.rebuilt).map((f) => f.diagnostics[0]?.code)).toEqual(['RPT6006', 'RPT6006']);
});

test('a damaged or missing manifest is one diagnostic', async () => {
  const out = await built();
  fs.writeFileSync(path.join(out, 'manifest.json'), '{"manifest": 1, "tool": ');
  expect((await verify([out])).json.files[0]?.diagnostics.map((d) => d.code)).toEqual(['RPT6007']);
  expect((await verify([tempDir()])).status).toBe(1);
});
