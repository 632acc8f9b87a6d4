/**
 * The patterns of file arguments, matched by picomatch over folders listed through the Host: the
 * forms a clerk types (wildcards, classes, braces, `**`, backslashes as Windows writes them), hidden
 * files left out, and only the folders a match can pass through listed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandArgs } from '../src/core/expand-args';
import { nodeHost, type Host } from '../src/host';
import { tempDir } from './helpers/cli';

const YAML = ['.yaml', '.yml'];

/** A county's tree: departments' reports at two depths, a hidden folder, and notes. */
function tree(): string {
  const dir = tempDir();
  const files = ['a.yaml', 'b.yaml', 'c.yml', 'notes.txt', 'depts/x/2023.yaml', 'depts/y/2023.yaml', 'depts/y/2022.yaml', 'old/2023.yaml', '.git/d.yaml'];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'year: 2023\n');
  }
  return dir;
}

/** A Host that records each folder it is asked to list. */
function listingHost(): Host & { listed: string[] } {
  const real = nodeHost();
  const listed: string[] = [];
  return { ...real, listed, readDir: (dir) => (listed.push(dir), real.readDir(dir)) };
}

const relativeTo = (dir: string, files: readonly string[]) => files.map((file) => path.relative(dir, file).split(path.sep).join('/'));

describe('glob patterns', () => {
  const dir = tree();
  const expand = (pattern: string) => relativeTo(dir, expandArgs(nodeHost(), [`${dir}/${pattern}`], YAML).files);

  test.each([
    ['*.yaml', ['a.yaml', 'b.yaml']],
    ['?.y*ml', ['a.yaml', 'b.yaml', 'c.yml']],
    ['[!a].yaml', ['b.yaml']],
    ['{a,c}.y*ml', ['a.yaml', 'c.yml']],
    ['depts/*/2023.yaml', ['depts/x/2023.yaml', 'depts/y/2023.yaml']],
    ['*/y/*.yaml', ['depts/y/2022.yaml', 'depts/y/2023.yaml']],
    ['**/2023.yaml', ['depts/x/2023.yaml', 'depts/y/2023.yaml', 'old/2023.yaml']],
    ['depts/**/*.yaml', ['depts/x/2023.yaml', 'depts/y/2022.yaml', 'depts/y/2023.yaml']],
  ])('%s', (pattern, expected) => {
    expect(expand(pattern)).toEqual(expected);
  });

  test('backslashes separate folders, as a Windows shell passes them on', () => {
    expect(relativeTo(dir, expandArgs(nodeHost(), [`${dir}\\depts\\*\\2023.yaml`], YAML).files)).toEqual(['depts/x/2023.yaml', 'depts/y/2023.yaml']);
  });

  test('hidden files and folders are left out, even under **', () => {
    expect(expand('**/*.yaml')).not.toContain('.git/d.yaml');
    expect(expand('**/d.yaml')).toEqual([]);
  });

  test('only folders a match can pass through are listed', () => {
    const host = listingHost();
    expect(relativeTo(dir, expandArgs(host, [`${dir}/depts/*/2023.yaml`], YAML).files)).toEqual(['depts/x/2023.yaml', 'depts/y/2023.yaml']);
    expect(relativeTo(dir, host.listed).sort()).toEqual(['depts', 'depts/x', 'depts/y']);
    const top = listingHost();
    expandArgs(top, [`${dir}/*.yaml`], YAML);
    expect(top.listed).toEqual([dir]);
  });

  test('a pattern that matches nothing is named; a plain missing path is left for the command to report', () => {
    expect(expandArgs(nodeHost(), [`${dir}/*.pdf`, `${dir}/missing.yaml`], YAML)).toEqual({ files: [`${dir}/missing.yaml`], unmatched: [`${dir}/*.pdf`] });
  });
});
