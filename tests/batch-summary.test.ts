/**
 * A county office's batch: `report build DIR` gives, per file, the pages of the PDF and the size
 * and SHA-256 of every output in --json (checked against the files on disk and pdfinfo), and on a
 * terminal a closing table of file, status, errors, warnings, pages and outputs; piped, plain lines.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { nodeHost } from '../src/host';
import { runReport, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

/** Two good reports and one with a wrong total. */
function county(): string {
  const dir = tempDir();
  const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'a.yaml'), seed);
  fs.copyFileSync(path.join(FIXTURES, 'valid', 'busy-county.yaml'), path.join(dir, 'b.yaml'));
  fs.writeFileSync(path.join(dir, 'c.yaml'), seed.replace('new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 0, 5]'));
  return dir;
}

interface Artifact {
  path: string;
  format: string;
  bytes: number;
  sha256: string;
  pages?: number;
}

test('--json gives the pages, size and SHA-256 of every output, as on disk', async () => {
  const dir = county();
  const out = tempDir();
  const result = await runReport(['build', dir, '--out', out, '--json']);
  expect(result.status).toBe(1);
  const files = (JSON.parse(result.stdout) as { files: { file: string; pages: number | null; artifacts: Artifact[]; outputs: string[] }[] }).files;
  expect(files.map((f) => path.basename(f.file))).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  for (const file of files.slice(0, 2)) {
    expect(file.artifacts.map((a) => a.format)).toEqual(['pdf', 'docx']);
    expect(file.artifacts.map((a) => a.path)).toEqual(file.outputs);
    for (const artifact of file.artifacts) {
      const bytes = fs.readFileSync(artifact.path);
      expect(artifact.bytes).toBe(bytes.length);
      expect(artifact.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const pdf = file.artifacts[0] as Artifact;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' }))?.[1]);
    expect(pdf.pages).toBe(pages);
    expect(file.pages).toBe(pages);
  }
  expect(files[2]).toMatchObject({ pages: null, artifacts: [], outputs: [] });
});

/** The build run in this process with a terminal (or not) on stderr. */
async function buildWith(isTTY: boolean, args: string[], plain = false): Promise<string> {
  let stderr = '';
  const io: Io = { isTTY, plain, stdout: () => undefined, stderr: (text) => void (stderr += text) };
  await runCli(['node', 'report', 'build', '--jobs', '1', '--format', 'docx', ...args], nodeHost(), io);
  return stderr;
}

test('a terminal gets a progress bar and a closing table; a pipe and NO_COLOR get plain lines', async () => {
  const dir = county();
  const out = tempDir();
  const onTerminal = await buildWith(true, [dir, '--out', out]);
  const table = onTerminal.slice(onTerminal.indexOf('文件  ')).split('\n');
  expect(table[0]).toMatch(/^文件\s+状态\s+错误\s+警告\s+页数\s+输出$/);
  expect(table[1]).toBe(`${path.join(dir, 'a.yaml')}  已生成  0     0     -     ${path.join(out, 'a.docx')}`);
  expect(table[3]).toMatch(/c\.yaml\s+未生成\s+1\s+0\s+-$/);
  expect(table[4]).toMatch(/^✖ 3 个文件/);
  expect(onTerminal).toContain('\r\x1b[K构建 3/3'); // the progress bar
  const piped = await buildWith(false, [dir, '--out', tempDir()]);
  expect(piped).not.toContain('状态');
  expect(piped).not.toContain('\x1b');
  // NO_COLOR on a terminal: the table, but no progress bar and no control sequence.
  const plain = await buildWith(true, [dir, '--out', tempDir()], true);
  expect(plain).toContain('状态');
  expect(plain).not.toMatch(/[\x1b\r]/);
});
