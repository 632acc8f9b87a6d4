/// <reference lib="dom" />
/**
 * The editing page's script, run in the browser. The server sends this function's own text
 * (`(${editPage})()`, server.ts), so it is one self-contained function: it uses nothing from outside
 * it but the DOM. It keeps no report data of its own beyond the values as saved: every change is
 * sent to the server, whose checker (the one `report validate` runs) judges it, and the page shows
 * its verdict; until it comes, the problem list says it is checking.
 *
 * (The DOM's types are referenced here for this file; the rest of src/ runs in Node and uses none of them.)
 */
export function editPage(): void {
  interface Edit {
    pointer: string;
    value: string;
    number?: true;
  }
  interface Problem {
    code: string;
    severity: 'error' | 'warning';
    message: string;
    hints: string[];
    pointer: string | null;
    line?: number;
    column?: number;
  }
  type Field = HTMLInputElement | HTMLTextAreaElement;
  const UNSAVABLE = '这份文件不是 UTF-8 编码，页面可以检查和预览，但不能保存：请先用文本编辑器另存为 UTF-8 后重新打开。';

  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const data = JSON.parse(byId('page-data').textContent ?? '{}') as { base: string; recovered: Edit[]; savable: boolean };
  let base = data.base;
  const fields = [...document.querySelectorAll<Field>('[data-pointer]')];
  const pointerOf = (field: Field) => field.dataset.pointer ?? '';
  const byPointer = new Map(fields.map((field) => [pointerOf(field), field]));
  /** The values as the file has them (as last saved). */
  const saved = new Map(fields.map((field) => [pointerOf(field), field.value]));
  const problems = byId('problems');
  const list = byId('problem-list');
  const count = byId('problem-count');
  const status = byId('status');
  const machine = byId('machine');
  const notice = byId('notice');
  const preview = byId<HTMLIFrameElement>('preview');
  /** While a closed page's edits are offered back, checks leave its recovery file alone. */
  let recovering = data.recovered.length > 0;

  const edits = (): Edit[] =>
    fields
      .filter((field) => field.value !== saved.get(pointerOf(field)))
      .map((field) => ({ pointer: pointerOf(field), value: field.value, ...(field.dataset.number ? { number: true as const } : {}) }));

  async function post<T>(route: string, body: unknown): Promise<T> {
    const response = await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as T;
  }

  function say(text: string): void {
    status.textContent = text;
  }

  function showUnsaved(): void {
    const n = edits().length;
    say(n > 0 ? `有 ${n} 处修改未保存` : '');
  }

  /** A notice with buttons; `null` clears it. */
  function offer(text: string | null, buttons: [string, () => void][] = []): void {
    notice.replaceChildren();
    if (text === null) return;
    const p = document.createElement('p');
    p.textContent = text;
    notice.append(p);
    for (const [label, act] of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', act);
      notice.append(button);
    }
  }

  // ------------------------------------------------------------------ checking
  let sequence = 0;
  let timer: number | undefined;

  function show(found: Problem[]): void {
    for (const field of fields) {
      field.removeAttribute('aria-invalid');
      field.parentElement?.classList.remove('bad', 'warn');
      const message = document.getElementById(`${field.id}-msg`);
      if (message) message.textContent = '';
    }
    list.replaceChildren();
    for (const problem of found) {
      const field = problem.pointer !== null ? byPointer.get(problem.pointer) : undefined;
      const text = [problem.message, ...problem.hints].join('；');
      const item = document.createElement('li');
      item.className = problem.severity;
      if (field) {
        if (problem.severity === 'error') field.setAttribute('aria-invalid', 'true');
        field.parentElement?.classList.add(problem.severity === 'error' ? 'bad' : 'warn');
        const message = document.getElementById(`${field.id}-msg`);
        if (message) message.textContent = message.textContent ? `${message.textContent}\n${text}` : text;
        const link = document.createElement('a');
        link.href = `#${field.id}`;
        link.textContent = `${field.getAttribute('aria-label') ?? ''}：${text}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          field.focus();
        });
        item.append(link);
      } else {
        item.textContent = `${problem.line !== undefined ? `第 ${problem.line} 行：` : ''}${text}`;
      }
      list.append(item);
    }
    showBubble();
    const errors = found.filter((p) => p.severity === 'error').length;
    count.textContent = found.length === 0 ? '（无）' : `（${errors} 个错误，${found.length - errors} 个警告）`;
  }

  async function check(): Promise<void> {
    const mine = ++sequence;
    problems.setAttribute('aria-busy', 'true');
    const result = await post<{ diagnostics?: Problem[]; machine?: Problem[]; refused?: string }>('check', { edits: edits(), recovering });
    // A newer check is under way: its verdict is the one to show.
    if (mine !== sequence) return;
    if (result.diagnostics) {
      show(result.diagnostics);
      machine.textContent = (result.machine ?? []).map((p) => [p.message, ...p.hints].join('；')).join('\n');
      problems.setAttribute('aria-busy', 'false');
      preview.src = `preview?v=${mine}`;
    } else {
      offer(`这处修改无法写入文件（${result.refused ?? ''}）`);
    }
    showUnsaved();
  }

  const checkSoon = () => {
    problems.setAttribute('aria-busy', 'true');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void check(), 120);
  };

  for (const field of fields) field.addEventListener('input', checkSoon);

  // The table cell in focus, named beside it with its problem if it has one: on a phone the row's label has often scrolled
  // out of sight. A box of its own, so the table's scrolling frame does not clip it (screen readers have both as the cell's name and description).
  const bubble = byId('bubble');
  function showBubble(): void {
    const field = document.activeElement;
    if (!(field instanceof HTMLInputElement) || field.dataset.row === undefined) {
      bubble.hidden = true;
      return;
    }
    const problem = document.getElementById(`${field.id}-msg`)?.textContent ?? '';
    const name = document.createElement('strong');
    name.textContent = field.getAttribute('aria-label') ?? '';
    bubble.replaceChildren(name, ...(problem ? [document.createElement('br'), problem] : []));
    bubble.classList.toggle('problem', problem !== '');
    bubble.hidden = false;
    const cell = field.getBoundingClientRect();
    bubble.style.left = `${Math.max(8, Math.min(cell.left, window.innerWidth - bubble.offsetWidth - 8))}px`;
    bubble.style.top = `${cell.bottom + 4}px`;
  }
  document.addEventListener('focusin', showBubble);
  document.addEventListener('focusout', () => {
    bubble.hidden = true;
  });
  document.addEventListener('scroll', showBubble, { capture: true, passive: true });

  // ------------------------------------------------------------------ saving and outside changes
  let saving = false;
  async function save(): Promise<void> {
    if (saving) return;
    saving = true;
    const sent = edits();
    const result = await post<{ saved?: string; conflict?: true; refused?: string }>('save', { edits: sent, base });
    saving = false;
    if (result.saved) {
      base = result.saved;
      for (const edit of sent) saved.set(edit.pointer, edit.value);
      say(`已保存 ${new Date().toTimeString().slice(0, 5)}`);
      offer(null);
      await check();
      if (edits().length === 0) say(`已保存 ${new Date().toTimeString().slice(0, 5)}`);
    } else if (result.conflict) {
      offerReload('文件已在别处被修改，没有保存。');
    } else {
      offer(result.refused === 'encoding' ? UNSAVABLE : `没有保存（${result.refused ?? ''}）`);
    }
  }

  function offerReload(why: string): void {
    const n = edits().length;
    offer(`${why}${n > 0 ? `重新载入将放弃本页未保存的 ${n} 处修改。` : ''}`, [
      [
        '重新载入',
        () => {
          void post('reload', {}).then(() => window.location.reload());
        },
      ],
    ]);
  }

  let told = false;
  window.setInterval(() => {
    void fetch('state')
      .then((response) => response.json() as Promise<{ changedOnDisk: boolean }>)
      .then((state) => {
        if (state.changedOnDisk && !told && !saving) offerReload('文件已在别处被修改。');
        told = state.changedOnDisk;
      });
  }, 1000);

  byId('save').addEventListener('click', () => void save());
  window.addEventListener('beforeunload', (event) => {
    if (edits().length > 0) event.preventDefault();
  });

  // ------------------------------------------------------------------ keyboard and paste in the tables
  const cellsOf = (field: Field) => [...(field.closest('table')?.querySelectorAll<HTMLInputElement>('input[data-row]') ?? [])];
  const at = (field: Field) => ({ row: Number(field.dataset.row), col: Number(field.dataset.col) });
  /** The table's value rows, each its inputs left to right. */
  function rowsOf(field: Field): HTMLInputElement[][] {
    const rows = new Map<number, HTMLInputElement[]>();
    for (const cell of cellsOf(field)) rows.set(at(cell).row, [...(rows.get(at(cell).row) ?? []), cell]);
    return [...rows.keys()].sort((a, b) => a - b).map((row) => (rows.get(row) ?? []).sort((a, b) => at(a).col - at(b).col));
  }

  function neighbour(field: HTMLInputElement, rowStep: number, colStep: number): HTMLInputElement | undefined {
    const rows = rowsOf(field);
    const r = rows.findIndex((row) => row.includes(field));
    const row = rows[r] ?? [];
    if (colStep !== 0) return row[row.indexOf(field) + colStep];
    const next = rows[r + rowStep];
    if (!next) return undefined;
    const col = at(field).col;
    return next.reduce((best, cell) => (Math.abs(at(cell).col - col) < Math.abs(at(best).col - col) ? cell : best));
  }

  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
      return;
    }
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || field.dataset.row === undefined) return;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    const step: Record<string, [number, number] | undefined> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      Enter: event.shiftKey ? [-1, 0] : [1, 0],
      ArrowLeft: start === 0 && end === 0 ? [0, -1] : undefined,
      ArrowRight: start === field.value.length ? [0, 1] : undefined,
    };
    const move = step[event.key];
    if (!move) return;
    const target = neighbour(field, move[0], move[1]);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  });

  // A row or block copied from Excel or WPS: tab-separated cells, one line a row, filled from the cell pasted into.
  document.addEventListener('paste', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || field.dataset.row === undefined) return;
    const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    if (!/[\t\n]/.test(text)) return;
    event.preventDefault();
    const rows = rowsOf(field);
    const r = rows.findIndex((row) => row.includes(field));
    const c = rows[r]?.indexOf(field) ?? 0;
    text.split('\n').forEach((line, i) =>
      line.split('\t').forEach((value, j) => {
        const cell = rows[r + i]?.[c + j];
        if (cell) cell.value = value.trim().replace(/[,，]/g, '');
      }),
    );
    checkSoon();
  });

  // ------------------------------------------------------------------ totals
  const dialog = byId<HTMLDialogElement>('totals-dialog');
  let proposed: { pointer: string; name: string; from: string; to: string }[] = [];
  byId('totals').addEventListener('click', () => {
    void post<typeof proposed>('totals', { edits: edits() }).then((changes) => {
      if (changes.length === 0) {
        say('各总计都等于其各项之和');
        return;
      }
      proposed = changes;
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const label of ['单元格', '现在', '改为']) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = label;
        head.append(th);
      }
      const body = table.createTBody();
      for (const change of changes) {
        const row = body.insertRow();
        for (const text of [change.name, change.from || '（空）', change.to]) row.insertCell().textContent = text;
      }
      byId('totals-list').replaceChildren(table);
      dialog.showModal();
    });
  });
  byId('totals-apply').addEventListener('click', () => {
    for (const change of proposed) {
      const field = byPointer.get(change.pointer);
      if (field) field.value = change.to;
    }
    dialog.close();
    void check();
  });
  byId('totals-cancel').addEventListener('click', () => dialog.close());

  // ------------------------------------------------------------------ large type (适老化)
  const large = byId('large');
  const setLarge = (on: boolean) => {
    document.documentElement.classList.toggle('large', on);
    large.setAttribute('aria-pressed', String(on));
    localStorage.setItem('nianbao-large', on ? '1' : '');
  };
  large.addEventListener('click', () => setLarge(large.getAttribute('aria-pressed') !== 'true'));
  setLarge(localStorage.getItem('nianbao-large') === '1');

  // ------------------------------------------------------------------ a closed page's edits
  if (!data.savable) offer(UNSAVABLE);
  else if (recovering) {
    offer(`上次关闭时有 ${data.recovered.length} 处修改没有保存。`, [
      [
        '恢复这些修改',
        () => {
          for (const edit of data.recovered) {
            const field = byPointer.get(edit.pointer);
            if (field) field.value = edit.value;
          }
          recovering = false;
          offer(null);
          void check();
        },
      ],
      [
        '放弃',
        () => {
          recovering = false;
          offer(null);
          void check();
        },
      ],
    ]);
  }
  void check();
}
