/**
 * `report import LAST --year-forward`: next year's report started from last year's — year + 1, the
 * date left for the clerk (null: RPT2012 until filled), tables zeroed, 上年结转 and 现行有效件数
 * carried over so R8/R9 hold against LAST, texts kept and marked as drafts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DATE_NOTE, DRAFT_NOTE, yearForward } from '../src/import/year-forward';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const LAST = path.join(FIXTURES, 'valid', 'busy-county-2022.yaml');
const last = () => parse(fs.readFileSync(LAST, 'utf8')) as Record<string, unknown>;

describe('yearForward (data)', () => {
  it('moves the year on, clears the date and zeroes the tables', async () => {
    const { data } = yearForward(last());
    expect(data.year).toBe(2023);
    expect(data.date).toBeNull();
    const proactive = data.proactive as Record<string, unknown>;
    expect(proactive.licensing).toBe(0);
    expect(proactive.fees).toBe(0);
    expect(data.review_litigation).toEqual({ review: [0, 0, 0, 0], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] });
    expect(data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
    const applications = data.applications as Record<string, unknown>;
    expect(applications.new).toEqual([0, 0, 0, 0, 0, 0]);
    expect((applications.results as Record<string, Record<string, unknown>>).withheld?.state_secret).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('carries 结转下年度继续办理 into 上年结转 and 现行有效件数 as the starting point', async () => {
    const { data } = yearForward(last());
    const applications = data.applications as Record<string, unknown>;
    expect(applications.carried_over).toEqual([1, 0, 0, 0, 0, 0]);
    // Nothing processed yet: what came in is still open, so table 三 balances.
    expect(applications.carry_forward).toEqual([1, 0, 0, 0, 0, 0]);
    expect((data.proactive as Record<string, unknown>).normative_documents).toEqual({ issued: 0, repealed: 0, in_force: 18 });
    expect((data.proactive as Record<string, unknown>).rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
  });

  it('keeps the texts, marking each a draft, and moves a title to the new year', async () => {
    const input: Record<string, unknown> = { ...last(), title: '某某县人民政府2022年政府信息公开工作年度报告' };
    const { data, notes } = yearForward(input);
    expect(data.title).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(data.overview).toEqual(input.overview);
    expect(data.problems).toEqual(input.problems);
    expect(notes).toContainEqual({ path: ['overview'], text: DRAFT_NOTE, place: 'above' });
    expect(notes).toContainEqual({ path: ['problems'], text: DRAFT_NOTE, place: 'above' });
    expect(notes).toContainEqual({ path: ['other_matters'], text: DRAFT_NOTE, place: 'above' });
    expect(notes).toContainEqual({ path: ['date'], text: DATE_NOTE, place: 'after' });
    // A title without last year's year is dropped: the default title names the new year.
    expect('title' in yearForward({ ...last(), title: '年度报告' }).data).toBe(false);
  });

  it('does not change its input', async () => {
    const input = last();
    const copy = structuredClone(input);
    yearForward(input);
    expect(input).toEqual(copy);
  });
});

describe('report import --year-forward', () => {
  it('writes next year; with the date filled in it passes validate --previous LAST without errors', async () => {
    const dir = tempDir();
    const next = path.join(dir, 'next.yaml');
    const imported = await runReport(['import', LAST, '--year-forward', '-o', next]);
    expect(imported.stderr).not.toMatch(STACK_FRAME);
    const text = fs.readFileSync(next, 'utf8');
    // The date is the placeholder the checker flags until the clerk fills it in.
    expect(text).toContain(`date: null # ${DATE_NOTE}`);
    expect(imported.stderr).toContain('RPT2012');
    expect(text).toContain(`# ${DRAFT_NOTE}\noverview:`);
    expect(text).toContain(`# ${DRAFT_NOTE}\nproblems:`);
    expect(text).toContain('carried_over: [1, 0, 0, 0, 0, 0]');

    fs.writeFileSync(next, text.replace(/^date: null.*$/m, 'date: 2024-01-20'));
    const checked = await runReport(['validate', next, '--previous', LAST, '--json']);
    expect(checked.stderr).not.toMatch(STACK_FRAME);
    const report = JSON.parse(checked.stdout) as { files: { diagnostics: { code: string; severity: string }[] }[] };
    const diagnostics = report.files.flatMap((f) => f.diagnostics);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).not.toContain('RPT3008'); // R8
    expect(diagnostics.map((d) => d.code)).not.toContain('RPT3009'); // R9
    expect(checked.status).toBe(0);
  });
});

it('writes 上年结转 and 结转下年度继续办理 as plain rows, not a YAML anchor and alias', async () => {
  const { data } = yearForward(last());
  const applications = data.applications as Record<string, unknown>;
  expect(applications.carried_over).not.toBe(applications.carry_forward);
});
