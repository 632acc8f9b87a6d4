/**
 * Makes a folder and its missing parents. Node's `mkdirSync(dir, { recursive: true })` never
 * returns when mkdir answers ENOENT for a folder whose parent exists — under /proc, e.g. with
 * XDG_CACHE_HOME=/proc/x it spun at 100 % CPU for ever — so the parents are made one by one here,
 * and the first error (ENOENT, ENOTDIR, EACCES …) is thrown to the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      // Another process or worker made it meanwhile: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(folder).isDirectory()) throw error;
    }
  }
}
