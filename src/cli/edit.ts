/**
 * `report edit 2024.yaml`: starts the editing page's server (src/edit/server.ts) and opens the page.
 * The page's address, token included, is the first line on standard output, for scripts and tests;
 * the server runs until the signal ends it (Ctrl+C).
 */
import type { Host } from '../host';
import { openBrowser } from '../edit/open-browser';
import { startEditServer } from '../edit/server';
import { EXIT } from './exit-codes';
import type { Io } from './io';

export interface EditOptions {
  port?: number;
  /** Do not open a browser (scripts, tests). */
  open: boolean;
  lang: 'zh' | 'en';
  signal: AbortSignal;
}

/** What to do without a report to edit: make one first. */
const START = {
  zh: '请给出要填写的报告文件，如 report edit 2024.yaml。还没有报告时，用 report init --year 2024 生成一份空白报告，或用 report import 从去年已发布的报告导入（--year-forward）。',
  en: "give the report file to fill in, e.g. report edit 2024.yaml. Without one, make a blank report with report init --year 2024, or import last year's published report with report import --year-forward.",
};

export async function runEdit(host: Host, io: Io, file: string | undefined, options: EditOptions): Promise<number> {
  const zh = options.lang === 'zh';
  if (file === undefined || host.statFile(file).kind === 'missing') {
    if (file !== undefined) io.stderr(zh ? `找不到文件 ${file}\n` : `no such file: ${file}\n`);
    io.stderr(`${zh ? START.zh : START.en}\n`);
    return EXIT.usage;
  }
  let server: Awaited<ReturnType<typeof startEditServer>>;
  try {
    server = await startEditServer(host, file, options.port !== undefined ? { port: options.port } : {});
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
    zh
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
