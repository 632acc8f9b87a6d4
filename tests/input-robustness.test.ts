/**
 * Bad input never crashes: every broken file gives a diagnostic with a position (where there is
 * one), exit 1, and no stack trace. Encodings Windows editors produce are decoded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import { nodeHost } from '../src/host';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { encodeGb18030 } from './helpers/text';

const host = nodeHost();
const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const codes = (file: string) => checkReport(host, file).diagnostics.map((d) => `${d.span ? d.span.start.line + ':' + d.span.start.column : '-'} ${d.code}`);

describe('encodings', () => {
  test('GB18030/GBK from a Windows editor is decoded, with a warning to save as UTF-8', async () => {
    const gbk = write('gbk.yaml', encodeGb18030(seedText));
    expect(codes(gbk)).toEqual(['- RPT1010']);
    const checked = checkReport(host, gbk);
    expect(checked.report?.organ).toBe('宜春经济技术开发区管理委员会');
  });

  test('UTF-8 with BOM and CRLF line ends is clean and keeps line numbers', async () => {
    const file = write('bom-crlf.yaml', '\ufeff' + seedText.replace(/\n/g, '\r\n').replace('licensing: 49255', 'licensing: -1'));
    const line = seedText.split('\n').findIndex((l) => l.includes('licensing: 49255')) + 1;
    expect(codes(file)).toEqual([`${line}:14 RPT2008`]);
  });

  test('UTF-16 with BOM is decoded', async () => {
    const file = write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
    expect(codes(file)).toEqual(['- RPT1010']);
  });

  test('a binary file is refused', async () => {
    expect(codes(write('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ...new Array(16).fill(0)])))).toEqual(['- RPT1011']);
  });

  test('a Word file given as a report says to import it', async () => {
    expect(codes(write('word.yaml', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff])))).toEqual(['- RPT1044']);
  });
});

describe('broken YAML', () => {
  test.each([
    ['empty file', '', ['- RPT1006']],
    ['only comments', '# 年报\n\n# nothing\n', ['- RPT1006']],
    ['tab indentation', 'format: "2021"\nproactive:\n\tlicensing: 1\n', ['3:1 RPT1002']],
    ['unclosed bracket', 'a: [0, 0\nb: 1\n', ['1:4 RPT1042']],
    ['unclosed quote', 'a: "x\nb: 1\n', ['1:4 RPT1041']],
    ['a colon in text', 'a: 说明: 无\nb: 1\n', ['1:6 RPT1040']],
    ['one Tab, one error at the Tab', 'a:\n  b: 1\n\tc: 2\n  d: 3\n', ['3:1 RPT1002']],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', ['3:1 RPT1003']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['2:1 RPT1004']],
    ['a list at the top', '- 1\n- 2\n', ['1:1 RPT2002']],
  ])('%s', (_name, content, expected) => {
    expect(codes(write(`${_name}.yaml`, content))).toEqual(expected);
  });

  // A duplicate key or a blank item spoils one value: its error is reported once, and the rest of
  // the file is still checked in the same run (here a wrong count further down).
  test.each([
    ['duplicate key', 'punishment: 45 ', 'punishment: 45\n  punishment: 46 ', 'punishment: 46', 'RPT1001', 3],
    ['blank cells in a row', 'new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, , 0, , 0, 0, 0]', 'new: [0, ,', 'RPT1012', 12],
  ])('%s: reported once, and the rest of the file is still checked', (name, from, to, needle, code, column) => {
    const text = seedText.replace(from, to).replace('licensing: 49255', 'licensing: -1');
    const line = (n: string) => text.split('\n').findIndex((l) => l.includes(n)) + 1;
    expect(codes(write(`${name}.yaml`, text))).toEqual(
      [`${line('licensing: -1')}:14 RPT2008`, `${line(needle)}:${column} ${code}`].sort((a, b) => parseInt(a) - parseInt(b)),
    );
  });

  test('an alias bomb is refused without expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map(
        (c, i) =>
          `${c}: &${c} [${Array(9)
            .fill('*' + 'abcdefgh'[i])
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(codes(write('bomb.yaml', bomb + '\n'))).toEqual(['- RPT1005']);
  });

  test('none of these print a stack trace through the CLI', async () => {
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const r = await runReport(['validate', ...files, dir, path.join(dir, 'missing.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(/TypeError|ReferenceError|内部错误/);
  });
});
