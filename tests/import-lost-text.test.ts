/**
 * Text lost to bad bytes in an imported source: each place is one RPT1035 at its line and column
 * that names the field of the YAML that lost text there (organ, contact phone, a paragraph) or, for
 * text no field holds (a table's row label), the text around it; the YAML marks each such field with
 * U+FFFD and a comment, and holds no other trace of the bytes (no mark, no silent U+FFFD).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { importBytes } from '../src/core/import';
import { decodeMarked } from '../src/import/decode';
import { nodeHost } from '../src/host';
import { FIXTURES } from './helpers/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const files = require('./hostile/import-files') as { badGb2312Html(text: string): Buffer; badUtf8Text(text: string): Buffer };

const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt'), 'utf8');

describe.each([
  ['a GB2312 web page', 'bad.html', files.badGb2312Html(seed), 'GB18030'],
  ['a UTF-8 text', 'bad.txt', files.badUtf8Text(seed), 'UTF-8'],
])('%s with bad bytes in the phone, a paragraph, a row label and the organ', (_, name, bytes, encoding) => {
  const outcome = importBytes(nodeHost(), bytes, { file: name, output: 'bad.yaml' });

  it('reports each place once, naming the field that lost text there', async () => {
    const lost = (await outcome).diagnostics.filter((d) => d.code === 'RPT1035');
    expect(lost.map((d) => d.message.zh.replace(/^.*?列/, ''))).toEqual([
      `有不是 ${encoding} 的字节，这里的文字读不出来：导入的 YAML 中“前言”（/preamble）、“联系方式 › 电话”（/contact/phone）缺了这些字`,
      `有不是 ${encoding} 的字节，这里的文字读不出来：导入的 YAML 中“一、总体情况”（/overview/0）缺了这些字`,
      expect.stringMatching(/^有不是 \S+ 的字节，这里的文字读不出来（“行政规范性\ufffd ?文件”：这段文字不在导入的 YAML 中/),
      `有不是 ${encoding} 的字节，这里的文字读不出来：导入的 YAML 中“发布机关全称”（/organ）缺了这些字`,
    ]);
    expect(lost[3]?.message.en).toMatch(
      /^"bad\.\w+" line \d+, column \d+: bytes that are not [\w-]+; the text here cannot be read: the imported YAML lacks it at \/organ$/,
    );
    // At their lines in the source: the organ's signature is its line 430 (431 in the page, after its <head>).
    expect(lost.map((d) => d.file)).toEqual([name, name, name, name]);
    expect(lost[3]?.message.zh).toMatch(name.endsWith('.txt') ? /第 430 行第 14 列/ : /第 431 行第 17 列/);
  });

  it('writes U+FFFD only in the fields that lost text, each with a comment, and no mark', async () => {
    const { yaml } = await outcome;
    expect(yaml).not.toMatch(/[\ufdd0-\ufdef]/);
    const withLoss = (yaml ?? '').split('\n').filter((line) => line.includes('\ufffd') && !line.includes('# 导入：有读不出的文字'));
    // The one line of the preamble's text holds its comment on the key's line (a block text).
    expect(withLoss).toEqual([]);
    const data = parse(yaml ?? '') as { organ: string; contact: { phone: string }; overview: string[] };
    expect(data.organ).toMatch(/^宜春经济技术开发区管理委员\ufffd ?会$/);
    expect(data.contact.phone).toMatch(/^0795-36\ufffd/);
    expect(data.overview[0]).toMatch(/^2023年，我区始终坚持\ufffd/);
    expect((yaml ?? '').match(/# 导入：有读不出的文字，以 \ufffd 标出（原文第 \d+ 行第 \d+ 列的字节不是 [\w-]+），请对照原文补全/g)).toHaveLength(4);
  });
});

describe('decodeMarked', () => {
  it('marks each run of bad bytes with its place, and counts lines as the source has them', () => {
    const decoded = decodeMarked(Buffer.from([0x61, 0x0d, 0x0a, 0x62, 0xff, 0xfe, 0x63, 0x0d, 0xff]), { label: 'utf-8', skip: 0 });
    expect(decoded.text).toBe('a\r\nb\ufdd0c\r\ufdd1');
    expect(decoded.places).toEqual([
      { line: 2, column: 2, encoding: 'UTF-8' },
      { line: 3, column: 1, encoding: 'UTF-8' },
    ]);
  });

  it('marks nothing in a source that already holds a mark character: its places are still reported', () => {
    const decoded = decodeMarked(Buffer.concat([Buffer.from('\ufdd0x', 'utf8'), Buffer.from([0xff])]), {
      label: 'utf-8',
      skip: 0,
    });
    expect(decoded.text).toBe('\ufdd0x\ufffd');
    expect(decoded.places).toEqual([{ line: 1, column: 3, encoding: 'UTF-8' }]);
  });
});
