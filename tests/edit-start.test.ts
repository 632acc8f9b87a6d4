/**
 * `report edit` without a file (src/edit/start.ts and the server's start page): the folder's reports
 * listed, newest first and bounded; names kept inside the folder; nothing written over; a blank report
 * that `validate` passes; a published report imported to YAML; then the same address edits the file.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { importBytes } from '../src/core/import';
import { startEditServer, type EditServer } from '../src/edit/server';
import { chooseExisting, createBlank, createImported, listReports, MAX_LISTED, reportPathIn, type ImportRunner } from '../src/edit/start';
import { runReport, tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';
import { testHost } from './helpers/test-host';

const TEXT_REPORT = path.join(ROOT, 'fixtures', 'import', 'real', 'pingtan-2023.txt');
/** `report import`'s core in this thread: the CLI runs the same in its sandbox worker (worker-tasks.ts), which needs dist/. */
const inThread =
  (host = testHost()): ImportRunner =>
  (job) =>
    importBytes(host, job.bytes, job);

/** A request to the server as the page makes it (its own Host and Origin). */
function request(url: string, route: string, body: string | Buffer, type = 'application/json'): Promise<{ status: number; text: string }> {
  const { host, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = http.request(
      {
        host: '127.0.0.1',
        port: new URL(url).port,
        path: `${pathname}${route}`,
        method: body === '' ? 'GET' : 'POST',
        agent: false,
        headers: { host, origin: `http://${host}`, 'content-type': type },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    sent.on('error', reject);
    sent.end(body === '' ? undefined : body);
  });
}

describe('the start page’s choices', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));

  test('the folder’s YAML files are listed newest first, folders and other files not, at most MAX_LISTED', () => {
    for (let i = 0; i < MAX_LISTED + 5; i++) {
      const file = path.join(dir, `r${i}.yaml`);
      fs.writeFileSync(file, '');
      fs.utimesSync(file, 1_700_000_000 + i, 1_700_000_000 + i);
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), '');
    fs.mkdirSync(path.join(dir, 'old.yaml'));
    const listed = listReports(testHost(), dir);
    expect(listed).toHaveLength(MAX_LISTED);
    expect(listed[0]?.name).toBe(`r${MAX_LISTED + 4}.yaml`);
    expect(listed.map((l) => l.name)).not.toContain('notes.txt');
    expect(listed.map((l) => l.name)).not.toContain('old.yaml');
  });

  test('names stay inside the folder: no folder part, no `..`, no absolute path; .yaml is added', () => {
    expect(reportPathIn(dir, '2024')).toEqual({ file: path.join(dir, '2024.yaml') });
    expect(reportPathIn(dir, '2024年报.yml')).toEqual({ file: path.join(dir, '2024年报.yml') });
    for (const name of ['../2024.yaml', '..', 'sub/2024.yaml', 'sub\\2024.yaml', '/etc/passwd', 'C:\\a.yaml', '.hidden.yaml', '', '  ', 42, undefined]) {
      expect(reportPathIn(dir, name)).toEqual({ refused: expect.any(String) });
    }
    expect(chooseExisting(testHost(), dir, 'none.yaml')).toEqual({ refused: '找不到 none.yaml。' });
  });

  test('a blank report is init’s template, passes validate, and is never written over', async () => {
    const host = testHost();
    expect(createBlank(host, dir, { organ: '某某市某某局', year: 2024 })).toEqual({ file: path.join(dir, '2024.yaml') });
    const text = fs.readFileSync(path.join(dir, '2024.yaml'), 'utf8');
    expect(text).toContain('某某市某某局');
    const validated = await runReport(['validate', '2024.yaml'], { cwd: dir });
    expect(validated.stderr).toMatch(/0 个错误/);
    expect(validated.status).toBe(0);
    expect(createBlank(host, dir, { organ: '另一个机关', year: 2024 })).toEqual({ refused: '2024.yaml 已经存在：请打开它，或换一个文件名。' });
    expect(fs.readFileSync(path.join(dir, '2024.yaml'), 'utf8')).toBe(text);
    expect(createBlank(host, dir, { organ: '某某市某某局', year: 1999 })).toEqual({ refused: expect.stringContaining('年度应为') });
    expect(createBlank(host, dir, { organ: '  ', year: 2024, name: 'b.yaml' })).toEqual({ refused: expect.stringContaining('发布机关') });
    expect(createBlank(host, dir, { organ: '某某市某某局', year: 2024, name: '../x.yaml' })).toEqual({ refused: expect.stringContaining('不可用') });
    expect(fs.readdirSync(dir)).toEqual(['2024.yaml']);
  });

  test('an uploaded published report is imported to YAML beside; a file not imported writes nothing', async () => {
    const host = testHost();
    const bytes = fs.readFileSync(TEXT_REPORT);
    expect(await createImported(host, dir, { source: 'pingtan-2023.txt', bytes }, inThread(host))).toEqual({ file: path.join(dir, 'pingtan-2023.yaml') });
    const yaml = fs.readFileSync(path.join(dir, 'pingtan-2023.yaml'), 'utf8');
    expect(yaml).toMatch(/^year: 2023$/m);
    expect(await createImported(host, dir, { source: 'pingtan-2023.txt', bytes }, inThread(host))).toEqual({ refused: expect.stringContaining('已经存在') });
    expect(await createImported(host, dir, { source: 'a.exe', bytes }, inThread(host))).toEqual({ refused: expect.stringContaining('.pdf') });
    expect(await createImported(host, dir, { source: 'empty.pdf', bytes: new Uint8Array() }, inThread(host))).toEqual({ refused: 'empty.pdf 是空文件。' });
    expect(await createImported(host, dir, { source: 'broken.pdf', bytes: Buffer.from('not a pdf') }, inThread(host))).toEqual({
      refused: expect.stringContaining('无法导入 broken.pdf'),
    });
    expect(fs.readdirSync(dir)).toEqual(['pingtan-2023.yaml']);
  });
});

describe('the server without a file', () => {
  let dir: string;
  let server: EditServer;
  const created: string[] = [];
  beforeEach(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'old.yaml'), fs.readFileSync(path.join(ROOT, 'fixtures', 'yichun-2023.yaml')));
    const started = await startEditServer(testHost(), undefined, { start: { folder: dir, importer: inThread(), created: (file) => created.push(file) } });
    if ('unreadable' in started) throw new Error(started.unreadable);
    server = started;
  });
  afterEach(() => server.close());

  test('the start page lists the folder’s reports; making one turns the same address into its editing page', async () => {
    const page = await request(server.url, '', '');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-name="old.yaml"');
    expect(page.text).toContain('<button type="button" id="create">新建并填写</button>');
    // Not the editor's routes yet.
    expect((await request(server.url, 'check', '{"edits":[]}')).status).toBe(404);
    expect(JSON.parse((await request(server.url, 'init', JSON.stringify({ organ: '某某市某某局', year: 2024, name: '../2024.yaml' }))).text)).toEqual({
      refused: expect.stringContaining('不可用'),
    });
    expect(JSON.parse((await request(server.url, 'init', JSON.stringify({ organ: '某某市某某局', year: 2024, name: 'old.yaml' }))).text)).toEqual({
      refused: expect.stringContaining('已经存在'),
    });
    const made = await request(server.url, 'init', JSON.stringify({ organ: '某某市某某局', year: 2024 }));
    expect([made.status, JSON.parse(made.text)]).toEqual([200, { file: path.join(dir, '2024.yaml') }]);
    expect(created).toEqual([path.join(dir, '2024.yaml')]);
    const editor = await request(server.url, '', '');
    expect(editor.text).toContain('<title>2024.yaml — 填写年报</title>');
    expect(editor.text).toContain('aria-label="一、本年新收政府信息公开申请数量·商业企业"');
    // The start page's choices are gone: the server now serves this report only.
    expect((await request(server.url, 'init', JSON.stringify({ organ: '某某市某某局', year: 2023 }))).status).toBe(404);
    expect(JSON.parse((await request(server.url, 'check', '{"edits":[]}')).text).diagnostics).toEqual([]);
  });

  test('an upload is imported beside, then edited', async () => {
    const imported = await request(server.url, 'import?source=pingtan-2023.txt&name=', fs.readFileSync(TEXT_REPORT), 'application/octet-stream');
    expect(JSON.parse(imported.text)).toEqual({ file: path.join(dir, 'pingtan-2023.yaml') });
    expect((await request(server.url, '', '')).text).toContain('<title>pingtan-2023.yaml — 填写年报</title>');
  });

  test('opening a listed report, not a path outside the folder', async () => {
    expect(JSON.parse((await request(server.url, 'open', JSON.stringify({ name: '../old.yaml' }))).text)).toEqual({
      refused: expect.stringContaining('不可用'),
    });
    expect(JSON.parse((await request(server.url, 'open', JSON.stringify({ name: 'old.yaml' }))).text)).toEqual({ file: path.join(dir, 'old.yaml') });
    expect((await request(server.url, '', '')).text).toContain('<title>old.yaml — 填写年报</title>');
  });
});
