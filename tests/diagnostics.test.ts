/**
 * Every fixture's exact diagnostic set: the codes and lines named by its `# expect:` comments, no
 * more and no fewer. Valid fixtures expect nothing. Also checks where each rule's diagnostic points.
 */
import * as path from 'node:path';
import { checkReport } from '../src/check';
import { nodeHost } from '../src/host';
import { actualExpectations, FIXTURES, readExpectations, yamlFiles } from './helpers/fixtures';

const host = nodeHost();
const cases = [...yamlFiles(path.join(FIXTURES, 'valid')), ...yamlFiles(path.join(FIXTURES, 'invalid')), path.join(FIXTURES, 'yichun-2023.yaml')];

describe.each(cases.map((file) => [path.relative(FIXTURES, file), file]))('%s', (_name, file) => {
  const expected = readExpectations(file);
  const checked = checkReport(host, file, expected.previous ? { previous: expected.previous } : {});

  test('has exactly the expected diagnostics', () => {
    expect(actualExpectations(checked.diagnostics)).toEqual({ placed: expected.placed, fileLevel: expected.fileLevel });
  });

  test('every diagnostic has both languages and a hint', () => {
    for (const d of checked.diagnostics) {
      expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
      // English may quote a Chinese name (the organ, a label), but its own words are English.
      expect(d.message.en.replace(/"[^"]*"|“[^”]*”|\S*[\u4e00-\u9fff]\S*/g, '')).toMatch(/^[^\u4e00-\u9fff]*[a-z]{3}[^\u4e00-\u9fff]*$/);
      expect(d.hints.length).toBeGreaterThan(0);
    }
  });
});

describe('rule pointers', () => {
  const pointers = (name: string, previous?: string) =>
    checkReport(host, path.join(FIXTURES, 'invalid', name), previous ? { previous: path.join(FIXTURES, 'valid', previous) } : {}).diagnostics.map(
      (d) => `${d.code} ${d.pointer}`,
    );

  test('R2 points at the 总计 cell and names every summed cell', () => {
    const checked = checkReport(host, path.join(FIXTURES, 'invalid', 'r2-row-total.yaml'));
    const r2 = checked.diagnostics.find((d) => d.code === 'RPT3003');
    expect(r2?.pointer).toBe('/applications/new/6');
    expect(r2?.hints.map((h) => h.pointer).filter(Boolean)).toEqual([0, 1, 2, 3, 4, 5].map((c) => `/applications/new/${c}`));
    expect(r2?.message.zh).toBe('表三“一、本年新收政府信息公开申请数量”的“总计”应为 12，实际为 13');
  });

  test('R1/R1c point at the carried-forward cell of the column', () => {
    expect(pointers('r1c-balance-column.yaml')).toEqual(['RPT3002 /applications/carry_forward/0', 'RPT3002 /applications/carry_forward/1']);
  });

  test('R3 points at the （七）总计 cells', () => {
    expect(pointers('r3-results-total.yaml')).toContain('RPT3004 /applications/results/total/0');
  });

  test('R8 and R9 compare with the previous year', () => {
    expect(pointers('r8-r9-cross-year.yaml', 'busy-county-2022.yaml')).toEqual([
      'RPT3009 /proactive/normative_documents/in_force',
      'RPT3008 /applications/carried_over/0',
      'RPT3008 /applications/carried_over/1',
    ]);
  });

  test('R8 refuses a previous report of the wrong year', () => {
    expect(pointers('r8-r9-cross-year.yaml', 'busy-county.yaml')).toEqual(['RPT3015 /year']);
  });

  test('R14 narrows the span to the phrase in the text', () => {
    const checked = checkReport(host, path.join(FIXTURES, 'invalid', 'r14-text-numbers.yaml'));
    const first = checked.diagnostics[0];
    expect(first?.code).toBe('RPT3014');
    const line = checked.source?.lineText(first?.span?.start.line ?? 0) ?? '';
    expect(line.slice((first?.span?.start.column ?? 1) - 1)).toMatch(/^收到政府信息公开申请15件/);
  });

  test('unknown keys get a did-you-mean, also for a Chinese label typed as a key', () => {
    const checked = checkReport(host, path.join(FIXTURES, 'invalid', 'schema-keys.yaml'));
    const unknown = checked.diagnostics.filter((d) => d.code === 'RPT2003').map((d) => d.message.en);
    expect(unknown).toEqual(['unknown key "licencing" (did you mean "licensing"?)', 'unknown key "结转下年度继续办理" (did you mean "carry_forward"?)']);
  });
});
