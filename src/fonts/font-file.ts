/**
 * Is a named font file something the PDF renderer can open? Decided from stat and the first four
 * bytes only, so a folder, a device such as /dev/zero, a FIFO (which would block a read forever) or a
 * huge file is refused without opening or reading it.
 */
import type { Host } from '../host';
import { readRange } from './sfnt';

/**
 * The largest font file accepted. Real CJK TrueType files are 10–25 MB and a .ttc collection up to
 * ~40 MB; 64 MiB leaves room for those while refusing disk images, videos and the like, which would
 * otherwise be read whole into memory by every render worker.
 */
export const FONT_FILE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Why a font file cannot be used. */
export type FontFileProblem =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'special' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'web-font' }
  | { kind: 'not-a-font' }
  | { kind: 'damaged'; reason: string };

/** sfnt signatures: TrueType (00010000 and Apple's 'true'), CFF OpenType ('OTTO'), a collection ('ttcf'). */
const FONT_SIGNATURES: readonly string[] = ['00010000', '74727565', '4f54544f', '74746366'];
/** 'wOFF' and 'wOF2': web fonts, compressed; pdfkit cannot subset them in reasonable time. */
const WEB_FONT_SIGNATURES: readonly string[] = ['774f4646', '774f4632'];

/** The problem with a font file, or undefined when it looks like a font (its tables are checked by cmap.ts). */
export function inspectFontFile(host: Host, file: string): FontFileProblem | undefined {
  const stat = host.statFile(file);
  if (stat.kind !== 'file') return stat;
  if (stat.size > FONT_FILE_LIMIT_BYTES) return { kind: 'too-large', size: stat.size };
  let head: Uint8Array;
  try {
    head = readRange(host, file, 0, 4);
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const signature = Buffer.from(head).toString('hex');
  if (FONT_SIGNATURES.includes(signature)) return undefined;
  return WEB_FONT_SIGNATURES.includes(signature) ? { kind: 'web-font' } : { kind: 'not-a-font' };
}
