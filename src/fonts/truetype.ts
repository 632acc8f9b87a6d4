/**
 * Reading and subsetting TrueType (glyf) fonts straight from their bytes. fontkit decodes whole
 * tables into objects (hmtx and loca have 30,000+ entries in a CJK face) and every glyph's outline
 * to subset it, ~60 ms a report; a PDF subset only needs the glyphs' bytes copied, components
 * renumbered, and hmtx/loca rebuilt. CFF (OTF) fonts keep fontkit's subsetter.
 */

import { FontDataError } from './font-data-error';

interface TableRecord {
  offset: number;
  length: number;
}

/** Flags of a composite glyph component (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Where the outlines of a face come from: the glyf table's length, and the bytes of each range within
 * it (end excluded; TrueTypeTables checks them against the length), read together. The bytes in
 * memory, or the font file itself (sparse-font.ts).
 */
export interface OutlineSource {
  readonly length: number;
  read(ranges: readonly (readonly [number, number])[]): Uint8Array[];
}

/** Outlines from the glyf table among `bytes`. */
const outlinesIn = (bytes: Uint8Array, glyf: TableRecord): OutlineSource => ({
  length: glyf.length,
  read: (ranges) => ranges.map(([start, end]) => bytes.subarray(glyf.offset + start, glyf.offset + end)),
});

/** The raw tables of one TrueType face inside its file (a .ttc holds several faces). */
export class TrueTypeTables {
  private readonly view: DataView;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;
  private readonly outlines: OutlineSource;

  /** `outlines`: where the glyf bytes are read, when not from `bytes` (a face opened without them). */
  constructor(
    readonly bytes: Uint8Array,
    readonly tables: Readonly<Record<string, TableRecord>>,
    outlines?: OutlineSource,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.outlines = outlines ?? outlinesIn(bytes, this.table('glyf'));
  }

  /** True when the face has TrueType outlines this module can subset. */
  static supports(tables: Readonly<Record<string, TableRecord | undefined>>): boolean {
    return ['glyf', 'loca', 'hmtx', 'hhea', 'head', 'maxp'].every((tag) => tables[tag] !== undefined);
  }

  private table(tag: string): TableRecord {
    const record = this.tables[tag];
    if (!record) throw new Error(`font has no ${tag} table`);
    return record;
  }

  /** Advance width and left side bearing of a glyph, in font units. */
  metrics(gid: number): { advance: number; bearing: number } {
    const hmtx = this.table('hmtx').offset;
    const last = this.numberOfHMetrics - 1;
    const advance = this.view.getUint16(hmtx + 4 * Math.min(gid, last));
    const bearing =
      gid <= last ? this.view.getInt16(hmtx + 4 * gid + 2) : this.view.getInt16(hmtx + 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics));
    return { advance, bearing };
  }

  /** The glyf bytes of each glyph (empty for a glyph without outline), read together. */
  glyphBytes(gids: readonly number[]): Uint8Array[] {
    const loca = this.table('loca');
    const ranges = gids.map((gid): [number, number] => {
      const at = loca.offset + (this.longLoca ? 4 : 2) * gid;
      if (gid < 0 || (this.longLoca ? 4 : 2) * (gid + 2) > loca.length) throw new FontDataError(`glyph ${gid} is not in the loca table`);
      const [start, end] = this.longLoca
        ? [this.view.getUint32(at), this.view.getUint32(at + 4)]
        : [this.view.getUint16(at) * 2, this.view.getUint16(at + 2) * 2];
      // A range past the table's end is a damaged font, not a short glyph.
      if (start > end || end > this.outlines.length) throw new FontDataError('glyph outside the glyf table');
      return [start, end];
    });
    return this.outlines.read(ranges);
  }

  /**
   * The fixed fields of the post table (what pdfkit reads: italicAngle, isFixedPitch), or undefined
   * without one. fontkit decodes the whole table for them, glyph names included: 250 KB and ~65 ms
   * in LXGW WenKai, whose post table is version 2.
   */
  postHeader(): { italicAngle: number; underlinePosition: number; underlineThickness: number; isFixedPitch: number } | undefined {
    const post = this.tables.post;
    if (!post || post.length < 16) return undefined;
    return {
      italicAngle: this.view.getInt32(post.offset + 4) / 65536,
      underlinePosition: this.view.getInt16(post.offset + 8),
      underlineThickness: this.view.getInt16(post.offset + 10),
      isFixedPitch: this.view.getUint32(post.offset + 12),
    };
  }

  /**
   * A copy of a whole table (its own memory, offset 0), or undefined when the face has none. Not
   * `slice`: on a Node Buffer that is a view, and patching it would write into the font file.
   */
  copy(tag: string): Uint8Array | undefined {
    const record = this.tables[tag];
    return record ? new Uint8Array(this.bytes.subarray(record.offset, record.offset + record.length)) : undefined;
  }
}

/** The subset pdfkit embeds: `includeGlyph` numbers glyphs in order of use (0 is .notdef), `encode` writes the font. */
export class TrueTypeSubset {
  private readonly glyphs: number[] = [0];
  private readonly mapping = new Map<number, number>([[0, 0]]);

  constructor(private readonly font: TrueTypeTables) {}

  includeGlyph(gid: number): number {
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  /** A composite glyph's bytes with its components renumbered (and included). */
  private withComponents(data: Uint8Array): Uint8Array {
    const copy = new Uint8Array(data); // own memory: `data` is a view into the font file
    const view = new DataView(copy.buffer);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      view.setUint16(at + 2, this.includeGlyph(view.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return copy;
    }
  }

  /** The subset font file: head, hhea, maxp, hmtx, loca (long), glyf, and cvt/fpgm/prep as they are. */
  encode(): Uint8Array {
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    let size = 0;
    // Components found in composites are appended to `glyphs` while this loop runs: each pass reads
    // the glyphs not read yet together (one opening of the file when the outlines are read from it).
    while (parts.length < this.glyphs.length) {
      for (const raw of this.font.glyphBytes(this.glyphs.slice(parts.length))) {
        const data = raw.length >= 10 && new DataView(raw.buffer, raw.byteOffset).getInt16(0) < 0 ? this.withComponents(raw) : raw;
        offsets.push(size);
        parts.push(data);
        size += data.length + ((4 - (data.length % 4)) % 4);
      }
    }
    offsets.push(size);
    const glyf = new Uint8Array(size);
    parts.forEach((part, i) => glyf.set(part, offsets[i] as number));
    const count = this.glyphs.length;
    const loca = new Uint8Array(4 * (count + 1));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((offset, i) => locaView.setUint32(4 * i, offset));
    const hmtx = new Uint8Array(4 * count);
    const hmtxView = new DataView(hmtx.buffer);
    this.glyphs.forEach((gid, i) => {
      const { advance, bearing } = this.font.metrics(gid);
      hmtxView.setUint16(4 * i, advance);
      hmtxView.setInt16(4 * i + 2, bearing);
    });
    const head = this.font.copy('head') as Uint8Array;
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, recomputed below
    headView.setInt16(50, 1); // long loca offsets
    const hhea = this.font.copy('hhea') as Uint8Array;
    new DataView(hhea.buffer).setUint16(34, count);
    const maxp = this.font.copy('maxp') as Uint8Array;
    new DataView(maxp.buffer).setUint16(4, count);
    const tables: [string, Uint8Array][] = [
      ['cvt ', this.font.copy('cvt ')],
      ['fpgm', this.font.copy('fpgm')],
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
      ['prep', this.font.copy('prep')],
    ].filter((entry): entry is [string, Uint8Array] => entry[1] !== undefined);
    const file = writeSfnt(tables);
    // checkSumAdjustment makes the whole file sum to 0xB1B0AFBA (OpenType head table).
    const headOffset = new DataView(file.buffer).getUint32(12 + 16 * tables.findIndex(([tag]) => tag === 'head') + 8);
    new DataView(file.buffer).setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
    return file;
  }
}

/** Sum of a byte range as big-endian uint32 words (zero-padded), modulo 2^32. */
function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let tail = 0;
    for (let i = whole; i < whole + 4; i++) tail = (tail << 8) | (i < data.length ? (data[i] as number) : 0);
    sum = (sum + (tail >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * An sfnt file of the given tables in the order given (OpenType sorts them by tag), each 4-byte
 * aligned; a table's checksum as given (copied from the file it was read from) or computed.
 */
export function writeSfnt(tables: (readonly [string, Uint8Array, number?])[]): Uint8Array {
  const count = tables.length;
  const directory = 12 + 16 * count;
  const size = tables.reduce((total, [, data]) => total + data.length + ((4 - (data.length % 4)) % 4), directory);
  const file = new Uint8Array(size);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = directory;
  tables.forEach(([tag, data, sum], i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) view.setUint8(record + c, tag.charCodeAt(c));
    view.setUint32(record + 4, sum ?? checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    file.set(data, offset);
    offset += data.length + ((4 - (data.length % 4)) % 4);
  });
  return file;
}
