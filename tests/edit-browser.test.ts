/**
 * `report edit` in a real browser (Debian's chromium through playwright-core; the e2e tier): the real
 * `report edit --no-open` process, its page driven as a clerk would — a wrong total typed into a
 * named cell, the error on that cell with the expected value, fixed; a row pasted from a spreadsheet;
 * saved as a one-line diff; a change on disk offered for reload; totals computed and shown first; a
 * closed page's edits offered back; axe-core with every rule. EDIT_SCREENSHOTS=DIR keeps screenshots
 * at 1280 and 390 px.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/chromium';
import { ROOT } from './helpers/fixtures';

const SEED = fs.readFileSync(path.join(ROOT, 'fixtures', 'yichun-2023.yaml'), 'utf8');
const keep = process.env.EDIT_SCREENSHOTS;

/** A running `report edit` on a copy of the seed: its address and its file. */
interface Editing {
  url: string;
  file: string;
  child: ChildProcess;
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-edit-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every `report edit` a test started, stopped after it whether it passed or not. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGINT');
  running.clear();
});

let count = 0;
/** Starts `report edit --no-open` on a fresh copy of the seed; the first line it prints is the page's address. */
function startEdit(text = SEED): Promise<Editing> {
  const file = path.join(dir, `report-${count++}.yaml`);
  fs.writeFileSync(file, text);
  return spawnEdit([file], dir, file);
}

/** Starts `report edit --no-open` with the arguments given, in `cwd`. */
function spawnEdit(args: string[], cwd: string, file: string): Promise<Editing> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'report'), 'edit', ...args, '--no-open'], {
    cwd,
    env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n');
      if (line.length > 1) resolve({ url: line[0] as string, file, child });
    });
    child.on('exit', (code) => reject(new Error(`report edit exited with ${code}`)));
  });
}

const stop = (editing: Editing) =>
  new Promise<number | null>((resolve) => {
    editing.child.removeAllListeners('exit');
    editing.child.on('exit', (code) => resolve(code));
    editing.child.kill('SIGINT');
    running.delete(editing.child);
  });

async function openPage(editing: Editing, width = 1280): Promise<Page> {
  // axe is added as a script tag: the page's own policy allows only its own scripts.
  const page = await browser.newPage({ viewport: { width, height: width === 640 ? 450 : 900 }, bypassCSP: true });
  await page.goto(editing.url);
  await expectChecked(page);
  return page;
}

/** The checker's verdict is on the page (no check under way). */
const expectChecked = (page: Page) => page.waitForSelector('#problems[aria-busy="false"]', { timeout: 5000 });

/** Waits until `done` holds (a file the server writes), at most five seconds. */
async function until(done: () => boolean): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > 5000) throw new Error('timed out');
  }
}

const NEW_TOTAL = '一、本年新收政府信息公开申请数量·总计';
const NEW_BUSINESS = '一、本年新收政府信息公开申请数量·商业企业';

test('a wrong total typed into a named cell: the error on that cell with the expected value within a second; fixed, the list is empty', async () => {
  const editing = await startEdit();
  const page = await openPage(editing);
  const problems = page.getByRole('region', { name: '问题' });
  await expect(problems.getByRole('listitem').count()).resolves.toBe(0);
  const total = page.getByRole('textbox', { name: NEW_TOTAL, exact: true });
  await total.fill('5');
  await page.waitForSelector(`[aria-label="${NEW_TOTAL}"][aria-invalid="true"]`, { timeout: 1000 });
  const description = await total.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(description).toContain('应为 0，实际为 5');
  // The hint: the sum, ending in the expected value.
  expect(description).toContain('总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 0 + 0 + 0 + 0 + 0 + 0 = 0');
  await expect(problems.getByRole('link').first().textContent()).resolves.toContain(NEW_TOTAL);
  await total.fill('0');
  await page.waitForSelector(`[aria-label="${NEW_TOTAL}"]:not([aria-invalid])`, { timeout: 1000 });
  await expectChecked(page);
  await expect(problems.getByRole('listitem').count()).resolves.toBe(0);
  await page.close();
  await stop(editing);
});

test('a tab-separated row pasted into the first cell fills the row; saving writes a one-line diff; Ctrl+S saves too', async () => {
  const editing = await startEdit();
  const page = await openPage(editing);
  const first = page.getByRole('textbox', { name: '（一）予以公开·自然人', exact: true });
  await first.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '3\t1\t0\t0\t0\t0\t4\r\n');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('textbox', { name: '（一）予以公开·总计', exact: true }).inputValue()).resolves.toBe('4');
  await expect(page.getByRole('textbox', { name: '（一）予以公开·商业企业', exact: true }).inputValue()).resolves.toBe('1');
  await expectChecked(page);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('已保存'));
  const before = SEED.split('\n');
  const after = fs.readFileSync(editing.file, 'utf8').split('\n');
  expect(after).toHaveLength(before.length);
  expect(after.flatMap((line, i) => (line === before[i] ? [] : [`${before[i]} → ${line}`]))).toEqual([
    '    disclosed: [0, 0, 0, 0, 0, 0, 0] →     disclosed: [3, 1, 0, 0, 0, 0, 4]',
  ]);
  // Arrow keys move as in a spreadsheet; Ctrl+S saves.
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）·自然人',
  );
  await page.keyboard.type('2');
  await page.keyboard.press('Control+s');
  await until(() => fs.readFileSync(editing.file, 'utf8').includes('partially_disclosed: [2, 0, 0, 0, 0, 0, 0]'));
  await page.close();
  await stop(editing);
});

test('a change made to the file on disk is offered for reload; reloading shows the file as it is', async () => {
  const editing = await startEdit();
  const page = await openPage(editing);
  fs.writeFileSync(editing.file, SEED.replace('  licensing: 49255', '  licensing: 49256'));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('button', { name: '重新载入' }).waitFor({ timeout: 5000 })).resolves.toBeUndefined();
  await alert.getByRole('button', { name: '重新载入' }).click();
  await page.waitForLoadState('load');
  await expectChecked(page);
  await expect(page.getByRole('textbox', { name: '行政许可：本年处理决定数量', exact: true }).inputValue()).resolves.toBe('49256');
  await page.close();
  await stop(editing);
});

test('计算总计 shows every total it would change before filling them in', async () => {
  const editing = await startEdit();
  const page = await openPage(editing);
  await page.getByRole('textbox', { name: NEW_BUSINESS, exact: true }).fill('2');
  await expectChecked(page);
  await page.getByRole('button', { name: '计算总计' }).click();
  const dialog = page.getByRole('dialog', { name: '计算总计' });
  await dialog.waitFor();
  await expect(dialog.getByRole('row').allTextContents()).resolves.toEqual(['单元格现在改为', `${NEW_TOTAL}02`]);
  await dialog.getByRole('button', { name: '填入' }).click();
  await expect(page.getByRole('textbox', { name: NEW_TOTAL, exact: true }).inputValue()).resolves.toBe('2');
  await page.close();
  await stop(editing);
});

test('edits of a page closed without saving are offered back when the report is opened again', async () => {
  const editing = await startEdit();
  const page = await openPage(editing);
  await page.getByRole('textbox', { name: '行政处罚：本年处理决定数量', exact: true }).fill('46');
  await expectChecked(page);
  await page.close();
  await stop(editing);
  const again = spawn(process.execPath, [path.join(ROOT, 'bin', 'report'), 'edit', editing.file, '--no-open'], {
    env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(again);
  const url = await new Promise<string>((resolve) => again.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').split('\n')[0] as string)));
  const reopened = await openPage({ url, file: editing.file, child: again });
  await reopened.getByRole('alert').getByRole('button', { name: '恢复这些修改' }).click();
  await expect(reopened.getByRole('textbox', { name: '行政处罚：本年处理决定数量', exact: true }).inputValue()).resolves.toBe('46');
  await reopened.close();
  await stop({ url, file: editing.file, child: again });
});

test('the PDF and DOCX the page offers are the bytes `report build` writes', async () => {
  const editing = await startEdit();
  const out = path.join(dir, 'built');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'report'), 'build', editing.file, '--out', out, '--format', 'pdf,docx'], { stdio: 'ignore' });
  const name = path.basename(editing.file, '.yaml');
  for (const format of ['pdf', 'docx']) {
    const offered = Buffer.from(await (await fetch(`${editing.url}report.${format}`)).arrayBuffer());
    expect(offered.equals(fs.readFileSync(path.join(out, `${name}.${format}`)))).toBe(true);
  }
  await stop(editing);
});

test('a page of another origin that calls the server is refused; so is a request without the token', async () => {
  const editing = await startEdit();
  // Another site on this machine: its page's requests carry its own Origin, which the browser sets.
  const foreign = http.createServer((_, response) => response.end('<!DOCTYPE html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
  const statusOf = async (url: string, method: string) => {
    const response = page.waitForResponse(url);
    await page.evaluate(({ url, method }) => fetch(url, { method, mode: 'no-cors', body: method === 'POST' ? '{"edits":[]}' : null }).catch(() => undefined), {
      url,
      method,
    });
    return (await response).status();
  };
  expect(await statusOf(`${editing.url}check`, 'POST')).toBe(403);
  expect(await statusOf(`${editing.url}state`, 'GET')).toBe(403);
  const own = await openPage(editing);
  const withoutToken = new URL('/state', editing.url).href;
  expect(await own.evaluate((url) => fetch(url).then((r) => r.status), withoutToken)).toBe(403);
  expect(await own.evaluate((url) => fetch(url).then((r) => r.status), `${editing.url}state`)).toBe(200);
  await own.close();
  await page.close();
  foreign.close();
  await stop(editing);
});

// 640 px is a 1280 px window at 200 % zoom.
test.each([1280, 640, 390])('axe-core at %i px, every rule: no violations', async (width) => {
  const editing = await startEdit();
  const page = await openPage(editing, width);
  if (keep) {
    await page.waitForFunction(() => (document.getElementById('preview') as HTMLIFrameElement).contentDocument?.querySelector('article'));
    fs.writeFileSync(path.join(keep, `edit-${width}-clean.png`), await page.screenshot());
  }
  await page.getByRole('textbox', { name: NEW_TOTAL, exact: true }).fill('5');
  await page.waitForSelector(`[aria-label="${NEW_TOTAL}"][aria-invalid="true"]`);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document),
  )) as import('axe-core').AxeResults;
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
  // The page itself never scrolls sideways: a table too wide scrolls inside its own box; so with large type (适老化) too.
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await expect(pageWidth()).resolves.toBeLessThanOrEqual(width);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  await page.getByRole('button', { name: '大字' }).click();
  expect(await size()).toBeGreaterThanOrEqual(before * 1.3);
  await expect(pageWidth()).resolves.toBeLessThanOrEqual(width);
  await page.getByRole('button', { name: '大字' }).click();
  if (keep) {
    const cell = page.getByRole('textbox', { name: NEW_TOTAL, exact: true });
    await cell.focus();
    await cell.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    fs.writeFileSync(path.join(keep, `edit-${width}.png`), await page.screenshot());
  }
  await page.close();
  await stop(editing);
});

test('without a file: the start page (axe clean at 390 px) makes a blank report, and the same address edits it, its cells named', async () => {
  const folder = fs.mkdtempSync(path.join(dir, 'start-'));
  fs.writeFileSync(path.join(folder, '2023.yaml'), SEED);
  const editing = await spawnEdit([], folder, path.join(folder, '2024.yaml'));
  const page = await browser.newPage({ viewport: { width: 390, height: 800 }, bypassCSP: true });
  await page.goto(editing.url);
  await expect(page.getByRole('button', { name: '2023.yaml' }).count()).resolves.toBe(1);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document),
  )) as import('axe-core').AxeResults;
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
  if (keep) fs.writeFileSync(path.join(keep, 'edit-start-390.png'), await page.screenshot({ fullPage: true }));
  // A name outside the folder is refused, on the page.
  await page.getByRole('textbox', { name: '发布机关全称' }).fill('某某市某某局');
  await page.getByRole('spinbutton', { name: '年度' }).fill('2024');
  await page.getByRole('textbox', { name: /^文件名（不填则为/ }).fill('../2024.yaml');
  await page.getByRole('button', { name: '新建并填写' }).click();
  await page.waitForFunction(() => document.getElementById('notice')?.textContent?.includes('不可用'));
  await page.getByRole('textbox', { name: /^文件名（不填则为/ }).fill('');
  await page.getByRole('button', { name: '新建并填写' }).click();
  await page.waitForURL(editing.url);
  await page.waitForSelector('h1:text("2024.yaml")');
  await expectChecked(page);
  await expect(page.getByRole('textbox', { name: NEW_BUSINESS, exact: true }).inputValue()).resolves.toBe('0');
  await expect(page.getByRole('region', { name: '问题' }).getByRole('listitem').count()).resolves.toBe(0);
  expect(fs.readFileSync(editing.file, 'utf8')).toContain('某某市某某局');
  await page.close();
  await stop(editing);
});
