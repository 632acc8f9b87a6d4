/**
 * R10 (warning): only provincial, districted-city and autonomous-prefecture governments and State
 * Council departments make 规章 (立法法), so for any other organ the 规章 row should be 0/0/0.
 * The organ's name is the evidence; the check is a warning because a name cannot prove the power.
 * @example not-ok  organ: 某县人民政府, proactive.rules.issued: 1  → RPT3010 at /proactive/rules
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import type { Rule } from './context';

const RULE_MAKERS = [/(省|自治区|市|自治州|盟)人民政府$/, /^国务院/, /^中华人民共和国/];

export const ruleMakingPower: Rule = {
  ids: ['R10'],
  check({ report }) {
    const { issued, repealed, in_force } = report.proactive.rules;
    if (issued + repealed + in_force === 0) return [];
    if (RULE_MAKERS.some((pattern) => pattern.test(report.organ))) return [];
    return [makeDiagnostic('RPT3010', '/proactive/rules', { organ: report.organ })];
  },
};
