/**
 * The editing server without a browser (src/edit): who may talk to it (guard.ts, and the real server on
 * 127.0.0.1), and a session's check, totals, save and recovery on a copy of the seed.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { guard } from '../src/edit/guard';
import { startEditServer } from '../src/edit/server';
import { runEdit } from '../src/cli/edit';
import { EditSession } from '../src/edit/session';
import { runReport } from './helpers/cli';
import { ROOT } from './helpers/fixtures';
import { formOf, isTable } from '../src/edit/form';
import { parseDocument } from 'yaml';
import { checkReport } from '../src/check';
import { formatOf } from '../src/format/registry';
import { testHost } from './helpers/test-host';
import { encodeGb18030 } from './helpers/text';

/** The status of a request with the headers given (fetch would not send a Host or Origin of the caller's choosing). */
const status = (port: string, at: string, headers: Record<string, string>, method = 'GET') =>
  new Promise<number | undefined>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: at, method, headers, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
    request.end(method === 'POST' ? '{"edits":[]}' : undefined);
  });

const SEED = fs.readFileSync(path.join(ROOT, 'fixtures', 'yichun-2023.yaml'), 'utf8');
const TOKEN = 'k3y';

describe('guard', () => {
  const head = { method: 'GET', url: `/${TOKEN}/state`, host: '127.0.0.1:8000' };
  test('this server with the token: the route inside the token', () => {
    expect(guard(head, 8000, TOKEN)).toEqual({ route: 'state' });
    expect(guard({ ...head, url: `/${TOKEN}/`, host: 'localhost:8000', origin: 'http://localhost:8000', fetchSite: 'same-origin' }, 8000, TOKEN)).toEqual({
      route: '',
    });
  });
  test('another Host (DNS rebinding), another port, another Origin, another site, no or a wrong token: refused', () => {
    expect(guard({ ...head, host: 'evil.example:8000' }, 8000, TOKEN)).toEqual({ refused: 'host' });
    expect(guard({ ...head, host: '127.0.0.1:8001' }, 8000, TOKEN)).toEqual({ refused: 'host' });
    expect(guard({ method: 'GET', url: head.url }, 8000, TOKEN)).toEqual({ refused: 'host' });
    expect(guard({ ...head, origin: 'http://evil.example' }, 8000, TOKEN)).toEqual({ refused: 'origin' });
    expect(guard({ ...head, origin: 'null' }, 8000, TOKEN)).toEqual({ refused: 'origin' });
    expect(guard({ ...head, fetchSite: 'cross-site' }, 8000, TOKEN)).toEqual({ refused: 'origin' });
    expect(guard({ ...head, url: '/state' }, 8000, TOKEN)).toEqual({ refused: 'token' });
    expect(guard({ ...head, url: '/k3z/state' }, 8000, TOKEN)).toEqual({ refused: 'token' });
  });
});

describe('a session on a copy of the seed', () => {
  let dir: string;
  let file: string;
  const host = () => testHost({ env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') } });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-edit-'));
    file = path.join(dir, '2023.yaml');
    fs.writeFileSync(file, SEED);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const opened = () => {
    const session = new EditSession(host(), file);
    session.open();
    return session;
  };
  const wrongTotal = { pointer: '/applications/new/6', value: '5', number: true as const };

  test('a check is validate’s: the wrong total at its cell, with the expected value in the message and the sum in a hint', () => {
    const result = opened().check([wrongTotal]);
    if (!('diagnostics' in result)) throw new Error('refused');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'RPT3003', severity: 'error', pointer: '/applications/new/6', message: expect.stringContaining('应为 0，实际为 5') }),
    ]);
    expect(result.diagnostics[0]?.hints[0]).toContain('总计 = 自然人 + 商业企业');
  });

  test('totals: every total that differs from its parts, （七）总计 from the rows’ new totals', () => {
    const changes = opened().totals([
      { pointer: '/applications/results/disclosed/0', value: '2', number: true },
      { pointer: '/review_litigation/review/1', value: '1', number: true },
    ]);
    expect(changes.map((c) => `${c.name} ${c.from}→${c.to}`)).toEqual([
      '（一）予以公开·总计 0→2',
      '（七）总计·自然人 0→2',
      '（七）总计·总计 0→2',
      '行政复议·总计 0→1',
    ]);
  });

  test('save: a one-line diff, atomically; a file changed on disk since is not overwritten', () => {
    const session = opened();
    const saved = session.save([wrongTotal], session.baseHash);
    expect(saved).toEqual({ saved: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED.replace('  new: [0, 0, 0, 0, 0, 0, 0]', '  new: [0, 0, 0, 0, 0, 0, 5]'));
    // Written through a temporary file renamed over it: none is left beside it.
    expect(fs.readdirSync(dir).filter((name) => name !== 'cache')).toEqual(['2023.yaml']);
    fs.writeFileSync(file, SEED);
    expect(session.changedOnDisk()).toBe(true);
    expect(session.save([wrongTotal], session.baseHash)).toEqual({ conflict: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED);
  });

  test('a file whose YAML does not parse: no form, the syntax error checked and listed; an edit is refused, nothing written', () => {
    fs.writeFileSync(file, SEED.replace('  new: [0, 0, 0, 0, 0, 0, 0]', '  new: [0, 0, 0'));
    const session = opened();
    expect(session.form()).toBeUndefined();
    const checked = session.check([]);
    expect('diagnostics' in checked && checked.diagnostics.some((d) => d.severity === 'error' && d.line !== undefined)).toBe(true);
    expect(session.check([wrongTotal])).toEqual({ refused: 'yaml' });
    expect(session.save([wrongTotal], session.baseHash)).toEqual({ refused: 'yaml' });
  });

  test('a report in GB18030 is checked but not saved (saving would change its encoding, so every line)', () => {
    const bytes = encodeGb18030(SEED);
    fs.writeFileSync(file, bytes);
    const session = opened();
    // The file as it is: validate's verdict, its encoding warning included; edited, the text the page would save.
    const codes = (edits: Parameters<typeof session.check>[0]) => {
      const checked = session.check(edits);
      return 'diagnostics' in checked ? checked.diagnostics.map((d) => d.code) : [];
    };
    expect(codes([])).toEqual(['RPT1010']);
    expect(codes([wrongTotal])).toEqual(['RPT3003']);
    expect(session.savable).toBe(false);
    expect(session.save([wrongTotal], session.baseHash)).toEqual({ refused: 'encoding' });
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('edits checked and not saved are offered back to the next session; saving removes them', () => {
    opened().check([wrongTotal]);
    const next = opened();
    expect(next.recovered()).toEqual([wrongTotal]);
    next.save([wrongTotal], next.baseHash);
    expect(opened().recovered()).toEqual([]);
  });
});

test('the server’s address is on 127.0.0.1 with a token; it answers its page there, refuses a foreign Origin and serves nothing else', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-edit-'));
  const file = path.join(dir, '2023.yaml');
  fs.writeFileSync(file, SEED);
  const server = await startEditServer(testHost({ env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') } }), file);
  if ('unreadable' in server) throw new Error(server.unreadable);
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{24}\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('aria-label="一、本年新收政府信息公开申请数量·商业企业"');
    const { port, pathname } = new URL(server.url);
    expect(await status(port, `${pathname}check`, { origin: 'https://example.com' }, 'POST')).toBe(403);
    expect(await status(port, `${pathname}state`, { host: `evil.example:${port}` })).toBe(403);
    expect(await status(port, `${pathname}state`, {})).toBe(200);
    expect(await status(port, '/state', {})).toBe(403);
    expect(await status(port, `${pathname}report.yaml`, {})).toBe(404);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the form: every number of the three tables is a cell named as the diagnostics name it, in the national order', () => {
  const file = path.join(ROOT, 'fixtures', 'yichun-2023.yaml');
  const checked = checkReport(testHost(), file);
  if (!checked.report) throw new Error('the seed has errors');
  const doc = parseDocument(SEED);
  const data: unknown = doc.toJS();
  const parts = formOf({ text: SEED, doc, data, report: checked.report, format: formatOf(data) });
  const L = formatOf(data).labels;
  expect(parts.map((part) => part.heading)).toEqual(['报告信息', ...L.PART_HEADINGS]);
  const tables = parts.flatMap((part) => part.items.filter(isTable));
  expect(tables.map((table) => [table.id, table.fields.size])).toEqual([
    ['proactive', 10],
    ['applications', L.APPLICATION_ROWS.length * L.APPLICANT_COLUMNS.length],
    ['review_litigation', L.CASE_ROWS.length * L.CASE_COLUMNS.length],
  ]);
  const names = tables.flatMap((table) => [...table.fields.values()].map((field) => `${field.pointer} ${field.name} ${field.value}`));
  expect(names).toEqual(
    expect.arrayContaining([
      '/applications/new/1 一、本年新收政府信息公开申请数量·商业企业 0',
      '/applications/results/withheld/state_secret/0 （三）不予公开 1.属于国家秘密·自然人 0',
      '/review_litigation/litigation_after_review/4 复议后起诉·总计 0',
      '/proactive/fees 行政事业性收费：本年收费金额（单位：万元） 378.42',
    ]),
  );
});

test('`report edit` without a report serves the start page until stopped; with one that is not there it exits 2', async () => {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const io = { isTTY: false, stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const running = runEdit(testHost(), io, undefined, { open: false, lang: 'zh', signal: stop.signal });
  while (!stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
  const page = await fetch(stdout.trim());
  expect(await page.text()).toContain('<h1>打开或新建年报</h1>');
  expect(stderr).toContain('打开、新建或导入一份报告');
  stop.abort();
  await expect(running).resolves.toBe(0);
  const missing = await runReport(['edit', 'no-such-2024.yaml']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('找不到文件 no-such-2024.yaml');
});
