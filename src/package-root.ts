/** The installed package's root folder, found from this module whether it runs from src, dist or the bundle. */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'schemas', 'report.schema.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

export const PACKAGE_ROOT = findRoot(__dirname);

/** nianbao's own version, from its package.json (read when asked: most runs never need it). */
export const nianbaoVersion = (): string => (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
