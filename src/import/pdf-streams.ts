/**
 * A PDF's encoded streams measured before pdfjs decodes any: pdfjs decodes a stream into one growing
 * buffer outside the JavaScript heap, so a 4 MB stream that expands to gigabytes escapes the worker's
 * heap limit. Each stream's filter chain is decoded here, stage by stage, by decoders that stop at
 * the limit, and the file is refused when one stage of one stream or all of them together pass their
 * limits. The filters that expand are all measured: Flate (zlib's output cap), LZW (the output of one
 * code can be as long as the dictionary's longest entry, ~4 KB, so no bound from the length is
 * useful: it is decoded), RunLength (at most 128 bytes from 2, 64 times its input: decoded too, as a
 * 4 MB stream may reach 256 MB), and the ASCII wrappers a Flate or LZW stream may be behind (ASCII85's
 * `z` makes 4 bytes of 1; ASCIIHex halves). A predictor (DecodeParms) never makes data longer and is
 * not applied. A chain stops at any other filter (DCT, JPX, CCITT, JBIG2: images, which the reader
 * never decodes, pdf-reader.ts maxImageSize 0), and images are skipped.
 */
import { constants, inflateSync } from 'node:zlib';
import { ImportError } from './reader';

/** The most one stream may decode to: fonts of a whole CJK face run to ~20 MB, a page's content to a few MB. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** The most all the streams of a file together may decode to. */
export const MAX_TOTAL_BYTES = 192 * 1024 * 1024;

/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

const tooBig = (limitMb: number, whole: boolean) =>
  new ImportError(
    whole ? `PDF 中的压缩数据解压后超过 ${limitMb} MB，拒绝读取` : `PDF 中的一段压缩数据解压后超过 ${limitMb} MB，拒绝读取`,
    whole
      ? `the PDF's compressed data inflates to more than ${limitMb} MB and is refused`
      : `a stream of the PDF inflates to more than ${limitMb} MB and is refused`,
    'too-big',
  );

/** Bytes written one or a run at a time into a buffer that doubles as needed, never past `cap` (then: too big). */
class Output {
  private buffer = Buffer.alloc(4096);
  length = 0;
  constructor(private readonly cap: number) {}

  private room(n: number): void {
    if (this.length + n > this.cap) throw tooBig(this.cap / 1024 / 1024, false);
    if (this.length + n <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.min(this.cap, Math.max(this.buffer.length * 2, this.length + n)));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.length++] = b;
  }

  /** `count` copies of the byte `b`. */
  fill(b: number, count: number): void {
    this.room(count);
    this.buffer.fill(b, this.length, this.length + count);
    this.length += count;
  }

  /** The bytes `from` … `to` of `source`. */
  copy(source: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    this.buffer.set(source.subarray(from, to), this.length);
    this.length += to - from;
  }

  /** The bytes `from` … `to` written already, again (byte by byte: the ranges may overlap). */
  again(from: number, to: number): void {
    this.room(to - from);
    for (let i = from; i < to; i++) this.buffer[this.length++] = this.buffer[i] as number;
  }

  at(i: number): number {
    return this.buffer[i] as number;
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Flate, up to `cap` bytes; undefined when the data is not a valid zlib stream (pdfjs reports that). */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    // A truncated stream is read as far as it goes, as pdfjs does.
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(cap / 1024 / 1024, false);
    return undefined;
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** ASCII85 (PDF 32000 7.4.3): groups of five characters ! … u as four bytes, `z` as four zeros, up to `~>`. */
export function ascii85Capped(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let group = 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break; // ~> ends the data
    if (isSpace(c)) continue;
    if (c === 0x7a && count === 0) {
      out.fill(0, 4);
      continue;
    }
    if (c < 0x21 || c > 0x75) break; // not ASCII85: read as far as it goes, as pdfjs does
    group = group * 85 + (c - 0x21);
    if (++count === 5) {
      for (let shift = 24; shift >= 0; shift -= 8) out.byte((group >>> shift) & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    // A final partial group: padded with u, its first count - 1 bytes kept.
    for (let k = count; k < 5; k++) group = group * 85 + 84;
    for (let k = 0; k < count - 1; k++) out.byte((group >>> (24 - 8 * k)) & 0xff);
  }
  return out.view();
}

/** ASCIIHex (7.4.2): two hex digits a byte, white space ignored, up to `>`; it halves its input, so needs no cap beyond it. */
export function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Output(data.length);
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out.byte((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.byte(high << 4);
  return out.view();
}

/** RunLength (7.4.5): n < 128 copies the next n + 1 bytes, n > 128 repeats the next byte 257 − n times, 128 ends. */
export function runLengthCapped(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  for (let i = 0; i < data.length;) {
    const n = data[i++] as number;
    if (n === 128) break;
    if (n < 128) {
      const end = Math.min(data.length, i + n + 1);
      out.copy(data, i, end);
      i = end;
    } else if (i < data.length) out.fill(data[i++] as number, 257 - n);
  }
  return out.view();
}

/**
 * LZW (7.4.4): codes of 9 to 12 bits, 256 clears the dictionary, 257 ends. Each new entry is the
 * previous output and the first byte of the next, which follows it in the output: so an entry is
 * kept as the (start, length) of that run of the output, and no entry is stored as bytes. `early` is
 * the EarlyChange parameter: the code width grows one code early (the default, 1) or not (0).
 */
export function lzwCapped(data: Uint8Array, cap: number, early = 1): Uint8Array {
  const out = new Output(cap);
  const starts = new Int32Array(4096);
  const lengths = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let previous = -1; // where the previous output starts (-1: none since a clear)
  let previousLength = 0;
  let bits = 0;
  let buffered = 0;
  for (let i = 0; ;) {
    while (bits < width && i < data.length) {
      buffered = ((buffered << 8) | (data[i++] as number)) & 0xffffff;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buffered >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    const start = out.length;
    if (code < 256) out.byte(code);
    else if (code < next) out.again(starts[code] as number, (starts[code] as number) + (lengths[code] as number));
    else if (code === next && previous >= 0) {
      // The entry being made: the previous output and its own first byte.
      out.again(previous, previous + previousLength);
      out.byte(out.at(previous));
    } else break; // not LZW data: read as far as it goes, as pdfjs does
    if (previous >= 0 && next < 4096) {
      starts[next] = previous;
      lengths[next] = previousLength + 1;
      next++;
    }
    previous = start;
    previousLength = out.length - start;
    if (next + early >= 1 << width && width < 12) width++;
  }
  return out.view();
}

/** One stage of a filter chain, decoded up to `cap`; undefined for a filter not measured (the chain stops there) or data it cannot read. */
function decodeStage(filter: string, data: Uint8Array, cap: number, dict: string): Uint8Array | undefined {
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return inflateCapped(data, cap);
    case 'LZWDecode':
    case 'LZW':
      return lzwCapped(data, cap, /\/EarlyChange\s+0\b/.test(dict) ? 0 : 1);
    case 'RunLengthDecode':
    case 'RL':
      return runLengthCapped(data, cap);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85Capped(data, cap);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(data);
    default:
      return undefined;
  }
}

/** Throws ImportError (too-big) when a stream of the PDF decodes past MAX_STREAM_BYTES, or all of them past MAX_TOTAL_BYTES. */
export function checkStreamSizes(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const keyword = /stream(?:\r\n|\r|\n)/g;
  let total = 0;
  for (let match = keyword.exec(text); match !== null; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    const before = text.slice(Math.max(0, match.index - DICT_WINDOW), match.index);
    // The keyword follows its dictionary's '>>'; "endstream" and text that merely says "stream" do not.
    if (!/>>\s*$/.test(before)) continue;
    const dict = before.slice(before.lastIndexOf('obj') + 1);
    const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
    if (/\/Subtype\s*\/Image/.test(dict) || filters === '') continue;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
    const end = length !== undefined ? Math.min(text.length, start + Number(length)) : text.indexOf('endstream', start);
    let data: Uint8Array | undefined = bytes.subarray(start, end < 0 ? text.length : end);
    // Each filter in turn: a Flate of a Flate, a Flate behind ASCII85, an LZW or RunLength bomb.
    for (const filter of filters.match(/\/\w+/g) ?? []) {
      data = decodeStage(filter.slice(1), data, MAX_STREAM_BYTES, dict);
      if (data === undefined) break;
      total += data.length;
      if (total > MAX_TOTAL_BYTES) throw tooBig(MAX_TOTAL_BYTES / 1024 / 1024, true);
    }
    keyword.lastIndex = Math.max(keyword.lastIndex, end);
  }
}
