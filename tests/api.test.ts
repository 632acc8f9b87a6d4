/**
 * The README's library example, run exactly as written: a separate `node` in the repository root,
 * where `require('nianbao')` resolves through package.json's "exports" to the built bundle dist/api.js.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/fixtures';

const example = () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- api-example -->\n```js\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README has no api-example block');
  return match[1];
};

test('the README example builds a report from a string through the package entry', () => {
  const stdout = execFileSync(process.execPath, ['-e', example()], { cwd: ROOT, encoding: 'utf8' });
  const lines = stdout.trim().split('\n');
  expect(lines.map((line) => line.replace(/\d+/, 'N'))).toEqual(['pdf N bytes', 'docx N bytes']);
});

test('the API gives the bytes the CLI writes', async () => {
  // Loaded by name, through package.json's "exports", as the example does.
  const entry = require.resolve('nianbao', { paths: [ROOT] });
  expect(entry).toBe(path.join(ROOT, 'dist', 'api.js'));
  const api = require(entry) as typeof import('../src/index');
  const seed = path.join(ROOT, 'fixtures', 'yichun-2023.yaml');
  const out = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'nianbao-api-'));
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'report'), 'build', seed, '--format', 'docx', '--out', out], { stdio: 'pipe' });
  const result = await api.build(fs.readFileSync(seed, 'utf8'), { file: seed, formats: ['docx'] });
  expect(result.diagnostics).toEqual([]);
  expect(Buffer.from(result.outputs[0]?.bytes ?? []).equals(fs.readFileSync(path.join(out, 'yichun-2023.docx')))).toBe(true);
});

test('the API imports a published report as the CLI does', async () => {
  const api = require(require.resolve('nianbao', { paths: [ROOT] })) as typeof import('../src/index');
  const seedText = path.join(ROOT, 'fixtures', 'seed', 'yichun-2023.txt');
  const cli = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'report'), 'import', seedText], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  const imported = await api.importReport(fs.readFileSync(seedText), { file: seedText });
  expect(imported).toMatchObject({ format: 'text', organ: '宜春经济技术开发区管理委员会', year: 2023 });
  // The seed prints parts 二 and 五 without numerals: two findings, placed at the YAML's lines.
  expect(imported.diagnostics.map((d) => [d.code, d.severity])).toEqual([
    ['RPT4006', 'warning'],
    ['RPT4006', 'warning'],
  ]);
  expect(imported.yaml).toBe(cli);
  const garbage = await api.importReport(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0]), { file: 'photo.png' });
  expect(garbage.failure?.zh).toBe('无法识别的文件格式');
});
