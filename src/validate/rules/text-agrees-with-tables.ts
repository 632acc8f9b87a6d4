/**
 * R14 (warning): numbers the text of part 一 states that the tables also hold must agree — "共收到
 * 政府信息公开申请N件" / "未收到…申请" (table 三 一、总计), "制定…行政规范性文件N件" (本年制发件数),
 * "现行有效…规范性文件N件" (现行有效件数). The diagnostic narrows to the phrase in the text.
 * @example not-ok  overview: 共收到政府信息公开申请5件, applications.new total 3  → RPT3014 at /overview
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { applicationRow, type FormatLabels } from '../../format/format';
import { effectiveCell } from './cells';
import { usable, type Got, type Rule, type RuleContext } from './context';
import { strings } from './texts';

interface Claim {
  pattern: RegExp;
  /** The table figure the phrase states, and how to name it. */
  value: (context: RuleContext) => Got<number>;
  cell: string;
  cellEn: string;
  /** The number the phrase states (a phrase like 未收到 states zero). */
  stated: (match: RegExpExecArray) => number;
}

const CLAUSE = '[^，。；：,;]';
/** The phrases checked, with the cells as messages name them in the labels the format's tables print. */
function claimsOf(L: FormatLabels): Claim[] {
  const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } = L;
  const NEW_TOTAL = `表三“${applicationRow(L, ['applications', 'new']).label}”的${APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX].label}`;
  const [, NORMATIVE] = L.DOCUMENT_ROWS;
  const [ISSUED, , IN_FORCE] = L.DOCUMENT_COUNT_COLUMNS;
  return [
    {
      pattern: new RegExp(`(?:收到|新收|受理)${CLAUSE}{0,12}?申请${CLAUSE}{0,4}?(\\d+)件`, 'g'),
      value: (context) => effectiveCell(context, ['applications', 'new'], APPLICANT_TOTAL_INDEX, APPLICANT_COLUMNS.length),
      cell: NEW_TOTAL,
      cellEn: 'table 3 new applications (total)',
      stated: (m) => Number(m[1]),
    },
    {
      pattern: new RegExp(`未(?:收到|受理)${CLAUSE}{0,12}?(?:申请|办理件)`, 'g'),
      value: (context) => effectiveCell(context, ['applications', 'new'], APPLICANT_TOTAL_INDEX, APPLICANT_COLUMNS.length),
      cell: NEW_TOTAL,
      cellEn: 'table 3 new applications (total)',
      stated: () => 0,
    },
    {
      pattern: new RegExp(`(?:制定|出台|制发|印发)${CLAUSE}{0,6}?${NORMATIVE.label}(\\d+)件`, 'g'),
      value: (context) => usable(context, '/proactive/normative_documents/issued', context.report.proactive.normative_documents.issued),
      cell: `表二“${NORMATIVE.label}”的${ISSUED.label}`,
      cellEn: 'table 2 normative documents issued',
      stated: (m) => Number(m[1]),
    },
    {
      pattern: new RegExp(`现行有效${CLAUSE}{0,6}?规范性文件(?:共)?(\\d+)件`, 'g'),
      value: (context) => usable(context, '/proactive/normative_documents/in_force', context.report.proactive.normative_documents.in_force),
      cell: `表二“${NORMATIVE.label}”的${IN_FORCE.label}`,
      cellEn: 'table 2 normative documents in force',
      stated: (m) => Number(m[1]),
    },
  ];
}

export const textNumbers: Rule = {
  ids: ['R14'],
  check(context) {
    const out: Diagnostic[] = [];
    const blocked = context.unusable.touching('/overview');
    if (blocked.length > 0) {
      context.skip({ rule: 'R14', pointer: '/overview', because: blocked });
      return out;
    }
    const claims = claimsOf(context.format.labels);
    for (const [text, pointer] of strings(context.report.overview, '/overview')) {
      for (const claim of claims) {
        for (const match of text.matchAll(claim.pattern)) {
          const stated = claim.stated(match as RegExpExecArray);
          const got = claim.value(context);
          if (got.value === undefined) {
            context.skip({ rule: 'R14', pointer, because: got.blocked });
            continue;
          }
          const value = got.value;
          if (stated === value) continue;
          out.push({
            ...makeDiagnostic('RPT3014', pointer, { quote: match[0], stated: String(stated), table: String(value), cell: claim.cell, cellEn: claim.cellEn }),
            focus: match[0],
          });
        }
      }
    }
    return out;
  },
};
