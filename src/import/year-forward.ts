/**
 * `report import LAST --year-forward`: last year's report data → the start of next year's (pure).
 * year + 1; date null (the checker flags it, RPT2012, until the clerk fills it in); a title that
 * names last year's year is moved to the new year; every table cell 0, except 上年结转 = last
 * year's 结转下年度继续办理 (R8) — carried to 结转下年度继续办理 too, so table 三 balances — and
 * 现行有效件数 = last year's (issued 0, repealed 0: R9 holds); part texts kept, each marked as a
 * draft to rewrite. Comments come back as notes for writeYaml.
 */
import { formatOf } from '../format/registry';
import { isRecord } from '../report/plain-data';
import type { ReportData } from './recognise';
import type { Note } from '../report/write-yaml';
import { TEXT_KEYS } from '../validate/rules/texts';

export const DRAFT_NOTE = '草稿：沿用上年文字，请改写';
export const DATE_NOTE = '填写成文日期';

export interface Forwarded {
  data: ReportData;
  notes: Note[];
}

/** Every number (or unreadable null) cell in `value` set to 0, the shape kept. */
function zeroed(value: unknown): unknown {
  if (typeof value === 'number' || value === null) return 0;
  if (Array.isArray(value)) return value.map(zeroed);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroed(v)]));
  return value;
}

/** Next year's draft, in the format of last year's report. */
export function yearForward(last: ReportData): Forwarded {
  const notes: Note[] = [];
  const data: ReportData = { ...last };
  const year = typeof last.year === 'number' ? last.year : undefined;
  if (year !== undefined) data.year = year + 1;
  data.date = null;
  notes.push({ path: ['date'], text: DATE_NOTE, place: 'after' });
  if (typeof last.title === 'string') {
    if (year !== undefined && last.title.includes(`${year}年`)) data.title = last.title.split(`${year}年`).join(`${year + 1}年`);
    else delete data.title; // the default title names the new year
  }
  if (isRecord(last.proactive)) {
    const proactive = zeroed(last.proactive) as Record<string, unknown>;
    for (const row of formatOf(last).labels.DOCUMENT_ROWS) {
      const before = last.proactive[row.key];
      if (isRecord(before)) proactive[row.key] = { ...(proactive[row.key] as object), in_force: before.in_force ?? null };
    }
    data.proactive = proactive;
  }
  if (isRecord(last.applications)) {
    const applications = zeroed(last.applications) as Record<string, unknown>;
    const forward = last.applications.carry_forward;
    if (forward !== undefined) {
      // Copies: one shared array would be written as a YAML anchor and alias.
      applications.carried_over = structuredClone(forward);
      applications.carry_forward = structuredClone(forward);
    }
    data.applications = applications;
  }
  if (last.review_litigation !== undefined) data.review_litigation = zeroed(last.review_litigation);
  if (last.processing_fees !== undefined) data.processing_fees = zeroed(last.processing_fees);
  for (const key of TEXT_KEYS) if (last[key] !== undefined) notes.push({ path: [key], text: DRAFT_NOTE, place: 'above' });
  return { data, notes };
}
