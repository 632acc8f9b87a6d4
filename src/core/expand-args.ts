/**
 * File arguments as a county office gives them: a folder stands for the report files in it, and a
 * quoted glob (`"depts/*.yaml"`, `"**\/*.pdf"`) is expanded here, because Windows shells pass it on
 * unexpanded. A plain path is left as it is, so a missing file is still reported by the command
 * that reads it. Results are sorted the same way on every machine (by code point).
 *
 * Patterns are matched by picomatch (the matcher of fast-glob, chokidar and jest), loaded only when
 * an argument is a pattern, so a plain `validate FILE` never pays for it; folders are listed
 * through the Host, as every file nianbao reads is.
 */
import * as path from 'node:path';
import type { Host } from '../host';

/** What makes an argument that names no file a pattern: picomatch's wildcards, classes and braces. */
const GLOB_CHARS = /[*?[{]/;

type Matcher = (relative: string) => boolean;

/**
 * A matcher for one pattern, as a shell reads it: `[!a]` negates a class (posix), a wildcard does
 * not match a leading dot (dot: false; hidden entries are not even listed, see walk). Windows file
 * names compare without case, as its shells and Explorer do.
 */
function matcherOf(pattern: string): Matcher {
  const picomatch = require('picomatch') as typeof import('picomatch');
  return picomatch(pattern, { posix: true, dot: false, nocase: process.platform === 'win32' });
}

/**
 * Every file under `base` whose path relative to it matches `segments` ("/"-joined). A folder is
 * entered only while it can still lead to a match: up to the pattern's depth, or anywhere below a `**`.
 */
function walk(host: Host, base: string, segments: readonly string[], found: string[]): void {
  const matches = matcherOf(segments.join('/'));
  const globstar = segments.indexOf('**');
  // The folders a match can pass through: the first k segments matched as a path of their own.
  const throughs = segments.map((_, k) => matcherOf(segments.slice(0, k + 1).join('/')));
  const visit = (dir: string, relative: string, depth: number) => {
    for (const entry of host.readDir(dir === '' ? '.' : dir)) {
      // Hidden files and folders (.git, editors' backups) are never a report the clerk meant.
      if (entry.name.startsWith('.')) continue;
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = dir === '' ? entry.name : path.join(dir, entry.name);
      if (!entry.directory) {
        if (matches(rel)) found.push(full);
      } else if (globstar >= 0 && depth >= globstar) {
        visit(full, rel, depth + 1);
      } else if (depth < segments.length - 1 && (throughs[depth] as Matcher)(rel)) {
        visit(full, rel, depth + 1);
      }
    }
  };
  visit(base, '', 0);
}

/** The files a glob names, sorted; the part before the first wildcard is taken as written. */
function expandGlob(host: Host, glob: string): string[] {
  const segments = glob.split(/[\\/]/);
  const fixed = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  // A glob right under a root (`/*.yaml`, `\*.yaml`, `D:\*.yaml`) lists that root, not the working folder.
  const first = segments[0] as string;
  const base = fixed === 1 && /^([A-Za-z]:)?$/.test(first) ? `${first}/` : segments.slice(0, fixed).join('/');
  const found: string[] = [];
  walk(host, base, segments.slice(fixed), found);
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
