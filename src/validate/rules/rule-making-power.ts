/**
 * R10 (warning): only provincial, districted-city and autonomous-prefecture governments and State
 * Council departments make 规章 (立法法), so for any other organ the 规章 row should be 0/0/0.
 * The organ's name is the evidence; the check is a warning because a name cannot prove the power.
 * @example not-ok  organ: 某县人民政府, proactive.rules.issued: 1  → RPT3010 at /proactive/rules
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { all, usable, type Rule } from './context';

const RULE_MAKERS = [/(省|自治区|市|自治州|盟)人民政府$/, /^国务院/, /^中华人民共和国/];
const POINTER = '/proactive/rules';

export const ruleMakingPower: Rule = {
  ids: ['R10'],
  check(context) {
    const { rules } = context.report.proactive;
    const got = all([
      usable(context, '/organ', 0),
      usable(context, `${POINTER}/issued`, rules.issued),
      usable(context, `${POINTER}/repealed`, rules.repealed),
      usable(context, `${POINTER}/in_force`, rules.in_force),
    ]);
    if (!got.value) {
      context.skip({ rule: 'R10', pointer: POINTER, because: got.blocked });
      return [];
    }
    if (rules.issued + rules.repealed + rules.in_force === 0) return [];
    const organ = context.report.organ;
    if (RULE_MAKERS.some((pattern) => pattern.test(organ))) return [];
    return [makeDiagnostic('RPT3010', POINTER, { organ })];
  },
};
