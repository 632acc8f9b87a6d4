/**
 * The local server of `report edit`: on 127.0.0.1 only, on a random port (or the one asked for), every
 * path under a random token (guard.ts). It serves this report's page, its script and style, the
 * preview and the PDF/DOCX of the text being edited, and takes the page's checks and saves; nothing
 * else, and nothing from the network.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Host } from '../host';
import { outputName } from '../core/output-names';
import { rendererOf, type OutputFormat } from '../render/registry';
import { MAX_SOURCE_BYTES } from '../source/load-yaml';
import type { Edit } from './apply-edits';
import { editPage } from './client';
import { guard } from './guard';
import { pageHtml } from './page';
import { EditSession } from './session';
import { chooseExisting, createBlank, createImported, listReports, MAX_UPLOAD_BYTES, type Chosen, type ImportRunner } from './start';
import { startPage } from './start-client';
import { startPageHtml } from './start-page';
import { EDIT_CSS } from './style';

export interface EditServer {
  /** The page's address, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What the page's own responses may load: itself, nothing from elsewhere. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
/** The preview is the HTML renderer's page, styled inline and without script, shown in the page's frame only. */
const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'; base-uri 'none'";

const SCRIPT = `(${editPage.toString()})();\n`;
const START_SCRIPT = `(${startPage.toString()})();\n`;

/** The page's requests carry edits: far below the report's own size limit. */
const MAX_BODY_BYTES = MAX_SOURCE_BYTES * 2;

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': PAGE_POLICY,
    ...headers,
  });
  response.end(body);
}

const html = (response: ServerResponse, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  send(response, 200, 'text/html; charset=utf-8', body, headers);

/** The style both pages (the start page and the editing page) share. */
const styleRoute = (_: IncomingMessage, response: ServerResponse) => send(response, 200, 'text/css; charset=utf-8', EDIT_CSS);

const json = (response: ServerResponse, value: unknown, status = 200, headers: Record<string, string> = {}) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);

/** A request's body, read up to `limit` bytes (larger: refused, and the request dropped). */
function bytesOf(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A request's JSON body, read up to the limit. */
const bodyOf = async (request: IncomingMessage): Promise<unknown> => JSON.parse((await bytesOf(request, MAX_BODY_BYTES)).toString('utf8'));

/** The edits of a request body, each checked to be what the page sends. */
function editsOf(body: unknown): Edit[] {
  const edits = (body as { edits?: unknown })?.edits;
  if (!Array.isArray(edits)) throw new Error('no edits');
  return edits.map((edit: unknown) => {
    const { pointer, value, number } = (edit ?? {}) as Record<string, unknown>;
    if (typeof pointer !== 'string' || typeof value !== 'string' || (number !== undefined && number !== true)) throw new Error('bad edit');
    return { pointer, value, ...(number ? { number: true } : {}) };
  });
}

/** The documents the page offers, by name, with their media types. */
const DOCUMENTS: Record<string, { format: OutputFormat; type: string }> = {
  'report.pdf': { format: 'pdf', type: 'application/pdf' },
  'report.docx': { format: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** The editing page's routes, for one report being edited. */
function editorRoutes(file: string, session: EditSession): Record<string, Route> {
  return {
    'GET ': (_, response) =>
      html(response, pageHtml(file, session.form(), { base: session.baseHash, recovered: session.recovered(), savable: session.savable })),
    'GET edit.js': (_, response) => send(response, 200, 'text/javascript; charset=utf-8', SCRIPT),
    'GET edit.css': styleRoute,
    'GET state': (_, response) => json(response, { changedOnDisk: session.changedOnDisk() }),
    'GET preview': async (_, response) => {
      const body =
        (await session.render('html')) ??
        new TextEncoder().encode('<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>预览</title><p>改正全部错误后显示预览。</p></html>');
      html(response, body, { 'content-security-policy': PREVIEW_POLICY });
    },
    'POST check': async (request, response) => {
      const body = await bodyOf(request);
      const recovering = (body as { recovering?: unknown }).recovering === true;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const checked = session.check(editsOf(body), { keepRecovery: recovering });
      const { user, system } = process.cpuUsage(cpu);
      // How long the check took, wall and CPU (a busy machine shares its cores): for the browser's developer tools and `npm run bench` (the budget is 50 ms).
      json(response, checked, 200, {
        'server-timing': `check;dur=${(performance.now() - started).toFixed(1)}, cpu;dur=${((user + system) / 1000).toFixed(1)}`,
      });
    },
    'POST totals': async (request, response) => json(response, session.totals(editsOf(await bodyOf(request)))),
    'POST save': async (request, response) => {
      const body = await bodyOf(request);
      const base = (body as { base?: unknown }).base;
      const saved = session.save(editsOf(body), typeof base === 'string' ? base : '');
      json(response, saved, 'conflict' in saved ? 409 : 200);
    },
    'POST reload': (_, response) => {
      const reopened = session.open();
      json(response, 'unreadable' in reopened ? reopened : { base: session.baseHash });
    },
    ...documentRoutes(file, session),
  };
}

/** The PDF and DOCX of the text being edited, named as `report build` names its output (2024.yaml → 2024.pdf, in UTF-8 for a Chinese file name). */
function documentRoutes(file: string, session: EditSession): Record<string, Route> {
  return Object.fromEntries(
    Object.entries(DOCUMENTS).map(([route, document]) => [
      `GET ${route}`,
      async (_: IncomingMessage, response: ServerResponse) => {
        const bytes = await session.render(document.format);
        const name = `${outputName(file)}${rendererOf(document.format).extension}`;
        if (bytes) send(response, 200, document.type, bytes, { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
        else send(response, 409, 'text/plain; charset=utf-8', '报告有错误，改正后才能生成 / the report has errors\n');
      },
    ]),
  );
}

/** The start page's routes (no file yet): each choice that succeeds calls `chosen`, and the same address serves that file's editing page. */
function startRoutes(host: Host, start: StartOptions, chosen: (file: string) => Chosen): Record<string, Route> {
  const answer = (response: ServerResponse, result: Chosen) => json(response, 'file' in result ? chosen(result.file) : result, 'file' in result ? 200 : 422);
  return {
    'GET ': (_, response) => html(response, startPageHtml(path.resolve(start.folder), listReports(host, start.folder), host.today().getFullYear() - 1)),
    'GET start.js': (_, response) => send(response, 200, 'text/javascript; charset=utf-8', START_SCRIPT),
    'GET edit.css': styleRoute,
    'POST open': async (request, response) => answer(response, chooseExisting(host, start.folder, (Object(await bodyOf(request)) as { name?: unknown }).name)),
    'POST init': async (request, response) => {
      const created = createBlank(host, start.folder, Object(await bodyOf(request)) as Record<string, unknown>);
      if ('file' in created) start.created?.(created.file);
      answer(response, created);
    },
    'POST import': async (request, response) => {
      const query = new URL(request.url ?? '', 'http://127.0.0.1').searchParams;
      const bytes = await bytesOf(request, MAX_UPLOAD_BYTES);
      const created = await createImported(host, start.folder, { source: query.get('source'), name: query.get('name'), bytes }, start.importer);
      if ('file' in created) start.created?.(created.file);
      answer(response, created);
    },
  };
}

/** Without a file: where reports are listed and made, and how. */
export interface StartOptions {
  /** The folder the start page lists and writes in (the working folder). */
  folder: string;
  /** Runs `report import`'s core in its sandbox. */
  importer: ImportRunner;
  /** Called with each report made (the CLI writes the schema beside it, as `init` and `import` do). */
  created?: (file: string) => void;
}

/**
 * Starts the server for one report file, or (`file` undefined) on the start page, which chooses the
 * file; the file must be readable (the caller says why not otherwise).
 */
export async function startEditServer(
  host: Host,
  file: string | undefined,
  options: { port?: number; start?: StartOptions } = {},
): Promise<EditServer | { unreadable: string }> {
  let routes: Record<string, Route>;
  let warmUp: NodeJS.Immediate | undefined;
  /** Opens the file for editing: from now on the address serves its page. */
  const edit = (chosen: string): { file: string } | { unreadable: string } => {
    const session = new EditSession(host, chosen);
    const opened = session.open();
    if ('unreadable' in opened) return opened;
    routes = editorRoutes(chosen, session);
    // The first checks of a process run before the JIT has compiled the checker (~300 ms, then ~20 ms):
    // two made now, while the browser opens, make the clerk's first edit as quick as the rest.
    warmUp = setImmediate(() => {
      for (let i = 0; i < 2; i++) session.check([], { keepRecovery: true });
    });
    return { file: chosen };
  };
  if (file !== undefined) {
    const opened = edit(file);
    if ('unreadable' in opened) return opened;
  } else {
    if (!options.start) throw new Error('no file and no start options');
    routes = startRoutes(host, options.start, (chosen) => {
      const opened = edit(chosen);
      return 'unreadable' in opened ? { refused: `无法读取 ${chosen}（${opened.unreadable}）` } : opened;
    });
  }
  const token = randomBytes(18).toString('base64url');
  let port = 0;

  const server = createServer((request, response) => {
    const guarded = guard(
      {
        method: request.method ?? '',
        url: request.url ?? '',
        ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
        ...(request.headers.origin !== undefined ? { origin: request.headers.origin } : {}),
        ...(typeof request.headers['sec-fetch-site'] === 'string' ? { fetchSite: request.headers['sec-fetch-site'] } : {}),
      },
      port,
      token,
    );
    if ('refused' in guarded) return send(response, 403, 'text/plain; charset=utf-8', `refused: ${guarded.refused}\n`);
    const route = routes[`${request.method} ${guarded.route}`]?.bind(null, request, response);
    if (!route) return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    Promise.resolve(route()).catch(() => {
      if (!response.headersSent) send(response, 400, 'text/plain; charset=utf-8', 'bad request\n');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (warmUp) clearImmediate(warmUp);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
