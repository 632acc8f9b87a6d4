/**
 * A PDF's streams measured before pdfjs decodes them (src/import/pdf-streams.ts): the decoders of
 * each filter that expands read what the PDF reference says they read, stop at their cap, and a
 * stream behind any chain of them (Flate, LZW, RunLength, ASCII85, ASCIIHex) past the limit is
 * refused as too big, while the same filters under the limit pass.
 */
import * as zlib from 'node:zlib';
import { ascii85Capped, asciiHex, checkStreamSizes, lzwCapped, MAX_STREAM_BYTES, runLengthCapped } from '../src/import/pdf-streams';
import { ImportError } from '../src/import/reader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const files = require('./hostile/import-files') as {
  pdfWith(content: Buffer, filter: string): Buffer;
  lzwPack(codes: number[], early?: number): Buffer;
  lzwBomb(kilobytes: number): Buffer;
  runLengthBomb(megabytes: number): Buffer;
  ascii85(data: Buffer): Buffer;
  lzwBombPdf(kilobytes: number): Buffer;
  runLengthBombPdf(megabytes: number): Buffer;
  ascii85FlateBombPdf(megabytes: number): Buffer;
  bombPdf(megabytes: number): Buffer;
  inflatingTo(megabytes: number): Buffer;
};

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
/** The error `run` throws, or 'none'. */
const thrown = (run: () => void) => {
  try {
    run();
    return 'none';
  } catch (error) {
    return error instanceof ImportError ? `${error.kind}: ${error.en}` : String(error);
  }
};

describe('decoders', () => {
  it('LZW: the example of PDF 32000 7.4.4.2, the entry being made (KwKwK), EarlyChange 0, and a stop at the cap', () => {
    expect(latin1(lzwCapped(Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), 100))).toBe('-----A---B');
    expect(latin1(lzwCapped(files.lzwPack([256, 65, 66, 258, 259, 260, 257]), 100))).toBe('ABABBAABB');
    // The bomb's codes: its 1 KB decode to 9.99 MB of spaces.
    const bomb = lzwCapped(files.lzwBomb(1), 1 << 30);
    expect([bomb.length, bomb.every((b) => b === 0x20)]).toEqual([9_992_917, true]);
    expect(thrown(() => lzwCapped(files.lzwBomb(1), 1 << 20))).toBe('too-big: a stream of the PDF inflates to more than 1 MB and is refused');
    // With EarlyChange 0 the width grows one code later: past 512 entries, the same codes read the same only so.
    const codes = [256, 65, ...Array.from({ length: 400 }, (_, i) => 258 + i), 257];
    const decoded = lzwCapped(files.lzwPack(codes), 1 << 20);
    expect(decoded.length).toBe((401 * 402) / 2); // lengths 1, 2, … 401
    expect(Buffer.from(lzwCapped(files.lzwPack(codes, 0), 1 << 20, 0)).equals(Buffer.from(decoded))).toBe(true);
    expect(lzwCapped(files.lzwPack(codes, 0), 1 << 20).length).not.toBe(decoded.length);
  });

  it('RunLength, ASCII85 and ASCIIHex as the reference says; RunLength and ASCII85 stop at the cap', () => {
    expect(latin1(runLengthCapped(Buffer.from([2, 65, 66, 67, 254, 68, 128, 69]), 100))).toBe('ABCDDD');
    expect(thrown(() => runLengthCapped(files.runLengthBomb(1), 1 << 20))).toMatch(/^too-big/);
    const text = Buffer.from('政府信息公开\0\0\0\0 report!', 'utf8');
    expect(Buffer.from(ascii85Capped(files.ascii85(text), 100)).equals(text)).toBe(true);
    expect(latin1(ascii85Capped(Buffer.from('87cURD]i,"Ebo80~>'), 100))).toBe('Hello World!');
    expect(thrown(() => ascii85Capped(Buffer.from('z'.repeat(300_000)), 1 << 20))).toMatch(/^too-big/);
    expect(latin1(asciiHex(Buffer.from('48 65\n6c6C 6>7')))).toBe('Hell`');
  });
});

describe('checkStreamSizes', () => {
  const content = Buffer.from('BT /F1 9 Tf 72 700 Td (a) Tj ET\n'.repeat(1000), 'latin1');
  it.each([
    ['LZW', () => files.lzwBombPdf(32)],
    ['RunLength', () => files.runLengthBombPdf(2)],
    ['Flate behind ASCII85', () => files.ascii85FlateBombPdf(128)],
    ['Flate behind ASCIIHex', () => files.pdfWith(Buffer.from(`${files.inflatingTo(128).toString('hex')}>`), '[/AHx /Fl]')],
    ['Flate', () => files.bombPdf(128)],
  ])('refuses a %s stream that expands past the limit', (_, make) => {
    expect(thrown(() => checkStreamSizes(make()))).toBe(`too-big: a stream of the PDF inflates to more than ${MAX_STREAM_BYTES >> 20} MB and is refused`);
  });

  it('passes the same filters under the limit', () => {
    const flate = zlib.deflateSync(content);
    for (const [data, filter] of [
      [files.ascii85(flate), '[/ASCII85Decode /FlateDecode]'],
      [Buffer.from(`${flate.toString('hex')}>`), '[/ASCIIHexDecode /FlateDecode]'],
      [Buffer.concat([Buffer.from([127]), content.subarray(0, 128), Buffer.from([128])]), '/RunLengthDecode'],
      [files.lzwBomb(1), '/LZWDecode'],
    ] as const) {
      expect(thrown(() => checkStreamSizes(files.pdfWith(data, filter)))).toBe('none');
    }
  });
});
