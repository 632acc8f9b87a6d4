/**
 * The schema is generated from the format data and committed; the TypeScript Report type agrees
 * with it key for key; every property carries a Chinese title for editors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../src/report/types';
import { DEFAULT_FORMAT } from '../src/format/registry';
import { buildReportSchema } from '../src/schema/build-schema';
import { ROOT } from './helpers/fixtures';

type Schema = { [key: string]: unknown; properties?: Record<string, Schema>; $ref?: string; title?: string; anyOf?: Schema[]; items?: Schema };
const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8')) as Schema;

test('schemas/report.schema.json is what the format data generates (run `npm run schema`)', () => {
  expect(committed).toEqual(buildReportSchema(DEFAULT_FORMAT));
});

/** Every object path the schema declares, e.g. applications.results.withheld.state_secret. */
function schemaPaths(schema: Schema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => [`${prefix}${key}`, ...schemaPaths(child, `${prefix}${key}.`)]);
}

/** Every object path of a value (arrays and strings are leaves). */
function valuePaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...valuePaths(child, `${prefix}${key}.`)]);
}

/** A report with every optional key present; the compiler rejects a missing or an extra key here. */
type Complete<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;
const row = [0, 0, 0, 0, 0, 0, 0];
const complete: Complete<Report> = {
  format: '2021',
  organ: '某机关',
  year: 2023,
  title: '标题',
  date: '2024-01-20',
  preamble: '前言',
  website: 'http://example.gov.cn/',
  contact: { office: '办公室', address: '地址', phone: '1', postcode: '100000' },
  overview: '总体情况',
  proactive: {
    rules: { issued: 0, repealed: 0, in_force: 0 },
    normative_documents: { issued: 0, repealed: 0, in_force: 0 },
    licensing: 0,
    punishment: 0,
    enforcement: 0,
    fees: 0,
  },
  applications: {
    new: row,
    carried_over: row,
    results: {
      disclosed: row,
      partially_disclosed: row,
      withheld: {
        state_secret: row,
        prohibited_by_law: row,
        three_safeties_one_stability: row,
        third_party_rights: row,
        internal_affairs: row,
        process_info: row,
        enforcement_files: row,
        administrative_inquiry: row,
      },
      unavailable: { not_held: row, needs_creation: row, unclear_after_correction: row },
      not_processed: { petition_complaint: row, duplicate: row, publication: row, excessive: row, confirm_existing: row },
      other: { overdue_correction: row, overdue_fee: row, other: row },
      total: row,
    },
    carry_forward: row,
  },
  review_litigation: { review: [0, 0, 0, 0, 0], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] },
  problems: '问题',
  other_matters: '其他',
  processing_fees: { notices: 0, amount_yuan: 0, collected_yuan: 0 },
  fonts: { fangsong: 'a.ttf', heiti: 'b.ttf', kaiti: 'c.ttf', xiaobiaosong: 'd.ttf', songti: 'e.ttc' },
};

test('the Report type and the schema have the same keys', () => {
  expect(valuePaths(complete).sort()).toEqual(schemaPaths(committed).sort());
});

test('every property has a Chinese title', () => {
  const missing: string[] = [];
  const walk = (schema: Schema, at: string) => {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (!child.title || !/[\u4e00-\u9fff]/.test(child.title)) missing.push(`${at}${key}`);
      walk(child, `${at}${key}.`);
    }
  };
  walk(committed, '');
  expect(missing).toEqual([]);
});

test('row and table labels come from the national format', () => {
  const results = committed.properties?.applications?.properties?.results?.properties ?? {};
  expect(results.withheld?.properties?.three_safeties_one_stability?.title).toBe('（三）不予公开 3.危及“三安全一稳定”');
  expect(committed.properties?.review_litigation?.properties?.litigation_after_review?.title).toBe('复议后起诉');
});
