/**
 * The faces installed on this machine, by family name: every .ttf/.otf/.ttc in the system font
 * folders (host.fontDirs), each face's names read by font-names.ts. A machine may have hundreds of
 * fonts, so the names are cached in the user's cache folder, keyed by path, size and modification
 * time: a warm run only lists the folders and stats the files. The cache is an optimisation only:
 * unreadable, corrupt or unwritable, it is ignored and the fonts are read again.
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { FONT_FILE_LIMIT_BYTES } from './font-file';
import { readFaceNames, type FaceNames } from './font-names';
import { familyKey } from './official';

/** A face installed on the machine: its file and names. */
export interface SystemFace extends FaceNames {
  file: string;
}

interface CachedFile {
  size: number;
  mtimeMs: number;
  faces: FaceNames[];
}

/** Bumped whenever what is read from a font changes, so an old cache is not trusted. */
const CACHE_VERSION = 1;
export const CACHE_NAME = 'font-names.json';
/** Bounds: a cache larger than this is not read, and no more files than this are kept. */
const CACHE_LIMIT_BYTES = 8 * 1024 * 1024;
const CACHE_LIMIT_FILES = 20000;
/** How deep below a font folder files are looked for (fontconfig folders nest by vendor and format). */
const MAX_DEPTH = 4;

/** The font files under the font folders, each once, in folder order and by name within a folder. */
function fontFiles(host: Host): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number) => {
    const entries = host.readDir(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.directory) {
        if (depth < MAX_DEPTH) visit(full, depth + 1);
      } else if (/\.(ttf|otf|ttc)$/i.test(entry.name) && !seen.has(full)) {
        seen.add(full);
        files.push(full);
      }
    }
  };
  for (const dir of host.fontDirs()) visit(dir, 0);
  return files;
}

const isFaceNames = (value: unknown): value is FaceNames => {
  const face = value as Partial<FaceNames> | null;
  return (
    typeof face === 'object' &&
    face !== null &&
    Array.isArray(face.families) &&
    face.families.every((f) => typeof f === 'string') &&
    typeof face.weight === 'number' &&
    (face.postscriptName === undefined || typeof face.postscriptName === 'string')
  );
};

/** The cached names by file; empty when there is no cache or it cannot be trusted. Entries of the wrong shape are dropped one by one. */
function readCache(host: Host, file: string): Map<string, CachedFile> {
  const cache = new Map<string, CachedFile>();
  const bytes = host.readBytes(file, CACHE_LIMIT_BYTES);
  if (!(bytes instanceof Uint8Array)) return cache;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return cache;
  }
  const { version, files } = (data ?? {}) as { version?: unknown; files?: unknown };
  if (version !== CACHE_VERSION || typeof files !== 'object' || files === null) return cache;
  for (const [font, entry] of Object.entries(files as Record<string, Partial<CachedFile>>)) {
    if (typeof entry?.size === 'number' && typeof entry.mtimeMs === 'number' && Array.isArray(entry.faces) && entry.faces.every(isFaceNames)) {
      cache.set(font, { size: entry.size, mtimeMs: entry.mtimeMs, faces: entry.faces });
    }
  }
  return cache;
}

/** Writes the cache atomically; a failure (read-only home, full disk) only costs the next run the reads. */
function writeCache(host: Host, file: string, entries: Map<string, CachedFile>): void {
  const files = Object.fromEntries([...entries].slice(0, CACHE_LIMIT_FILES));
  try {
    host.writeBytesAtomic(file, Buffer.from(JSON.stringify({ version: CACHE_VERSION, files }), 'utf8'));
  } catch {
    // The cache is an optimisation; the names were read all the same.
  }
}

/** The names of one file: from the cache when its size and time match, else read (garbage has no faces). */
function namesOf(host: Host, file: string, size: number, mtimeMs: number, cached: CachedFile | undefined): { entry: CachedFile; fresh: boolean } {
  if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return { entry: cached, fresh: false };
  let faces: FaceNames[] = [];
  try {
    faces = readFaceNames(host, file, size);
  } catch {
    // Not a font, unreadable, or malformed in a way no reader foresaw: one odd file among hundreds
    // must not stop every build on the machine. It is skipped, and remembered so until it changes.
  }
  return { entry: { size, mtimeMs, faces }, fresh: true };
}

/** The installed faces by family name (familyKey), each family's faces in folder order. */
export type FamilyIndex = ReadonlyMap<string, readonly SystemFace[]>;

/** Scans once per process and set of folders: a batch resolves fonts for every file. */
const scans = new Map<string, FamilyIndex>();

/** Every usable face in the system font folders, by family name. */
export function systemFamilies(host: Host): FamilyIndex {
  const cacheFile = path.join(host.userCacheDir(), CACHE_NAME);
  const key = JSON.stringify([host.fontDirs(), cacheFile]);
  const done = scans.get(key);
  if (done) return done;
  const cache = readCache(host, cacheFile);
  const entries = new Map<string, CachedFile>();
  let changed = false;
  for (const file of fontFiles(host)) {
    const stat = host.statFile(file);
    // Only regular files of a plausible size: a FIFO would block, a device never end.
    if (stat.kind !== 'file' || stat.size > FONT_FILE_LIMIT_BYTES) continue;
    const { entry, fresh } = namesOf(host, file, stat.size, stat.mtimeMs, cache.get(file));
    entries.set(file, entry);
    changed ||= fresh;
  }
  // Fonts removed since the last run leave the cache too.
  if (changed || entries.size !== cache.size) writeCache(host, cacheFile, entries);
  const index = new Map<string, SystemFace[]>();
  for (const [file, entry] of entries) {
    for (const face of entry.faces) {
      for (const family of new Set(face.families.map(familyKey))) {
        const faces = index.get(family) ?? index.set(family, []).get(family)!;
        faces.push({ file, ...face });
      }
    }
  }
  scans.set(key, index);
  return index;
}
