/**
 * File arguments as a county office gives them: a folder stands for the report files in it, and a
 * quoted glob (`"depts/*.yaml"`, `"**\/*.pdf"`) is expanded here, because Windows shells pass it on
 * unexpanded. A plain path is left as it is, so a missing file is still reported by the command
 * that reads it. Results are sorted the same way on every machine (by code point).
 */
import * as path from 'node:path';
import type { Host } from '../host';

const GLOB_CHARS = /[*?[]/;

/** A glob segment as a regular expression: * and ? within one name, [abc] classes. */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, process.platform === 'win32' ? 'i' : '');
}

/** Every file under `dir` matching the glob segments; `**` matches any number of folders. */
function matchSegments(host: Host, dir: string, segments: readonly string[], found: string[]): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  const join = (name: string) => (dir === '' ? name : path.join(dir, name));
  if (!GLOB_CHARS.test(segment)) {
    if (rest.length === 0) {
      if (host.statFile(join(segment)).kind === 'file') found.push(join(segment));
    } else matchSegments(host, join(segment), rest, found);
    return;
  }
  // Only a segment with a wildcard lists its folder.
  const entries = host.readDir(dir === '' ? '.' : dir).filter((entry) => !entry.name.startsWith('.'));
  if (segment === '**') {
    matchSegments(host, dir, rest, found);
    for (const entry of entries) if (entry.directory) matchSegments(host, join(entry.name), segments, found);
    return;
  }
  const pattern = segmentPattern(segment);
  for (const entry of entries) {
    if (!pattern.test(entry.name)) continue;
    if (rest.length === 0) {
      if (!entry.directory) found.push(join(entry.name));
    } else if (entry.directory) matchSegments(host, join(entry.name), rest, found);
  }
}

/** The files a glob names, sorted; the part before the first wildcard is taken as written. */
function expandGlob(host: Host, glob: string): string[] {
  const segments = glob.split(/[\\/]/);
  const fixed = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  // A glob right under a root (`/*.yaml`, `\*.yaml`, `D:\*.yaml`) lists that root, not the working folder.
  const first = segments[0] as string;
  const base = fixed === 1 && /^([A-Za-z]:)?$/.test(first) ? `${first}/` : segments.slice(0, fixed).join('/');
  const found: string[] = [];
  matchSegments(host, base, segments.slice(fixed), found);
  return found.sort();
}

/** The report files of a folder: its own files with one of `extensions` (lower-case, with the dot), sorted. */
function filesOf(host: Host, dir: string, extensions: readonly string[]): string[] {
  return host
    .readDir(dir)
    .filter((entry) => !entry.directory && !entry.name.startsWith('.') && extensions.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/**
 * The arguments with folders and globs expanded; `unmatched` lists the globs that named no file
 * (an error of the command line, as in a shell with failglob).
 */
export function expandArgs(host: Host, args: readonly string[], extensions: readonly string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    const kind = host.statFile(arg).kind;
    if (kind === 'directory') {
      const inside = filesOf(host, arg, extensions);
      // A folder without report files stays as it is: the command says it is a folder.
      files.push(...(inside.length > 0 ? inside : [arg]));
    } else if (kind === 'missing' && GLOB_CHARS.test(arg)) {
      const matched = expandGlob(host, arg);
      if (matched.length === 0) unmatched.push(arg);
      files.push(...matched);
    } else files.push(arg);
  }
  return { files, unmatched };
}
