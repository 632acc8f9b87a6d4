/**
 * Folders and quoted globs on the command line (Windows shells pass `"depts/*.yaml"` on as it is):
 * a folder is its report files, a glob is expanded by nianbao, sorted; a glob that matches nothing
 * is a usage error; a plain path stays as written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandArgs } from '../src/core/expand-args';
import { nodeHost } from '../src/host';
import { runReport, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const host = nodeHost();
const YAML = ['.yaml', '.yml'];

/** A county's folder: two departments' reports, a note, a sub-folder with one more report, a hidden file. */
function county(): string {
  const dir = tempDir();
  const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'));
  fs.mkdirSync(path.join(dir, 'sub'));
  for (const name of ['b.yaml', 'a.yaml', 'notes.txt', '.hidden.yaml', 'sub/c.yml']) fs.writeFileSync(path.join(dir, name), seed);
  return dir;
}

describe('expandArgs', () => {
  it('takes a folder as its report files, sorted, not recursing and skipping hidden files', async () => {
    const dir = county();
    expect(expandArgs(host, [dir], YAML)).toEqual({ files: [path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')], unmatched: [] });
  });

  it('expands quoted globs, ** across folders, and says which matched nothing', async () => {
    const dir = county();
    expect(expandArgs(host, [`${dir}/*.yaml`], YAML).files).toEqual([path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
    expect(expandArgs(host, [`${dir}/**/*.y*ml`], YAML).files).toEqual([path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'), path.join(dir, 'sub', 'c.yml')]);
    expect(expandArgs(host, [`${dir}/[ab].yaml`], YAML).files).toEqual([path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
    expect(expandArgs(host, [`${dir}/*.pdf`], YAML)).toEqual({ files: [], unmatched: [`${dir}/*.pdf`] });
  });

  it('leaves plain paths and standard input as written', async () => {
    expect(expandArgs(host, ['missing.yaml', '-'], YAML)).toEqual({ files: ['missing.yaml', '-'], unmatched: [] });
  });
});

describe('commands take folders and globs', () => {
  it('report validate DIR and "DIR/*.yaml" check each report once', async () => {
    const dir = county();
    for (const arg of [dir, `${dir}/*.yaml`]) {
      const result = await runReport(['validate', arg, '--json']);
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((f) => path.basename(f.file))).toEqual(['a.yaml', 'b.yaml']);
    }
  });

  it('a glob that matches nothing is a usage error', async () => {
    const result = await runReport(['validate', `${tempDir()}/*.yaml`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有与');
  });
});
