/**
 * `report edit 2024.yaml`: starts the editing page's server (src/edit/server.ts) and opens the page;
 * `report edit` alone opens the start page, which opens, makes or imports a report of the working folder first.
 * The page's address, token included, is the first line on standard output, for scripts and tests;
 * the server runs until the signal ends it (Ctrl+C).
 */
import type { Host } from '../host';
import { openBrowser } from '../edit/open-browser';
import { startEditServer, type StartOptions } from '../edit/server';
import { importPool, importSandboxed } from '../core/worker-tasks';
import { writeSchemaBeside } from './schema';
import * as path from 'node:path';
import { EXIT } from './exit-codes';
import type { Io } from './io';

export interface EditOptions {
  port?: number;
  /** Do not open a browser (scripts, tests). */
  open: boolean;
  lang: 'zh' | 'en';
  signal: AbortSignal;
}

/** Without a file, the start page opens, makes or imports a report in the working folder, and imports run in `report import`'s sandbox. */
function startOptions(host: Host): StartOptions {
  return {
    folder: '.',
    importer: async (job) => {
      const pool = importPool(1);
      try {
        return await importSandboxed(pool, job);
      } finally {
        await pool.close();
      }
    },
    // As `init` and `import` do: the schema beside the new report, for editor completion (its problems are not the page's).
    created: (file) => void writeSchemaBeside(host, path.dirname(file)),
  };
}

export async function runEdit(host: Host, io: Io, file: string | undefined, options: EditOptions): Promise<number> {
  const zh = options.lang === 'zh';
  if (file !== undefined && host.statFile(file).kind === 'missing') {
    io.stderr(
      zh
        ? `找不到文件 ${file}（不给文件时，页面可打开、新建或导入报告）\n`
        : `no such file: ${file} (without a file, the page opens, makes or imports a report)\n`,
    );
    return EXIT.usage;
  }
  let server: Awaited<ReturnType<typeof startEditServer>>;
  try {
    server = await startEditServer(host, file, {
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(file === undefined ? { start: startOptions(host) } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(zh ? `无法在端口 ${options.port ?? 0} 上启动（${code}）\n` : `cannot listen on port ${options.port ?? 0} (${code})\n`);
    return EXIT.io;
  }
  if ('unreadable' in server) {
    io.stderr(zh ? `无法读取 ${file}（${server.unreadable}）\n` : `cannot read ${file} (${server.unreadable})\n`);
    return EXIT.io;
  }
  io.stdout(`${server.url}\n`);
  io.stderr(
    file === undefined
      ? zh
        ? `在浏览器中打开上面的地址（只有本机能访问），打开、新建或导入一份报告后填写；按 Ctrl+C 或关闭此窗口结束。\n`
        : `open the address above in a browser (this computer only) to open, make or import a report and fill it in; Ctrl+C or closing this window ends.\n`
      : zh
        ? `正在填写 ${file}：在浏览器中打开上面的地址（只有本机能访问）；按 Ctrl+C 结束。未保存的修改也记在恢复文件里，下次打开时可恢复。\n`
        : `editing ${file}: open the address above in a browser (this computer only); Ctrl+C ends. Unsaved edits are kept in a recovery file and offered back next time.\n`,
  );
  if (options.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return EXIT.ok;
}
