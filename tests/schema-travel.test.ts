/**
 * Editor completion that travels: init, import and sum write `$schema=./nianbao.schema.json` and the
 * schema beside the YAML; a YAML moved (or e-mailed) alone says how to get it back, and
 * `report schema` puts it there. The schema written is the committed one, its $id names format and
 * version, and it validates the report it travels with (ajv, as an editor would). A file of that
 * name that nianbao did not write is never overwritten. Run in this process.
 */
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_ID } from '../src/schema/build-schema';
import { tempDir } from './helpers/cli';
import { FIXTURES, ROOT } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

const COMMITTED = fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8');
const SCHEMA = 'nianbao.schema.json';

/** The file the YAML's language-server line points at, resolved from the YAML's folder as the editor does. */
function referencedSchema(yamlFile: string): string {
  const reference = /^# yaml-language-server: \$schema=(\S+)$/m.exec(fs.readFileSync(yamlFile, 'utf8'))?.[1];
  expect(reference).toBe(`./${SCHEMA}`);
  return path.resolve(path.dirname(yamlFile), reference as string);
}

/** Whether the schema at `schemaFile` accepts the report, with ajv in strict mode. */
function schemaAccepts(schemaFile: string, yamlFile: string): boolean {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  return validate(parse(fs.readFileSync(yamlFile, 'utf8')));
}

test('init in A, YAML moved to B: the reference breaks, the YAML says to run report schema, which mends it', async () => {
  const a = tempDir();
  const b = tempDir();
  const init = await runInProcess(['init', '--year', '2024', '-o', path.join(a, '2024.yaml')]);
  expect(init.code).toBe(0);
  expect(init.stderr).toBe(`已生成 ${path.join(a, '2024.yaml')}\n已生成 ${path.join(a, SCHEMA)}\n`);
  expect(fs.readFileSync(referencedSchema(path.join(a, '2024.yaml')), 'utf8')).toBe(COMMITTED);
  expect(schemaAccepts(path.join(a, SCHEMA), path.join(a, '2024.yaml'))).toBe(true);

  fs.renameSync(path.join(a, '2024.yaml'), path.join(b, '2024.yaml'));
  const moved = path.join(b, '2024.yaml');
  expect(fs.existsSync(referencedSchema(moved))).toBe(false);
  expect(fs.readFileSync(moved, 'utf8').split('\n')[1]).toBe(
    `# 编辑器补全要用本文件旁的 ${SCHEMA}，缺少时在本文件所在文件夹运行 report schema / editor completion needs ${SCHEMA} beside this file: run report schema in its folder`,
  );
  // Given the report file (or its folder), report schema writes the schema where the reference looks.
  const mend = await runInProcess(['schema', moved]);
  expect(mend).toEqual({ code: 0, stdout: '', stderr: `已生成 ${path.join(b, SCHEMA)}\n` });
  expect(fs.readFileSync(referencedSchema(moved), 'utf8')).toBe(COMMITTED);
  expect(schemaAccepts(referencedSchema(moved), moved)).toBe(true);
  // A mistake in the report is one the travelling schema catches too.
  fs.writeFileSync(moved, fs.readFileSync(moved, 'utf8').replace(/^year: 2024/m, 'year: "2024"'));
  expect(schemaAccepts(referencedSchema(moved), moved)).toBe(false);

  expect(await runInProcess(['schema', b, '--lang', 'en'])).toEqual({ code: 0, stdout: '', stderr: `${path.join(b, SCHEMA)} is up to date\n` });
  // A report not written yet names its folder too; a folder not there yet is made, as build's --out is.
  expect((await runInProcess(['schema', path.join(b, 'next.yaml'), '--lang', 'en'])).stderr).toBe(`${path.join(b, SCHEMA)} is up to date\n`);
  expect((await runInProcess(['schema', path.join(b, 'new')])).code).toBe(0);
  expect(fs.readFileSync(path.join(b, 'new', SCHEMA), 'utf8')).toBe(COMMITTED);
});

test('the schema $id names nianbao, the national format and the schema version; the format it names is the one it requires', () => {
  const schema = JSON.parse(COMMITTED) as { $id: string; properties: { format: { const: string } } };
  expect(schema.$id).toBe(SCHEMA_ID);
  expect(schema.$id).toBe(`urn:nianbao:report-schema:${schema.properties.format.const}:v1`);
});

test('an older nianbao schema is updated, a newer one kept, and a foreign file never overwritten (RPT5013, exit 3)', async () => {
  const dir = tempDir();
  const file = path.join(dir, SCHEMA);
  const older = COMMITTED.replace(SCHEMA_ID, 'https://nianbao.invalid/schemas/report-2021-v1.schema.json');
  fs.writeFileSync(file, older);
  expect((await runInProcess(['schema', dir])).stderr).toBe(`已更新 ${file}\n`);
  expect(fs.readFileSync(file, 'utf8')).toBe(COMMITTED);

  const newer = COMMITTED.replace(SCHEMA_ID, 'urn:nianbao:report-schema:2021:v99');
  fs.writeFileSync(file, newer);
  expect((await runInProcess(['schema', dir])).stderr).toBe(`${file} 来自更新版本的 nianbao，未改动\n`);
  expect(fs.readFileSync(file, 'utf8')).toBe(newer);

  for (const foreign of ['{"$id": "https://example.com/mine.json"}', 'not json', '{"$id": "urn:nianbao:report-schema:2021:vX"}']) {
    fs.writeFileSync(file, foreign);
    const refused = await runInProcess(['schema', dir]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('RPT5013');
    expect(fs.readFileSync(file, 'utf8')).toBe(foreign);
  }
  // init still writes the report, and says why completion will not work there.
  const init = await runInProcess(['init', '--year', '2024', '-o', path.join(dir, '2024.yaml')]);
  expect(init.code).toBe(0);
  expect(init.stderr).toContain('警告 RPT5013');
  expect(fs.existsSync(path.join(dir, '2024.yaml'))).toBe(true);
});

test('import --out and sum -o put the schema beside the YAML they write, once per folder, and list it among the outputs', async () => {
  const out = tempDir();
  const txts = ['pingtan-2022.txt', 'pingtan-2023.txt'].map((name) => path.join(FIXTURES, 'import', 'real', name));
  const imported = await runInProcess(['import', '--out', out, '--jobs', '1', ...txts, '--json']);
  const files = (JSON.parse(imported.stdout) as { files: { output: string; outputs: string[] }[] }).files;
  expect(files.map((f) => f.outputs)).toEqual([[files[0]?.output, path.join(out, SCHEMA)], [files[1]?.output]]);
  // These published reports leave cells blank, so only the reference is checked here; the sum below validates.
  for (const f of files) expect(fs.readFileSync(referencedSchema(f.output), 'utf8')).toBe(COMMITTED);

  const county = path.join(tempDir(), 'county.yaml');
  const seed = path.join(FIXTURES, 'yichun-2023.yaml');
  const sum = await runInProcess(['sum', '-o', county, seed, seed]);
  expect(sum.code).toBe(0);
  expect(sum.stderr).toContain(`已生成 ${path.join(path.dirname(county), SCHEMA)}`);
  expect(schemaAccepts(referencedSchema(county), county)).toBe(true);
});

test('report --version and report version --json give nianbao, Node and the platform', async () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const line = `nianbao ${version} (Node ${process.version}, ${process.platform} ${process.arch})\n`;
  expect(await runInProcess(['--version'])).toEqual({ code: 0, stdout: line, stderr: '' });
  expect((await runInProcess(['version'])).stdout).toBe(line);
  expect(JSON.parse((await runInProcess(['version', '--json'])).stdout)).toEqual({
    nianbao: version,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  });
});
