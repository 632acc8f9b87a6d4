/**
 * `--reporter gcc|github`: every diagnostic is one line that the matchers read — VS Code's $gcc
 * regular expression, GitHub's workflow-command syntax — carrying the same file, line, column, code
 * and message as --json; nothing else is printed; the exit code is unchanged. Run in this process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { printGithub } from '../src/diagnostics/print-github';
import { printGcc } from '../src/diagnostics/print-gcc';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

/** VS Code's $gcc (ms-vscode.cpptools), as the usual GitHub gcc problem matchers write it too. */
const GCC = /^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$/;
/** A file-level line: `file: severity: message`. */
const GCC_FILE = /^(.*?):\s+(warning|error):\s+(.*)$/;
/** A workflow command: ::severity key=value,…::message */
const WORKFLOW = /^::(error|warning) ([^:]*)::(.*)$/;

const unescapeData = (text: string) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  message: { zh: string; en: string };
}

const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');

/** A folder with a report with a wrong total and a warning, and a name for a missing one: every kind of place. */
function reports(): { bad: string; missing: string } {
  const dir = tempDir();
  const bad = path.join(dir, 'bad.yaml');
  fs.writeFileSync(bad, seedText.replace('new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 0, 5]'));
  return { bad, missing: path.join(dir, 'missing.yaml') };
}

/** The diagnostics --json gives for the same run: the files', then the run's own (file "": on a machine without 仿宋, RPT5012). */
async function jsonDiagnostics(args: string[]): Promise<JsonDiagnostic[]> {
  const json = await runInProcess([...args, '--json']);
  const output = JSON.parse(json.stdout) as { files: { diagnostics: JsonDiagnostic[] }[]; diagnostics: JsonDiagnostic[] };
  return [...output.files.flatMap((f) => f.diagnostics), ...output.diagnostics];
}

test('gcc: one line per diagnostic that $gcc reads, with the place, severity, code and message of --json', async () => {
  const { bad, missing } = reports();
  const args = ['validate', bad, missing, '--lang', 'en'];
  const expected = await jsonDiagnostics(args);
  expect(expected.some((d) => d.line === null)).toBe(true);
  expect(expected.some((d) => d.line !== null)).toBe(true);
  const run = await runInProcess([...args, '--reporter', 'gcc']);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(expected.length);
  lines.forEach((line, i) => {
    const d = expected[i] as JsonDiagnostic;
    if (d.line === null) {
      expect(GCC.test(line)).toBe(false);
      const [, file, severity, message] = GCC_FILE.exec(line) ?? [];
      // A diagnostic about the run is the program's own line.
      expect({ file, severity, message }).toEqual({
        file: d.file || 'report',
        severity: d.severity,
        message: expect.stringContaining(`${d.code}: ${d.message.en}`),
      });
    } else {
      const [, file, lineNo, column, severity, message] = GCC.exec(line) ?? [];
      expect({ file, line: Number(lineNo), column: Number(column), severity }).toEqual({ file: d.file, line: d.line, column: d.column, severity: d.severity });
      expect(message?.startsWith(`${d.code}: ${d.message.en}`)).toBe(true);
    }
  });
  // The hint says what to do, on the same line (matchers keep no other).
  expect(run.stderr).toContain('(hint: check the name and folder');
});

test('github: one workflow command per diagnostic, in Chinese by default, with the hints on lines of their own', async () => {
  const { bad, missing } = reports();
  const args = ['validate', bad, missing];
  const expected = await jsonDiagnostics(args);
  const run = await runInProcess([...args, '--reporter', 'github']);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').slice(0, -1);
  expect(lines).toHaveLength(expected.length);
  lines.forEach((line, i) => {
    const d = expected[i] as JsonDiagnostic;
    const [, severity, props, data] = WORKFLOW.exec(line) ?? [];
    const properties = Object.fromEntries((props ?? '').split(',').map((p) => p.split('=').map(unescapeProperty)));
    expect(severity).toBe(d.severity);
    expect(properties).toEqual({
      ...(d.file ? { file: d.file } : {}),
      title: d.code,
      ...(d.line === null ? {} : { line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn) }),
    });
    const message = unescapeData(data ?? '').split('\n');
    expect(message[0]).toBe(d.message.zh);
    expect(message.slice(1).every((hint) => /^(提示|相关单元格): /.test(hint))).toBe(true);
  });
});

test("GitHub's escaping: % CR LF in the message, also : and , in properties; invisible characters escaped first", () => {
  const d: Diagnostic = {
    code: 'RPT3003',
    severity: 'warning',
    file: 'a,b:c%.yaml',
    pointer: '/x',
    span: { start: { line: 2, column: 3, offset: 0 }, end: { line: 2, column: 5, offset: 0 } },
    message: { zh: '100% 正确\u001b[31m，\u202e反', en: 'x' },
    hints: [{ zh: '第一\r\n第二', en: 'y' }],
  };
  expect(printGithub([d], undefined, 'zh')).toBe(
    '::warning file=a%2Cb%3Ac%25.yaml,line=2,col=3,endLine=2,endColumn=5,title=RPT3003::100%25 正确\\u{001B}[31m，\\u{202E}反%0A提示: 第一\\r\\n第二\n',
  );
  expect(printGcc([d], undefined, 'zh')).toBe('a,b:c%.yaml:2:3: warning: RPT3003: 100% 正确\\u{001B}[31m，\\u{202E}反 (提示: 第一\\r\\n第二)\n');
});

test('build, import and sum take --reporter too: the lines alone, no progress bar, table or "wrote" lines; the exit code as before', async () => {
  const dir = tempDir();
  const good = path.join(dir, 'good.yaml');
  fs.writeFileSync(good, seedText);
  const { bad } = reports();
  const build = await runInProcess(['build', '--jobs', '1', '--format', 'docx', '--out', dir, good, bad, '--reporter', 'gcc'], true);
  expect(build.code).toBe(1);
  expect(build.stderr.split('\n').slice(0, -1)).toEqual([expect.stringMatching(GCC)]);
  expect(fs.existsSync(path.join(dir, 'good.docx'))).toBe(true);

  const clean = await runInProcess(['build', '--jobs', '1', '--format', 'docx', '--out', dir, good, '--reporter', 'github'], true);
  expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });

  const txt = path.join(FIXTURES, 'import', 'real', 'pingtan-2023.txt');
  const review = await runInProcess(['import', '--check', '--jobs', '1', txt, '--reporter', 'gcc'], true);
  expect(review.stdout).toBe('');
  const reviewLines = review.stderr.split('\n').slice(0, -1);
  expect(reviewLines.length).toBeGreaterThan(0);
  for (const line of reviewLines) expect(GCC.test(line) || GCC_FILE.test(line)).toBe(true);

  // sum to standard output: the YAML alone on stdout, the lines on stderr.
  const sum = await runInProcess(['sum', good, bad, '--reporter', 'github']);
  expect(sum.code).toBe(1);
  expect(sum.stdout).toBe('');
  for (const line of sum.stderr.split('\n').slice(0, -1)) expect(line).toMatch(WORKFLOW);
  const summed = await runInProcess(['sum', good, good, '--reporter', 'gcc']);
  expect(summed.code).toBe(0);
  expect(summed.stdout).toContain('format: "2021"');
});

test('--json with --reporter gcc is a usage error; the default reporter is the human one', async () => {
  const { bad } = reports();
  const both = await runInProcess(['validate', bad, '--json', '--reporter', 'gcc']);
  expect(both.code).toBe(2);
  expect(both.stderr).toContain('--json 与 --reporter gcc 只能选一个');
  const unknown = await runInProcess(['validate', bad, '--reporter', 'xml']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('human、gcc、github');
  const human = await runInProcess(['validate', bad]);
  expect(human.stderr).toEqual((await runInProcess(['validate', bad, '--reporter', 'human'])).stderr);
  expect(human.stderr).toContain('✖ 1 个文件：1 个错误');
});
