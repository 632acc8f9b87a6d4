/**
 * Hostile import sources, made at test time (never committed): PDFs whose content stream expands
 * to gigabytes (Flate, LZW, RunLength, ASCII85 around Flate), a PDF with a million text items, a
 * large uncompressed content stream, an HTML page of deeply nested spans, a GB2312 page and a UTF-8
 * text with invalid bytes. Used by import.cases.js and unit tests.
 */
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');

/** A one-page PDF around the content stream `content` (bytes, with its /Filter entry), with a cross-reference table. */
function pdfWith(content, filter = '') {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null, // the content stream
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  const push = (buffer) => {
    parts.push(buffer);
    length += buffer.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    if (body !== null) return push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    push(Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length}${filter ? ` /Filter ${filter}` : ''} >>\nstream\n`, 'latin1'));
    push(content);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  const xref = length;
  const table = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/**
 * A zlib stream of `megabytes` MB of spaces, made without deflating them all: one fully flushed
 * deflate block of 1 MB (it refers to nothing before it) repeated, then the end and the checksum.
 */
function inflatingTo(megabytes) {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const deflate = zlib.createDeflate({ level: 9 });
  const head = [];
  deflate.on('data', (d) => head.push(d));
  // zlib's output for one chunk with a full flush: 2 header bytes, then the block (synchronous via _processChunk).
  const first = deflate._processChunk(chunk, zlib.constants.Z_FULL_FLUSH);
  const block = first.subarray(2);
  const end = Buffer.from([0x03, 0x00]); // an empty final fixed-Huffman block
  // Adler-32 of n spaces: a = 1 + 32n, b = n + 32·n(n+1)/2 (mod 65521).
  const n = BigInt(megabytes) << 20n;
  const a = (1n + 32n * n) % 65521n;
  const b = (n + 16n * n * (n + 1n)) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  deflate.close();
  return Buffer.concat([first.subarray(0, 2), ...Array.from({ length: megabytes }, () => block), end, adler]);
}

/** A 4 MB-ish PDF whose one content stream inflates to `megabytes` MB. */
const bombPdf = (megabytes = 4096) => pdfWith(inflatingTo(megabytes), '/FlateDecode');

/**
 * LZW codes (PDF 32000 7.4.4, EarlyChange 1) packed in bits, the code width following the decoder's
 * dictionary as it grows: 9 bits after a clear, one more each time the next entry reaches a power of two
 * (`early` 1, the default) or passes it (`early` 0: the EarlyChange 0 of DecodeParms).
 */
function lzwPack(codes, early = 1) {
  const bytes = [];
  let next = 258;
  let width = 9;
  let started = false;
  let acc = 0;
  let bits = 0;
  for (const code of codes) {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      bytes.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
    if (code === 256) {
      next = 258;
      width = 9;
      started = false;
      continue;
    }
    if (started && next < 4096) next++;
    started = true;
    if (next + early >= 1 << width && width < 12) width++;
  }
  if (bits > 0) bytes.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(bytes);
}

/**
 * An LZW stream of spaces that expands about 2,500 times: each code is the entry being made (the
 * previous output and its first byte), one byte longer each time, until the dictionary is full; then
 * its longest entry (3,839 bytes) again and again, 12 bits each. `kilobytes` KB of codes.
 */
function lzwBomb(kilobytes) {
  const codes = [256, 0x20];
  for (let code = 258; code < 4096; code++) codes.push(code);
  const repeats = Math.ceil((kilobytes * 1024 * 8) / 12);
  for (let i = 0; i < repeats; i++) codes.push(4095);
  codes.push(257);
  return lzwPack(codes);
}

/** A RunLength stream of `megabytes` MB that decodes to 64 times as many spaces: each pair is 128 copies of one byte. */
const runLengthBomb = (megabytes) => Buffer.alloc(megabytes << 20, Buffer.from([129, 0x20]));

/** ASCII85 (7.4.3) of `data`, ended by ~> (a group of four zeros written as z). */
function ascii85(data) {
  const out = [];
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(data.length, i + 4));
    const n = Math.min(4, data.length - i);
    let value = chunk.readUInt32BE(0);
    if (value === 0 && n === 4) {
      out.push('z');
      continue;
    }
    const digits = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(0x21 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out.push(digits.slice(0, n + 1).join(''));
  }
  return Buffer.from(`${out.join('')}~>`, 'latin1');
}

/** A PDF whose content stream is an LZW bomb of `kilobytes` KB (decodes to about 2,500 times that). */
const lzwBombPdf = (kilobytes = 256) => pdfWith(lzwBomb(kilobytes), '/LZWDecode');
/** A PDF whose content stream is a RunLength bomb of `megabytes` MB (decodes to 64 times that). */
const runLengthBombPdf = (megabytes = 4) => pdfWith(runLengthBomb(megabytes), '/RunLengthDecode');
/** A PDF whose content stream is a Flate bomb (to `megabytes` MB) behind ASCII85: [/ASCII85Decode /FlateDecode]. */
const ascii85FlateBombPdf = (megabytes = 4096) => pdfWith(ascii85(inflatingTo(megabytes)), '[/ASCII85Decode /FlateDecode]');

/** manyItemsPdf's files by count: two hostile cases read the same one, which takes about a second of CPU to make. */
const manyItems = new Map();

/** A PDF whose page shows `count` one-letter text items, each at its own place (compressed: a few hundred KB). */
function manyItemsPdf(count = 1_000_000) {
  if (!manyItems.has(count)) {
    const ops = [];
    for (let i = 0; i < count; i++) ops.push(`BT /F1 6 Tf ${(i % 90) * 6} ${(Math.floor(i / 90) % 130) * 6} Td (a) Tj ET\n`);
    manyItems.set(count, pdfWith(zlib.deflateSync(Buffer.from(ops.join(''), 'latin1')), '/FlateDecode'));
  }
  return manyItems.get(count);
}

/** A PDF whose uncompressed content stream is about `megabytes` MB of text and path operators. */
function bigContentPdf(megabytes = 4) {
  const line = 'BT /F1 9 Tf 72 700 Td (政府信息公开) Tj ET 10 10 m 200 10 l S\n';
  const ops = line.repeat(Math.ceil((megabytes << 20) / line.length));
  return pdfWith(Buffer.from(ops, 'latin1'));
}

/** An HTML page of `depth` nested <span>s around one line of text (62 KB at depth 4,500). */
const nestedSpansHtml = (depth = 4500) =>
  Buffer.from(`<!DOCTYPE html><html><body>${'<span>'.repeat(depth)}一、总体情况${'</span>'.repeat(depth)}</body></html>`, 'utf8');

/**
 * Where the bad-byte sources below are damaged: after each of these texts of the seed report — in the
 * contact's telephone number, a paragraph of 一、总体情况, a row label of 表二 and the organ's signature (in this order).
 */
const DAMAGED_AFTER = ['电话：0795-36', '2023年，我区始终坚持', '\t行政规范性', '宜春经济技术开发区管理委员'];

/** `text` as bytes (`encode`), with `bad` inserted after the first occurrence of each DAMAGED_AFTER text. */
function damaged(text, encode, bad) {
  const parts = [];
  let from = 0;
  for (const after of DAMAGED_AFTER) {
    const at = text.indexOf(after, from) + after.length;
    if (at < after.length) throw new Error(`not in the seed: ${after}`);
    parts.push(encode(text.slice(from, at)), bad);
    from = at;
  }
  parts.push(encode(text.slice(from)));
  return Buffer.concat(parts);
}

/**
 * A report page in GB2312, one <p> per line of `text`, with invalid bytes (0xFF is never a GB18030
 * byte; 0xA1 0x20 is a lead byte without its trail) in the places of DAMAGED_AFTER.
 */
function badGb2312Html(text) {
  const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>\n${text
    .split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('\n')}\n</body></html>\n`;
  return damaged(page, iconvGb18030, Buffer.from([0xff, 0xa1, 0x20]));
}

/** The report `text` as UTF-8 with invalid bytes (a lone continuation byte, a lead byte cut short) in the places of DAMAGED_AFTER. */
const badUtf8Text = (text) => damaged(text, (t) => Buffer.from(t, 'utf8'), Buffer.from([0x80, 0xe6, 0x94]));

/** Text as GB18030 bytes (Node's TextDecoder decodes GB18030 but has no encoder: a table built by decoding every two-byte code). */
let gbTable;
function iconvGb18030(text) {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.of(lead, trail));
          if (!gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
        } catch {
          // not a character
        }
      }
    }
  }
  const bytes = [];
  for (const ch of text) {
    if (ch.codePointAt(0) < 0x80) bytes.push(ch.codePointAt(0));
    else bytes.push(...(gbTable.get(ch) || [0x3f]));
  }
  return Buffer.from(bytes);
}

const write = (file, bytes) => fs.writeFileSync(file, bytes);

module.exports = {
  pdfWith,
  inflatingTo,
  bombPdf,
  lzwPack,
  lzwBomb,
  runLengthBomb,
  ascii85,
  lzwBombPdf,
  runLengthBombPdf,
  ascii85FlateBombPdf,
  manyItemsPdf,
  bigContentPdf,
  nestedSpansHtml,
  badGb2312Html,
  badUtf8Text,
  DAMAGED_AFTER,
  iconvGb18030,
  write,
};
