/**
 * What `report edit` offers without a file: a report to open from the folder it was started in, a
 * blank one made by `init`'s template, or one imported from a published report uploaded through the
 * page. Every name the page sends is a plain file name inside that folder (no folder part, no `..`),
 * and nothing is ever written over: the clerk chooses another name instead.
 */
import * as path from 'node:path';
import { IMPORT_LIMIT_BYTES, yamlNameOf, type ImportOutcome } from '../core/import';
import { DEFAULT_FORMAT } from '../format/registry';
import type { Host } from '../host';
import { initTemplate } from '../report/init-template';
import { SCHEMA_REFERENCE } from '../schema/schema-file';

/** The reports listed on the start page: the newest of the folder, enough to find this year's. */
export const MAX_LISTED = 30;

/** The largest published report uploaded: what `report import` reads at most. */
export const MAX_UPLOAD_BYTES = IMPORT_LIMIT_BYTES;

/** The published formats the page takes (by extension, as `report import` tells them). */
export const IMPORTABLE = ['.pdf', '.docx', '.html', '.htm', '.txt'];

const REPORT_FILE = /\.ya?ml$/i;

/** A chosen report file, or why not (in Chinese, for the page). */
export type Chosen = { file: string } | { refused: string };

export interface Listed {
  name: string;
  /** When it was last changed (ms since the epoch), for the page to show. */
  modified: number;
}

/** The folder's report files, newest first, at most MAX_LISTED. */
export function listReports(host: Host, folder: string): Listed[] {
  const listed: Listed[] = [];
  for (const entry of host.readDir(folder)) {
    if (entry.directory || !REPORT_FILE.test(entry.name)) continue;
    const stat = host.statFile(path.join(folder, entry.name));
    if (stat.kind === 'file') listed.push({ name: entry.name, modified: stat.mtimeMs });
  }
  return listed.sort((a, b) => b.modified - a.modified || a.name.localeCompare(b.name)).slice(0, MAX_LISTED);
}

/**
 * The path of a report file named on the page, inside `folder`: a plain name (`.yaml` added when it
 * has no YAML extension), never a path — so a page can write nowhere else.
 */
export function reportPathIn(folder: string, name: unknown): Chosen {
  if (typeof name !== 'string' || name.trim() === '') return { refused: '请填写文件名。' };
  const trimmed = name.trim();
  if (trimmed.length > 120 || /[\\/:*?"<>|\u0000-\u001f]/.test(trimmed) || trimmed.startsWith('.') || path.isAbsolute(trimmed)) {
    return { refused: `文件名“${trimmed.slice(0, 120)}”不可用：只写文件名（如 2024.yaml），不带文件夹、不以“.”开头，不含 \\ / : * ? " < > |。` };
  }
  return { file: path.join(folder, REPORT_FILE.test(trimmed) ? trimmed : `${trimmed}.yaml`) };
}

/** An existing report of the folder, to open. */
export function chooseExisting(host: Host, folder: string, name: unknown): Chosen {
  const chosen = reportPathIn(folder, name);
  if ('refused' in chosen) return chosen;
  return host.statFile(chosen.file).kind === 'file' ? chosen : { refused: `找不到 ${path.basename(chosen.file)}。` };
}

/** The path of a new report, refused when a file of that name is there (nothing is written over). */
function newReportPath(host: Host, folder: string, name: unknown): Chosen {
  const chosen = reportPathIn(folder, name);
  if ('refused' in chosen) return chosen;
  if (host.statFile(chosen.file).kind !== 'missing') return { refused: `${path.basename(chosen.file)} 已经存在：请打开它，或换一个文件名。` };
  return chosen;
}

/** Writes the blank report `report init` writes, of `year` by `organ`, under `name` (default <year>.yaml). */
export function createBlank(host: Host, folder: string, request: { name?: unknown; organ?: unknown; year?: unknown }): Chosen {
  const year = Number(request.year);
  const { first, last } = DEFAULT_FORMAT.years;
  if (!Number.isInteger(year) || year < first || year > last) return { refused: `年度应为 ${first}–${last} 之间的年份。` };
  const organ = typeof request.organ === 'string' ? request.organ.trim() : '';
  if (organ === '' || organ.length > 100 || /[\u0000-\u001f]/.test(organ)) return { refused: '请填写发布机关全称（一行，100 字以内）。' };
  const name = typeof request.name === 'string' && request.name.trim() !== '' ? request.name : `${year}.yaml`;
  const chosen = newReportPath(host, folder, name);
  if ('refused' in chosen) return chosen;
  host.writeBytesAtomic(chosen.file, new TextEncoder().encode(initTemplate({ format: DEFAULT_FORMAT, year, organ, schemaPath: SCHEMA_REFERENCE })));
  return chosen;
}

/** Runs `report import`'s core on the uploaded bytes, in its sandbox (the caller's worker). */
export type ImportRunner = (job: { file: string; output: string; bytes: Uint8Array }) => Promise<ImportOutcome>;

/**
 * Imports an uploaded published report (`source`: its file name, which tells its format) and writes
 * the YAML under `name` (default <source's name>.yaml), atomically; nothing is written when it cannot be read.
 */
export async function createImported(
  host: Host,
  folder: string,
  request: { source: unknown; name?: unknown; bytes: Uint8Array },
  run: ImportRunner,
): Promise<Chosen> {
  const source = typeof request.source === 'string' ? path.basename(request.source.replace(/\\/g, '/')) : '';
  if (!IMPORTABLE.includes(path.extname(source).toLowerCase())) return { refused: `请选择已发布的报告文件（${IMPORTABLE.join('、')}）。` };
  if (request.bytes.length === 0) return { refused: `${source} 是空文件。` };
  if (request.bytes.length > MAX_UPLOAD_BYTES) return { refused: `${source} 超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。` };
  const name = typeof request.name === 'string' && request.name.trim() !== '' ? request.name : yamlNameOf(source);
  const chosen = newReportPath(host, folder, name);
  if ('refused' in chosen) return chosen;
  const outcome = await run({ file: source, output: chosen.file, bytes: request.bytes });
  if (outcome.yaml === undefined) return { refused: `无法导入 ${source}：${outcome.failure?.zh ?? '文件无法读取'}` };
  // Checked again: the import took a while, and another program may have written the name meanwhile.
  if (host.statFile(chosen.file).kind !== 'missing') return { refused: `${path.basename(chosen.file)} 已经存在：请换一个文件名。` };
  host.writeBytesAtomic(chosen.file, new TextEncoder().encode(outcome.yaml));
  return chosen;
}
