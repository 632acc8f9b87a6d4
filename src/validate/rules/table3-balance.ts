/**
 * R1 / R1c (table 三 勾稽): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理, in the
 * 总计 column (R1, printed in the table's corner cell) and in each applicant column (R1c). The
 * diagnostic sits on the 结转下年度继续办理 cell of the column.
 * @example not-ok  new: [1,0,0,0,0,0,1], carried_over: 0s, results all 0, carry_forward: 0s → RPT3001 at /applications/carry_forward/6
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } from '../../format/national-2021';
import { rowPointer } from '../../report/rows';
import type { Rule } from './context';
import { cellHints } from './sum-text';

const NEW = ['applications', 'new'];
const CARRIED = ['applications', 'carried_over'];
const TOTAL = ['applications', 'results', 'total'];
const FORWARD = ['applications', 'carry_forward'];

export const table3Balance: Rule = {
  ids: ['R1', 'R1c'],
  check({ report }) {
    const out: Diagnostic[] = [];
    const a = report.applications;
    APPLICANT_COLUMNS.forEach((column, c) => {
      const [n, carried, total, forward] = [a.new[c] ?? 0, a.carried_over[c] ?? 0, a.results.total?.[c] ?? 0, a.carry_forward[c] ?? 0];
      if (n + carried === total + forward) return;
      const expected = n + carried - total;
      const isTotal = c === APPLICANT_TOTAL_INDEX;
      out.push(
        makeDiagnostic(
          isTotal ? 'RPT3001' : 'RPT3002',
          rowPointer(FORWARD, c),
          {
            cell: isTotal ? '“四、结转下年度继续办理”的总计' : column.label,
            cellEn: isTotal ? 'carried forward (total)' : column.en,
            expected: String(expected),
            actual: String(forward),
            formula: `${n} + ${carried} = ${total} + ${forward}（应为 ${n} + ${carried} − ${total} = ${expected}）`,
            formulaEn: `${n} + ${carried} = ${total} + ${forward} (should be ${n} + ${carried} − ${total} = ${expected})`,
          },
          cellHints([
            { label: '一、本年新收', en: 'new', value: n, pointer: rowPointer(NEW, c) },
            { label: '二、上年结转', en: 'carried over', value: carried, pointer: rowPointer(CARRIED, c) },
            { label: '（七）总计', en: 'results total', value: total, pointer: rowPointer(TOTAL, c) },
          ]),
        ),
      );
    });
    return out;
  },
};
