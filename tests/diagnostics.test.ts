/**
 * Every fixture's exact diagnostic set: the codes and lines named by its `# expect:` comments, no
 * more and no fewer. Valid fixtures expect nothing. Also checks where each rule's diagnostic points.
 */
import * as path from 'node:path';
import { checkReport } from '../src/check';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { nodeHost } from '../src/host';
import { actualExpectations, FIXTURES, readExpectations, reportFixtures } from './helpers/fixtures';

const host = nodeHost();
const checkedFixtures = reportFixtures().map((file) => {
  const expected = readExpectations(file);
  return { name: path.relative(FIXTURES, file), expected, checked: checkReport(host, file, expected.previous ? { previous: expected.previous } : {}) };
});

test.each(checkedFixtures.map((f) => [f.name, f]))('%s has exactly the expected diagnostics', (_name, { expected, checked }) => {
  expect(actualExpectations(checked.diagnostics)).toEqual({ placed: expected.placed, fileLevel: expected.fileLevel });
});

describe('every diagnostic of every fixture speaks both languages and has a hint', () => {
  const all: Diagnostic[] = checkedFixtures.flatMap((f) => f.checked.diagnostics);

  test('the fixtures raise many diagnostics of many codes', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all.map((d) => d.code)).size).toBeGreaterThan(40);
  });

  /**
   * English may quote a Chinese name (the organ, a label, the text checked) and name the template's
   * rows （一）…（七）; the rest is English: words, no Chinese punctuation, few Chinese characters.
   */
  const ownWords = (en: string) => en.replace(/"[^"]*"|“[^”]*”|（[一二三四五六七]）/g, '');
  const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;
  const isEnglish = (en: string) => {
    const own = ownWords(en);
    return /\b[a-z]{3,}\b/.test(own) && !/[，。：；！？、]/.test(own) && han(own) * 4 <= (own.match(/[a-z]/gi) ?? []).length;
  };

  test.each([
    'RPT2003 unknown key "结转下年度继续办理"',
    'fill in processing_fees: notices issued, their amount and the amount collected (yuan), per 国办函〔2020〕109号',
    'part 六 (other matters) is empty',
  ])('English: %s', (en) => {
    expect(isEnglish(en)).toBe(true);
  });

  test.each(['缺少“organ”（发布机关全称）', 'missing organ，发布机关全称', 'in order: 结果维持、结果纠正、其他结果、尚未审结、总计'])(
    'not English: %s',
    (en) => {
      expect(isEnglish(en)).toBe(false);
    },
  );

  test('messages and hints', () => {
    for (const d of all) {
      expect([d.code, d.message.zh]).toEqual([d.code, expect.stringMatching(/\p{Script=Han}/u)]);
      expect([d.code, d.message.en, isEnglish(d.message.en)]).toEqual([d.code, d.message.en, true]);
      expect([d.code, d.hints.length > 0]).toEqual([d.code, true]);
      for (const hint of d.hints) {
        expect([d.code, hint.zh]).toEqual([d.code, expect.stringMatching(/\p{Script=Han}|^[\x20-\x7e]+$/u)]);
        expect([d.code, hint.en, isEnglish(hint.en)]).toEqual([d.code, hint.en, true]);
      }
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
