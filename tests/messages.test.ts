/**
 * Messages in the user's language with a fix (issue #16): invisible characters refused and shown
 * escaped, invalid bytes at their line and column in every encoding, errno codes in words, and
 * commander's help and usage errors in Chinese (English with --lang en), through the real CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { makeDiagnostic } from '../src/diagnostics/diagnostic';
import { nodeHost, type Host } from '../src/host';
import { errnoReason } from '../src/source/read-failure';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const organ = /^organ: (.+?)\s*(#.*)?$/m.exec(seedText)?.[1] ?? '';
const dir = tempDir();

async function run(args: string[], host: Host = nodeHost()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(['node', 'report', ...args], host, io);
  return { code, out, err };
}

const checkBytes = (bytes: Uint8Array) => checkReport({ ...nodeHost({}), readBytes: () => bytes }, 'r.yaml').diagnostics;

describe('invisible and format characters in a text field', () => {
  test.each([
    ['a zero-width space', '\u200b', 'U+200B ZWSP'],
    ['a zero-width joiner', '\u200d', 'U+200D ZWJ'],
    ['a BOM inside the text', '\ufeff', 'U+FEFF BOM'],
    ['the noncharacter U+FFFE', '\ufffe', 'U+FFFE'],
    ['a word joiner', '\u2060', 'U+2060 WJ'],
  ])('%s in the organ name is RPT1014, and printed escaped', async (_name, char, code) => {
    const text = seedText.replace(`organ: ${organ}`, `organ: ${organ.slice(0, 2)}${char}${organ.slice(2)}`);
    const found = checkBytes(Buffer.from(text, 'utf8')).filter((d) => d.code === 'RPT1014');
    expect(found.map((d) => [d.pointer, d.message.zh.includes(code)])).toEqual([['/organ', true]]);
    const file = path.join(dir, `invisible-${code.slice(2, 6)}.yaml`);
    fs.writeFileSync(file, text);
    const { code: exit, err: out } = await run(['validate', file]);
    expect(exit).toBe(1);
    expect(out).toContain(`\\u{${code.slice(2, 6)}}`);
    expect(out).not.toContain(char);
  });
});

describe('invalid bytes at their line and column, never replaced', () => {
  const at = (diagnostics: ReturnType<typeof checkBytes>) => diagnostics.map((d) => `${d.span?.start.line}:${d.span?.start.column} ${d.code} ${d.message.en}`);

  test('UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('year: 2023\norgan: 某'), Buffer.from([0xff]), Buffer.from('局\n')]);
    expect(at(checkBytes(bytes))).toEqual(['2:9 RPT1043 the bytes FF here are not valid UTF-8 (a damaged file or mixed encodings)']);
  });

  test('UTF-16 with an unpaired surrogate', () => {
    const text = Buffer.from('year: 2023\norgan: 某局\n', 'utf16le');
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), text.subarray(0, 24), Buffer.from([0x00, 0xd8]), text.subarray(24)]);
    expect(at(checkBytes(broken))).toEqual(['2:2 RPT1043 the bytes 00 D8 here are not valid UTF-16LE (a damaged file or mixed encodings)']);
  });

  test('GB18030: the encoding with fewer places that do not decode is the one blamed', () => {
    const gb = new Uint8Array([...Buffer.from('year: 2023\norgan: '), 0xc4, 0xb3, 0xbe, 0xd6, 0x81, 0x20, 0x0a]); // 某局, then half a character
    expect(at(checkBytes(gb))).toEqual(['2:10 RPT1043 the bytes 81 here are not valid GB18030/GBK (a damaged file or mixed encodings)']);
    // A stray byte before any Chinese: UTF-8 reads further (to 某), but fails at every character after it.
    const stray = new Uint8Array([...Buffer.from('year: 2023\n# '), 0xff, ...Buffer.from('\norgan: '), 0xc4, 0xb3, 0xbe, 0xd6, 0x0a]);
    expect(at(checkBytes(stray))).toEqual(['2:3 RPT1043 the bytes FF here are not valid GB18030/GBK (a damaged file or mixed encodings)']);
  });
});

describe('system errors in words (the one wording of errno codes, read-failure.ts → system-error.ts)', () => {
  test.each(['EEXIST', 'ENOENT', 'ERR_FS_EISDIR', 'EACCES', 'EWHATEVER'])('%s never reaches the Chinese message', (errno) => {
    const reason = errnoReason(errno);
    const d = makeDiagnostic('RPT5001', null, { path: 'out.docx', reason: reason.zh, reasonEn: reason.en });
    expect(d.message.zh).not.toMatch(/E[A-Z]{3,}|ERR_/);
    expect(d.message.en).toContain(errno);
  });
});

describe('commander in the user language', () => {
  test('help says 用法, 选项, 命令 in Chinese and Usage, Options in English', async () => {
    const zh = await run(['--help']);
    expect(zh.out).toMatch(/^用法：/);
    expect(zh.out).toContain('\n选项：');
    expect(zh.out).toContain('\n命令：');
    expect(zh.out).toContain('默认："zh"');
    expect(zh.out).not.toMatch(/Usage:|Options:|Commands:|default:|display help for command|\[options\]|\[command\]/);
    expect(zh.out).toMatch(/^用法： report \[选项\] \[命令\]/);
    expect((await run(['build', '--help'])).out).toMatch(/^用法： report build \[选项\] <files\.\.\.>/);
    const en = await run(['--lang', 'en', '--help']);
    expect(en.out).toMatch(/^Usage: report \[options\] \[command\]/);
    expect(en.out).toContain('default: "zh"');
  });

  test('an unknown command lists every command of the program', async () => {
    const help = (await run(['--help'])).out;
    const commands = [...help.split('命令：')[1]!.matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(10);
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    for (const command of commands) expect(err).toContain(command);
    expect(err).toMatch(/^错误：未知命令 frobnicate/);
  });

  test.each([
    [['validate'], /^错误：缺少参数 <files>/],
    [['validate', '--lang', 'en'], /^error: missing argument <files>/],
    [['validate', '--bogus', 'x.yaml'], /^错误：未知选项 --bogus/],
    [['version', 'extra'], /^错误：version 最多接受 0 个参数/],
    // A near miss is named; a word like no command or option gets no guess.
    [['buld', 'x.yaml'], /^错误：未知命令 buld，是不是 build？（可用命令：validate、/],
    [['valdate', 'x.yaml', '--lang', 'en'], /^error: unknown command valdate, did you mean validate\? \(commands: validate, /],
    [['build', '--foramt', 'pdf', 'x.yaml'], /^错误：未知选项 --foramt，是不是 --format？（report --help/],
    [['validate', '--jsn', 'x.yaml', '--lang', 'en'], /^error: unknown option --jsn, did you mean --json\? \(report --help/],
    [['validate', '--bogus', 'x.yaml'], /^错误：未知选项 --bogus（report --help 列出全部选项）$/m],
  ])('%j', async (args, message) => {
    const { code, err } = await run(args);
    expect([code, err]).toEqual([2, expect.stringMatching(message)]);
  });
});

describe('standard input at a terminal', () => {
  test.each([
    [true, ['validate', '-'], '正在从标准输入读取报告：输入或粘贴 YAML 后按 Ctrl+D 结束'],
    [true, ['validate', '-', '--lang', 'en'], 'reading the report from standard input: type or paste the YAML, then press Ctrl+D'],
    [false, ['validate', '-'], undefined],
  ])('stdin a terminal: %s, %j says how to end the input before reading it', async (terminal, args, said) => {
    const events: string[] = [];
    const host: Host = {
      ...nodeHost(),
      stdinIsTerminal: () => terminal,
      readStdin: () => (events.push('read'), Buffer.from(seedText)),
    };
    let err = '';
    const io: Io = { isTTY: true, stdout: () => undefined, stderr: (t) => void (events.push('said'), (err += t)) };
    expect(await runCli(['node', 'report', ...args], host, io)).toBe(0);
    if (said === undefined) expect(events[0]).toBe('read');
    else expect([events[0], err.split('\n')[0]]).toEqual(['said', expect.stringContaining(said)]);
  });
});

describe('a published report given to validate', () => {
  test.each([
    ['report.pdf', '%PDF-1.7\n', 'PDF'],
    ['report.docx', 'PK\x03\x04', 'Word'],
    ['report.html', '<html><body>年度报告</body></html>', '网页'],
  ])('%s says to run report import', async (name, content, kind) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content, 'latin1');
    const { code, err: out } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(out).toContain('RPT1044');
    expect(out).toContain(kind);
    expect(out).toContain(`report import ${file}`);
  });
});
