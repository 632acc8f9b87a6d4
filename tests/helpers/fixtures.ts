/** Reading inline expectations out of fixture files (`# expect: RPT3003`, `# expect-file:`, `# previous:`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';

export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface Expectations {
  /** "line CODE" for each diagnostic that has a span, sorted. */
  placed: string[];
  /** Codes of diagnostics without a position. */
  fileLevel: string[];
  previous?: string;
}

export function readExpectations(file: string): Expectations {
  const placed: string[] = [];
  const fileLevel: string[] = [];
  let previous: string | undefined;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const expect = /#\s*expect:\s*((?:RPT\d{4}\s*)+)$/.exec(line);
      if (expect?.[1]) for (const code of expect[1].trim().split(/\s+/)) placed.push(`${index + 1} ${code}`);
      const whole = /^#\s*expect-file:\s*((?:RPT\d{4}\s*)+)$/.exec(line);
      if (whole?.[1]) fileLevel.push(...whole[1].trim().split(/\s+/));
      const prev = /^#\s*previous:\s*(\S+)/.exec(line);
      if (prev?.[1]) previous = path.join(path.dirname(file), prev[1]);
    });
  return { placed: placed.sort(), fileLevel: fileLevel.sort(), ...(previous ? { previous } : {}) };
}

/** The same shape, from actual diagnostics of one file. */
export function actualExpectations(diagnostics: readonly Diagnostic[]): Omit<Expectations, 'previous'> {
  return {
    placed: diagnostics
      .filter((d) => d.span)
      .map((d) => `${d.span?.start.line} ${d.code}`)
      .sort(),
    fileLevel: diagnostics
      .filter((d) => !d.span)
      .map((d) => d.code)
      .sort(),
  };
}

/** Every YAML fixture that states its diagnostics: valid/, invalid/, catalog/ and the seed report. */
export function reportFixtures(): string[] {
  return [...['valid', 'invalid', 'catalog'].flatMap((dir) => yamlFiles(path.join(FIXTURES, dir))), path.join(FIXTURES, 'yichun-2023.yaml')];
}

export function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}
