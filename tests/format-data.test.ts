/** The national-format data matches ../shared/TEMPLATE.md §2–5: counts, order and exact labels. */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, PART_HEADINGS, RESULT_GROUPS, RESULT_PART_ROWS, TABLE3_CORNER } from '../src/format/national-2021';

test('six part headings in order', () => {
  expect(PART_HEADINGS).toEqual([
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ]);
});

test('table 三 has 25 data rows, 21 of them result rows, with the 2021 three-row （六）其他处理', () => {
  expect(APPLICATION_ROWS).toHaveLength(25);
  expect(RESULT_PART_ROWS).toHaveLength(21);
  expect(RESULT_GROUPS.map((g) => [g.label, g.rows.length])).toEqual([
    ['（三）不予公开', 8],
    ['（四）无法提供', 3],
    ['（五）不予处理', 5],
    ['（六）其他处理', 3],
  ]);
  expect(APPLICATION_ROWS[0]?.label).toBe('一、本年新收政府信息公开申请数量');
  expect(APPLICATION_ROWS[23]?.label).toBe('（七）总计');
  expect(APPLICATION_ROWS[24]?.label).toBe('四、结转下年度继续办理');
  expect(TABLE3_CORNER).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  expect(APPLICANT_COLUMNS.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  expect(CASE_COLUMNS.map((c) => c.label)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
});
