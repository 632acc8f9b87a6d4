/**
 * Host: the only door to the outside world (files, clock, environment). Everything else in src/ is
 * pure, so the same input and the same clock give the same bytes, and tests can swap the host.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A file that could not be read, said in a way the diagnostics can quote. */
export type ReadFailure = { kind: 'missing' } | { kind: 'directory' } | { kind: 'unreadable'; reason: string };

export interface Host {
  /** Reads a whole file; returns the reason instead of throwing. */
  readBytes(file: string): Uint8Array | ReadFailure;
  /** Reads a whole file without blocking this thread (for large font files). */
  readBytesAsync(file: string): Promise<Uint8Array>;
  /** Writes a file atomically: a temp file beside it, then rename, so a reader never sees half a file. */
  writeBytesAtomic(file: string, bytes: Uint8Array): void;
  /** True when a path exists (file or directory). */
  exists(file: string): boolean;
  /** SOURCE_DATE_EPOCH, if set and valid, as a Date; otherwise undefined (callers use the report's date). */
  sourceDateEpoch(): Date | undefined;
  /** Today's date on the machine clock (only `init` uses it, to pick a default year). */
  today(): Date;
  /** Entries of a directory: files and subdirectories; [] when it cannot be read. */
  readDir(dir: string): { name: string; directory: boolean }[];
  /** Where to look for fonts installed on this machine (Windows, macOS, fontconfig directories). */
  fontDirs(): string[];
}

export function nodeHost(env: NodeJS.ProcessEnv = process.env): Host {
  return {
    readBytes(file) {
      try {
        const stat = fs.statSync(file);
        if (stat.isDirectory()) return { kind: 'directory' };
        return fs.readFileSync(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
        return { kind: 'unreadable', reason: code ?? String(error) };
      }
    },
    readBytesAsync(file) {
      return fs.promises.readFile(file);
    },
    writeBytesAtomic(file, bytes) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
      try {
        fs.writeFileSync(temp, bytes);
        fs.renameSync(temp, file);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
    },
    exists(file) {
      return fs.existsSync(file);
    },
    sourceDateEpoch() {
      const raw = env.SOURCE_DATE_EPOCH;
      if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
      return new Date(Number(raw) * 1000);
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
  };
}

/** The font folders of each platform, in the order a clerk's machine would have the official faces. */
export function systemFontDirs(env: NodeJS.ProcessEnv, platform: string, home: string): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    return [path.join(windows, 'Fonts'), ...(env.LOCALAPPDATA ? [path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
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
