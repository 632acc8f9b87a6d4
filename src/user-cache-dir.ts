/**
 * The platform's per-user cache folder (XDG Base Directory on Linux), with a nianbao folder in it.
 * A module of its own, needing only node:path, because bin/report's loader (cli/boot.ts, cli/load-bundle.ts)
 * needs it before any bundle is loaded; host.ts gives it to everything else.
 */
import * as path from 'node:path';

export function userCacheDir(env: NodeJS.ProcessEnv, platform: string, home: string): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'nianbao', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'nianbao');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'nianbao');
}
