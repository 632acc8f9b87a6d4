/**
 * Host: the only door to the outside world (files, clock, environment). Everything else in src/ is
 * pure, so the same input and the same clock give the same bytes, and tests can swap the host.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { userCacheDir } from './user-cache-dir';
import { makeDirectory } from './make-directory';
import { workerThreads } from './worker-thread';

export { userCacheDir };

/**
 * A file that was not read, said in a way the diagnostics can quote: not there, a folder, not a
 * regular file (a FIFO, device or socket: reading it could block forever or never end), larger
 * than the reader's limit (`size`: its size, or for a stream the bytes read before stopping), or
 * refused by the system (`reason`: the errno code).
 */
export type ReadFailure =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'special' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'unreadable'; reason: string };

/** What a path is, from stat alone (nothing is opened: a FIFO or a device would block or never end); a file's modification time keys caches. */
export type FileKind =
  { kind: 'file'; size: number; mtimeMs: number } | { kind: 'directory' } | { kind: 'special' } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

/** SOURCE_DATE_EPOCH: unset, a usable date, or set to something no PDF or ZIP date can hold. */
export type SourceDateEpoch = { kind: 'unset' } | { kind: 'date'; date: Date } | { kind: 'invalid'; raw: string };

/**
 * ZIP (DOCX) entry dates are MS-DOS dates, 1980-01-01 to 2107-12-31; PDF dates hold any 4-digit
 * year. SOURCE_DATE_EPOCH must fit both, in whole seconds since 1970 (reproducible-builds.org).
 */
const EPOCH_RANGE_S = { min: Date.UTC(1980, 0, 1) / 1000, max: Date.UTC(2108, 0, 1) / 1000 - 1 } as const;

/** Reads SOURCE_DATE_EPOCH as the spec says: decimal digits only, here also within the ZIP date range; empty is unset (as `export SOURCE_DATE_EPOCH=` leaves it). */
export function parseSourceDateEpoch(raw: string | undefined): SourceDateEpoch {
  if (raw === undefined || raw === '') return { kind: 'unset' };
  const seconds = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= EPOCH_RANGE_S.min && seconds <= EPOCH_RANGE_S.max)) return { kind: 'invalid', raw };
  return { kind: 'date', date: new Date(seconds * 1000) };
}

export interface Host {
  /**
   * The one guarded way to read a whole file: symlinks resolved, only a regular file opened (a
   * FIFO or device never is), at most `limit` bytes read. Returns the reason instead of throwing.
   */
  readBytes(file: string, limit: number): Uint8Array | ReadFailure;
  /** Standard input, read to its end or until more than `limit` bytes came (for the file argument `-`). */
  readStdin(limit: number): Uint8Array | ReadFailure;
  /** Whether standard input is a terminal (a person types or pastes the report; nothing is piped). */
  stdinIsTerminal(): boolean;
  /** What a path is and, for a regular file, its size; never opens it. */
  statFile(file: string): FileKind;
  /**
   * Byte ranges of a regular file, each up to its `length` from its `offset` (fewer at the file's
   * end), read through one opening of the file; throws when it cannot be read or is not a regular file.
   */
  readRanges(file: string, ranges: readonly { offset: number; length: number }[]): Uint8Array[];
  /** Writes `bytes` to a new temp file beside `file` (creating the folder) and returns the temp's path. */
  writeTemp(file: string, bytes: Uint8Array): string;
  /** Renames a file over another (atomic within one folder). */
  rename(from: string, to: string): void;
  /** Removes a file; nothing when it is not there. */
  remove(file: string): void;
  /** Writes a file atomically: a temp file beside it, then rename, so a reader never sees half a file. */
  writeBytesAtomic(file: string, bytes: Uint8Array): void;
  /** The path with every symbolic link resolved, or undefined when it does not exist. */
  realPath(file: string): string | undefined;
  /** What names one file however it is reached (symlink, `./` spelling, hard link): device and inode; undefined when it does not exist. */
  fileIdentity(file: string): string | undefined;
  /** True when a path exists (file or directory). */
  exists(file: string): boolean;
  /** SOURCE_DATE_EPOCH as set in the environment (callers use the report's date when it is unset). */
  sourceDateEpoch(): SourceDateEpoch;
  /** Today's date on the machine clock (only `init` uses it, to pick a default year). */
  today(): Date;
  /** Entries of a directory: files and subdirectories; [] when it cannot be read. */
  readDir(dir: string): { name: string; directory: boolean }[];
  /** Where to look for fonts installed on this machine (Windows, macOS, fontconfig directories). */
  fontDirs(): string[];
  /** This user's cache folder for nianbao (it may not exist yet). */
  userCacheDir(): string;
  /**
   * Calls `onChange` when `file` may have changed: written in place, or replaced by a rename as
   * editors save (so its folder is watched). Spurious calls happen; callers compare contents.
   */
  watch(file: string, onChange: () => void): { close(): void };
}

let tempCounter = 0;

/** The reason of a failed file operation, as a ReadFailure. */
function failureOf(error: unknown): { kind: 'missing' } | { kind: 'unreadable'; reason: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'unreadable', reason: code ?? String(error) };
}

/** O_NONBLOCK where the platform has it: a FIFO swapped in after the stat then opens without waiting for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Opens `file` for reading only when it is a regular file of at most `limit` bytes: stat first (a
 * FIFO or device is never opened), then fstat of the opened descriptor, so a file replaced between
 * the two is caught too. The caller closes the descriptor.
 */
function openRegular(file: string, limit: number): { fd: number; size: number } | ReadFailure {
  const kindOf = (stat: fs.Stats): ReadFailure | undefined =>
    stat.isDirectory()
      ? { kind: 'directory' }
      : !stat.isFile()
        ? { kind: 'special' }
        : stat.size > limit
          ? { kind: 'too-large', size: stat.size, limit }
          : undefined;
  let fd: number;
  try {
    const before = kindOf(fs.statSync(file));
    if (before) return before;
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  try {
    const stat = fs.fstatSync(fd);
    const after = kindOf(stat);
    if (!after) return { fd, size: stat.size };
    fs.closeSync(fd);
    return after;
  } catch (error) {
    fs.closeSync(fd);
    return failureOf(error);
  }
}

/**
 * Collects the chunks of one read until its end, or until more than `limit` bytes came: memory stays
 * within the limit. A file's size, when known, sizes the first chunk, so a file that does not change
 * while it is read is read in one piece and never copied (a 20 MB font was chunked and concatenated
 * at ~10 ms a file, twice over in every render worker).
 */
class Bounded {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly expected?: number,
  ) {}

  /** A buffer for the next chunk: the expected size and one byte more first, never more than one byte past the limit. */
  next(): Buffer {
    const size = this.total === 0 && this.expected !== undefined ? this.expected + 1 : 1 << 20;
    return Buffer.alloc(Math.min(size, this.limit + 1 - this.total));
  }

  /** Takes the `got` bytes read into `chunk`; the outcome once the reading is over (its end, or past the limit). */
  take(chunk: Buffer, got: number): Uint8Array | ReadFailure | undefined {
    if (got === 0) return this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.total);
    this.chunks.push(chunk.subarray(0, got));
    this.total += got;
    return this.total > this.limit ? { kind: 'too-large', size: this.total, limit: this.limit } : undefined;
  }
}

/** A chunk of standard input; 0 at its end. A non-blocking pipe that has nothing yet is waited on, not spun. */
function readStdinChunk(buffer: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0; // Windows: the end of a pipe
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

export function nodeHost(env: NodeJS.ProcessEnv = process.env): Host {
  return {
    readBytes(file, limit) {
      const opened = openRegular(file, limit);
      if ('kind' in opened) return opened;
      try {
        const bounded = new Bounded(limit, opened.size);
        for (;;) {
          const chunk = bounded.next();
          const done = bounded.take(chunk, fs.readSync(opened.fd, chunk, 0, chunk.length, null));
          if (done) return done;
        }
      } catch (error) {
        return failureOf(error);
      } finally {
        fs.closeSync(opened.fd);
      }
    },
    readStdin(limit) {
      try {
        const bounded = new Bounded(limit);
        for (;;) {
          const chunk = bounded.next();
          const done = bounded.take(chunk, readStdinChunk(chunk));
          if (done) return done;
        }
      } catch (error) {
        return failureOf(error);
      }
    },
    stdinIsTerminal() {
      return Boolean(process.stdin.isTTY);
    },
    statFile(file) {
      try {
        const stat = fs.statSync(file);
        if (stat.isDirectory()) return { kind: 'directory' };
        return stat.isFile() ? { kind: 'file', size: stat.size, mtimeMs: stat.mtimeMs } : { kind: 'special' };
      } catch (error) {
        return failureOf(error) as FileKind;
      }
    },
    readRanges(file, ranges) {
      const opened = openRegular(file, Number.MAX_SAFE_INTEGER);
      if ('kind' in opened) throw Object.assign(new Error(`${file}: ${opened.kind}`), { code: opened.kind === 'special' ? 'ENOTREGULAR' : opened.kind });
      try {
        // One allocation for all of them: a subset reads a few hundred glyphs of a few hundred bytes each.
        const buffer = Buffer.alloc(ranges.reduce((total, range) => total + range.length, 0));
        let at = 0;
        return ranges.map(({ offset, length }) => {
          const part = buffer.subarray(at, at + fs.readSync(opened.fd, buffer, at, length, offset));
          at += length;
          return part;
        });
      } finally {
        fs.closeSync(opened.fd);
      }
    },
    writeTemp(file, bytes) {
      const dir = path.dirname(path.resolve(file));
      makeDirectory(dir);
      // A dot name (hidden), unique per process, thread and call, so two writers never share a temp.
      const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${workerThreads().threadId}-${tempCounter++}.tmp`);
      try {
        fs.writeFileSync(temp, bytes);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
      return temp;
    },
    rename(from, to) {
      fs.renameSync(from, to);
    },
    remove(file) {
      fs.rmSync(file, { force: true });
    },
    writeBytesAtomic(file, bytes) {
      const temp = this.writeTemp(file, bytes);
      try {
        fs.renameSync(temp, file);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
    },
    realPath(file) {
      try {
        return fs.realpathSync(file);
      } catch {
        return undefined;
      }
    },
    fileIdentity(file) {
      try {
        const stat = fs.statSync(file, { bigint: true });
        return `${stat.dev}:${stat.ino}`;
      } catch {
        return undefined;
      }
    },
    exists(file) {
      return fs.existsSync(file);
    },
    sourceDateEpoch() {
      return parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
    },
    today() {
      return new Date();
    },
    readDir(dir) {
      try {
        return fs.readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
      } catch {
        return [];
      }
    },
    fontDirs() {
      return systemFontDirs(env, process.platform, os.homedir());
    },
    userCacheDir() {
      return userCacheDir(env, process.platform, os.homedir());
    },
    watch(file, onChange) {
      const name = path.basename(file);
      const watcher = fs.watch(path.dirname(path.resolve(file)), (_event, changed) => {
        if (changed === null || changed === name) onChange();
      });
      return { close: () => watcher.close() };
    },
  };
}

/** The font folders of each platform, in the order a clerk's machine would have the official faces. */
export function systemFontDirs(env: NodeJS.ProcessEnv, platform: string, home: string): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    // Fonts installed "for this user only" (Windows 10 1809 and later) go to the per-user folder.
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return [path.join(windows, 'Fonts'), path.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return [path.join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts', '/System/Library/Fonts/Supplemental'];
  }
  const data = (env.XDG_DATA_DIRS ?? '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [
    path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'fonts'),
    path.join(home, '.fonts'),
    ...data.map((dir) => path.join(dir, 'fonts')),
  ];
}
