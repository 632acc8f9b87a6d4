/**
 * `report sum`: department reports added up into one report for the level above — totals equal
 * the hand-computed ones, fees add exactly as decimals, an input with errors is refused (or left
 * out with --skip-invalid, saying so), years must agree, and the result validates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { addDecimals, numeralOf } from '../src/report/decimal';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const SEED = path.join(FIXTURES, 'yichun-2023.yaml');
const BUSY = path.join(FIXTURES, 'valid', 'busy-county.yaml');
const seedText = fs.readFileSync(SEED, 'utf8');

/** The seed with its fee written as `fees`, in a new file. */
function seedWithFee(dir: string, name: string, fees: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, seedText.replace(/^ {2}fees: 378\.42/m, `  fees: ${fees}`));
  return file;
}

describe('addDecimals', () => {
  it('adds money exactly, keeping the most decimals written', async () => {
    expect(addDecimals(['378.42', '0.1'])).toBe('378.52');
    expect(addDecimals(['1.10', '0'])).toBe('1.10');
    expect(addDecimals(['0.000001', '0.000002'])).toBe('0.000003');
    expect(addDecimals(Array.from({ length: 200 }, () => '0.1'))).toBe('20.0');
    expect(addDecimals(['0'])).toBe('0');
    expect(() => addDecimals(['1e3'])).toThrow(RangeError);
  });

  it('writes a parsed number without exponent notation', async () => {
    expect(numeralOf(0.1)).toBe('0.1');
    expect(numeralOf(1e-7)).toBe('0.0000001');
    expect(numeralOf(200)).toBe('200');
  });
});

describe('report sum', () => {
  it('adds up every table: the hand-computed totals of the seed and busy-county', async () => {
    const out = path.join(tempDir(), 'county.yaml');
    const result = await runReport(['sum', SEED, BUSY, '-o', out, '--organ', '某某县人民政府']);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.status).toBe(0);
    const county = parse(fs.readFileSync(out, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(county.organ).toBe('某某县人民政府');
    expect(county.year).toBe(2023);
    expect(county.date).toBe('2024-03-15'); // the later of 2024-01-25 and 2024-03-15
    // 现行有效件数 and 上年结转 are summed like every other count.
    expect(county.proactive?.normative_documents).toEqual({ issued: 12, repealed: 14, in_force: 38 });
    expect(county.proactive?.licensing).toBe(49255 + 1200);
    expect(county.applications?.new).toEqual([8, 2, 0, 1, 0, 1, 12]);
    expect(county.applications?.carried_over).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(county.review_litigation?.review).toEqual([1, 0, 0, 1, 2]);
    expect(county.review_litigation?.litigation_after_review).toEqual([0, 0, 0, 1, 1]);
    expect(county.processing_fees).toEqual({ notices: 1, amount_yuan: 200, collected_yuan: 0 });
    // 378.42 + 1.10, written as it adds up.
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^ {2}fees: 379\.52 # /m);
    expect((await runReport(['validate', out])).status).toBe(0);
  });

  it('adds fees without float drift and keeps their decimals', async () => {
    const dir = tempDir();
    const files = [seedWithFee(dir, 'a.yaml', '378.42'), seedWithFee(dir, 'b.yaml', '0.1'), seedWithFee(dir, 'c.yaml', '0.00')];
    const result = await runReport(['sum', ...files]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}fees: 378\.52 # /m);
    const built = await runReport(['sum', seedWithFee(dir, 'd.yaml', '1.10'), seedWithFee(dir, 'e.yaml', '0')]);
    expect(built.stdout).toMatch(/^ {2}fees: 1\.10 # /m);
  });

  it('refuses an input with errors, naming it, and writes nothing', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, seedText.replace('new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 0, 5]'));
    const out = path.join(dir, 'county.yaml');
    const result = await runReport(['sum', SEED, bad, '-o', out, '--json']);
    expect(result.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    const json = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { code: string }[] }[] };
    expect(json.files.map((f) => f.file)).toEqual([SEED, bad]);
    expect(json.files[1]?.diagnostics.map((d) => d.code)).toEqual(['RPT3003', 'RPT6002']);
  });

  it('leaves it out with --skip-invalid, with a warning, and sums the rest', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, seedText.replace('date: 2024-01-25', 'date: 2024-02-30'));
    const out = path.join(dir, 'county.yaml');
    const result = await runReport(['sum', BUSY, bad, '-o', out, '--skip-invalid', '--json']);
    expect(result.status).toBe(1); // the bad report's own error still fails the run
    const json = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { code: string; severity: string }[] }[] };
    expect(json.files[1]?.diagnostics.at(-1)).toMatchObject({ code: 'RPT6003', severity: 'warning' });
    const county = parse(fs.readFileSync(out, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(county.proactive?.licensing).toBe(1200);
  });

  it('refuses reports of different years', async () => {
    const result = await runReport(['sum', SEED, path.join(FIXTURES, 'valid', 'busy-county-2022.yaml'), '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('RPT6001');
  });
});

test('a county of many reports sums the same on workers as in one thread', async () => {
  const dir = tempDir();
  const busy = fs.readFileSync(BUSY, 'utf8');
  // 20 departments: past the size at which the inputs are checked on workers.
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.yaml`), i % 2 ? seedText : busy);
  const parallel = await runReport(['sum', dir, '-j', '2']);
  const single = await runReport(['sum', dir, '-j', '1']);
  expect(parallel.status).toBe(0);
  expect(parallel.stdout).toBe(single.stdout);
  const county = parse(parallel.stdout) as Record<string, Record<string, unknown>>;
  expect(county.proactive?.licensing).toBe(10 * (49255 + 1200));
  expect(parallel.stdout).toMatch(/^ {2}fees: 3795\.20 # /m); // 10 × 378.42 + 10 × 1.10
});
