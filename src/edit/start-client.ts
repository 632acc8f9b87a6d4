/// <reference lib="dom" />
/**
 * The start page's script, run in the browser: sends the clerk's choice (a report to open, a blank
 * one to make, a published one to import) and, once the server has the file, reloads the same
 * address, which is then the editing page. Self-contained like client.ts: the server sends its text.
 */
export function startPage(): void {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const data = JSON.parse(byId('page-data').textContent ?? '{}') as { maxBytes: number };
  const notice = byId('notice');
  const status = byId('status');
  const value = (id: string) => byId<HTMLInputElement>(id).value;
  let busy = false;

  /** Sends one choice; the server answers with the file (then the editing page is here) or why not. */
  async function choose(request: () => Promise<Response>, doing: string): Promise<void> {
    if (busy) return;
    busy = true;
    notice.textContent = '';
    status.textContent = doing;
    try {
      const response = await request();
      // A refusal before the server read the request (too large, say) is plain text: its status is said.
      const answer = (
        response.headers.get('content-type')?.startsWith('application/json') ? await response.json() : { refused: `未能完成（${response.status}），请重试。` }
      ) as { file?: string; refused?: string };
      if (answer.file !== undefined) {
        status.textContent = `正在打开 ${answer.file}…`;
        window.location.reload();
        return;
      }
      status.textContent = '';
      notice.textContent = answer.refused ?? '未能完成，请重试。';
    } catch {
      status.textContent = '';
      notice.textContent = '无法连接 nianbao：请确认命令窗口仍在运行。';
    }
    busy = false;
  }

  const postJson = (route: string, body: unknown) => () =>
    fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  for (const button of document.querySelectorAll<HTMLButtonElement>('button.open')) {
    button.addEventListener('click', () => void choose(postJson('open', { name: button.dataset.name }), '正在打开…'));
  }
  byId('create').addEventListener(
    'click',
    () => void choose(postJson('init', { organ: value('organ'), year: value('year'), name: value('init-name') }), '正在新建…'),
  );
  byId('import').addEventListener('click', () => {
    const file = byId<HTMLInputElement>('source').files?.[0];
    if (!file) {
      notice.textContent = '请先选择已发布的报告文件。';
      return;
    }
    if (file.size > data.maxBytes) {
      notice.textContent = `${file.name} 超过 ${data.maxBytes / 1024 / 1024} MB。`;
      return;
    }
    const query = `source=${encodeURIComponent(file.name)}&name=${encodeURIComponent(value('import-name'))}`;
    void choose(
      () => fetch(`import?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file }),
      `正在导入 ${file.name}（可能需要半分钟）…`,
    );
  });
}
