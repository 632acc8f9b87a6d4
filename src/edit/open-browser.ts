/**
 * Opens the page in the default browser: the platform's own opener, started detached so closing the
 * browser does not touch the server. If there is none (a server without a desktop), the address the
 * CLI printed first is there to open by hand.
 */
export function openBrowser(url: string): void {
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const [command, ...args] =
    process.platform === 'win32' ? ['rundll32', 'url.dll,FileProtocolHandler', url] : process.platform === 'darwin' ? ['open', url] : ['xdg-open', url];
  try {
    const child = spawn(command as string, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the printed address stands.
  }
}
