/**
 * R1 / R1c (table 三 勾稽): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理, in each
 * applicant column (R1c) and in the 总计 column printed in the table's corner cell (R1; implied by
 * the columns, so checked only when a column could not be). The diagnostic sits on the column's
 * 结转下年度继续办理 cell, but any of the four values may be the wrong one: the hint lists each
 * correction that would balance the column, never a negative count.
 * @example not-ok  new: [1,0,0,0,0,0,1], carried_over: 0s, results all 0, carry_forward: 0s → RPT3002 at /applications/carry_forward/0
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { applicationRow } from '../../format/format';
import { rowAt, rowPointer } from '../../report/rows';
import { effectiveCell, eachColumn, resultsTotal } from './cells';
import { all, type Rule } from './context';
import { cellHints } from './cell-hints';

const NEW = ['applications', 'new'];
const CARRIED = ['applications', 'carried_over'];
const TOTAL = ['applications', 'results', 'total'];
const FORWARD = ['applications', 'carry_forward'];

export const table3Balance: Rule = {
  ids: ['R1', 'R1c'],
  check(context) {
    const out: ReturnType<Rule['check']> = [];
    const L = context.format.labels;
    const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } = L;
    const COLUMNS = APPLICANT_COLUMNS.length;
    eachColumn(COLUMNS, (c) => {
      const isTotal = c === APPLICANT_TOTAL_INDEX;
      const pointer = rowPointer(FORWARD, c);
      const got = all([
        effectiveCell(context, NEW, c, COLUMNS),
        effectiveCell(context, CARRIED, c, COLUMNS),
        resultsTotal(context, c),
        effectiveCell(context, FORWARD, c, COLUMNS),
      ]);
      if (!got.value) {
        context.skip({ rule: isTotal ? 'R1' : 'R1c', pointer, because: got.blocked });
        return false;
      }
      const [n, carried, total, forward] = got.value as [number, number, number, number];
      if (n + carried === total + forward) return true;
      const column = APPLICANT_COLUMNS[c] as (typeof APPLICANT_COLUMNS)[number];
      // Each value that, changed alone, would balance the column — if it stays a count.
      const fixes = [
        { zh: applicationRow(L, FORWARD).label, en: 'carried forward', value: n + carried - total },
        { zh: `${applicationRow(L, TOTAL).label}（即（一）至（六）各项之和）`, en: 'the results total (rows （一）–（六）)', value: n + carried - forward },
        { zh: '一、本年新收', en: 'new applications', value: total + forward - carried },
        { zh: '二、上年结转', en: 'carried over', value: total + forward - n },
      ].filter((fix) => fix.value >= 0);
      out.push(
        makeDiagnostic(
          isTotal ? 'RPT3001' : 'RPT3002',
          pointer,
          {
            column: column.label,
            columnEn: column.en,
            left: `${n} + ${carried} = ${n + carried}`,
            right: `${total} + ${forward} = ${total + forward}`,
            fixes: fixes.map((fix) => `${fix.zh}应为 ${fix.value}`).join('；或'),
            fixesEn: fixes.map((fix) => `${fix.en} should be ${fix.value}`).join('; or '),
          },
          cellHints([
            { label: '一、本年新收', en: 'new', value: n, pointer: rowPointer(NEW, c) },
            { label: '二、上年结转', en: 'carried over', value: carried, pointer: rowPointer(CARRIED, c) },
            // A （七）总计 the clerk left out is computed: there is no cell to point at.
            ...(rowAt(context.report, TOTAL)
              ? [{ label: applicationRow(L, TOTAL).label, en: 'results total', value: total, pointer: rowPointer(TOTAL, c) }]
              : []),
          ]),
        ),
      );
      return true;
    });
    return out;
  },
};
