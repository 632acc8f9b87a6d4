/**
 * A PDF's compressed streams measured before pdfjs decodes any: pdfjs inflates a stream into one
 * growing buffer outside the JavaScript heap, so a 4 MB stream that inflates to gigabytes escapes
 * the worker's heap limit. Each Flate stream (chained Flate filters too) is inflated here with
 * zlib's output cap, and the file is refused when one stream or all of them together inflate past
 * their limits. Images are skipped: the reader never decodes them (pdf-reader.ts, maxImageSize 0).
 * Other filters (LZW, RunLength, ASCII85 before Flate) are not measured here; the worker's limits
 * (core/render-workers.ts) still stop them.
 */
import { constants, inflateSync } from 'node:zlib';
import { ImportError } from './reader';

/** The most one stream may inflate to: fonts of a whole CJK face run to ~20 MB, a page's content to a few MB. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** The most all the streams of a file together may inflate to. */
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

/** Inflates `data` up to `cap` bytes; undefined when the data is not a valid zlib stream (pdfjs reports that). */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    // A truncated stream is read as far as it goes, as pdfjs does.
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(cap / 1024 / 1024, false);
    return undefined;
  }
}

/** Throws ImportError (too-big) when a Flate stream of the PDF inflates past MAX_STREAM_BYTES, or all of them past MAX_TOTAL_BYTES. */
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
    if (/\/Subtype\s*\/Image/.test(dict) || !/^\[?\s*\/(FlateDecode|Fl)\b/.test(filters)) continue;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
    const end = length !== undefined ? Math.min(text.length, start + Number(length)) : text.indexOf('endstream', start);
    let data: Uint8Array | undefined = bytes.subarray(start, end < 0 ? text.length : end);
    // Each leading Flate filter in turn: a Flate of a Flate is the classic bomb.
    for (const filter of filters.match(/\/\w+/g) ?? []) {
      if (!/^\/(FlateDecode|Fl)$/.test(filter) || data === undefined) break;
      data = inflateCapped(data, MAX_STREAM_BYTES);
      total += data?.length ?? 0;
      if (total > MAX_TOTAL_BYTES) throw tooBig(MAX_TOTAL_BYTES / 1024 / 1024, true);
    }
    keyword.lastIndex = Math.max(keyword.lastIndex, end);
  }
}
