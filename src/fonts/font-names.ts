/**
 * The family names of every face of a font file, read from its name table (name IDs 1 and 16, every
 * platform and language: "仿宋_GB2312" and "FangSong_GB2312" alike) with a few bounded reads, so
 * fonts are recognised by what they are, not by what their file is called.
 */
import type { Host } from '../host';
import { FontDataError } from './font-data-error';
import { faceOffsets, FontBytes, NAME_ID, nameStrings, readDirectory } from './sfnt';

/** One face of a font file as the resolver sees it. */
export interface FaceNames {
  /** Its PostScript name, which picks it out of a collection (.ttc); absent for the only face of a file. */
  postscriptName?: string;
  /** Its family names, typographic (ID 16) before legacy (ID 1), each once. */
  families: string[];
  /** OS/2 usWeightClass (400 is Regular), 400 without an OS/2 table: picks the Regular face of a family with several. */
  weight: number;
}

/**
 * The usable faces of a font file and their names; a face the renderer could not use (a table
 * missing or outside the file) is left out, and a file that is not a font has none. Throws
 * FontDataError only when the file cannot be read as a font at all.
 */
export function readFaceNames(host: Host, file: string, size: number): FaceNames[] {
  const bytes = new FontBytes(host, file, size);
  const offsets = faceOffsets(bytes);
  const collection = offsets.length > 1 || bytes.read(0, 4).tag(0) === 'ttcf';
  return offsets.flatMap((offset): FaceNames[] => {
    try {
      const tables = readDirectory(bytes, offset);
      const names = nameStrings(bytes, tables, [NAME_ID.typographicFamily, NAME_ID.family, NAME_ID.postscript]);
      const families = [
        ...new Set([...names.filter((n) => n.id === NAME_ID.typographicFamily), ...names.filter((n) => n.id === NAME_ID.family)].map((n) => n.text)),
      ];
      const postscriptName = names.find((n) => n.id === NAME_ID.postscript)?.text;
      // A face of a collection is reached by its PostScript name only.
      if (families.length === 0 || (collection && !postscriptName)) return [];
      const os2 = tables.get('OS/2');
      const weight = os2 && os2.length >= 6 ? bytes.read(os2.offset + 4, 2).u16(0) : 400;
      return [{ ...(collection && postscriptName ? { postscriptName } : {}), families, weight }];
    } catch (error) {
      if (error instanceof FontDataError) return [];
      throw error;
    }
  });
}
