/**
 * How the labels of the three national tables may break inside their cells, and how wide the label
 * columns of table 三 must be. Layout data, kept apart from the format's wording
 * (national-2021.ts): the model builder reads both. Pure data; imports nothing.
 *
 * In a break pattern `|` marks where a line may break (between words, after punctuation) and `\n`
 * where it must break (as the template prints 商业/企业). Anything else is never split, so a word
 * of 2–4 characters (无法提供, 不予公开) stays whole, and an item number (1.) keeps its first word.
 * A label without a pattern breaks nowhere.
 */
export const LABEL_BREAKS: Readonly<Record<string, string>> = {
  // Table 三: header.
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）': '（本列|数据的|勾稽|关系为：|第一项|加|第二项|之和，|等于|第三项|加|第四项|之和）',
  申请人情况: '申请人|情况',
  // Too wide for its 2.5-character column: set upright, one character a line, as narrow table
  // headers are in print (a split 自然/人 would read as two words).
  自然人: '自\n然\n人',
  法人或其他组织: '法人|或|其他|组织',
  商业企业: '商业\n企业',
  科研机构: '科研\n机构',
  社会公益组织: '社会|公益\n组织',
  法律服务机构: '法律|服务\n机构',
  // Table 三: row labels.
  '一、本年新收政府信息公开申请数量': '一、|本年|新收|政府|信息|公开|申请|数量',
  '二、上年结转政府信息公开申请数量': '二、|上年|结转|政府|信息|公开|申请|数量',
  '三、本年度办理结果': '三、|本年度|办理|结果',
  '（一）予以公开': '（一）|予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '（二）|部分公开|（区分|处理的，|只计|这一|情形，|不计|其他|情形）',
  '（三）不予公开': '（三）|不予|公开',
  '1.属于国家秘密': '1.属于|国家秘密',
  '2.其他法律行政法规禁止公开': '2.其他|法律|行政法规|禁止公开',
  '3.危及“三安全一稳定”': '3.危及|“三安全|一稳定”',
  '4.保护第三方合法权益': '4.保护|第三方|合法权益',
  '5.属于三类内部事务信息': '5.属于|三类|内部事务|信息',
  '6.属于四类过程性信息': '6.属于|四类|过程性|信息',
  '7.属于行政执法案卷': '7.属于|行政执法|案卷',
  '8.属于行政查询事项': '8.属于|行政查询|事项',
  '（四）无法提供': '（四）|无法|提供',
  '1.本机关不掌握相关政府信息': '1.本机关|不掌握|相关|政府信息',
  '2.没有现成信息需要另行制作': '2.没有|现成信息|需要|另行制作',
  '3.补正后申请内容仍不明确': '3.补正后|申请内容|仍不明确',
  '（五）不予处理': '（五）|不予|处理',
  '1.信访举报投诉类申请': '1.信访|举报|投诉类|申请',
  '2.重复申请': '2.重复|申请',
  '3.要求提供公开出版物': '3.要求|提供|公开|出版物',
  '4.无正当理由大量反复申请': '4.无正当|理由|大量|反复申请',
  '5.要求行政机关确认或重新出具已获取信息': '5.要求|行政机关|确认|或|重新出具|已获取|信息',
  '（六）其他处理': '（六）|其他|处理',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '1.申请人|无正当|理由|逾期|不补正、|行政机关|不再处理|其|政府信息|公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请':
    '2.申请人|逾期|未按|收费通知|要求|缴纳费用、|行政机关|不再处理|其|政府信息|公开申请',
  '3.其他': '3.其他',
  '（七）总计': '（七）|总计',
  '四、结转下年度继续办理': '四、|结转|下年度|继续办理',
  // Table 四.
  结果维持: '结果\n维持',
  结果纠正: '结果\n纠正',
  其他结果: '其他\n结果',
  尚未审结: '尚未\n审结',
  未经复议直接起诉: '未经|复议|直接|起诉',
  复议后起诉: '复议后|起诉',
};

/**
 * Table 三's columns in characters of the table's size: the results column 3 (for 本年度), the
 * group column 3 (（三）/不予/公开), each data column 2.5 (four digits; 自然人 upright, one character a line), and the
 * item column the rest (13.6, so no item label takes more than three lines). So the label block
 * keeps about half the width, as S7 prints it, and the whole table fits one page with its heading.
 * These are the preferred widths: wider numbers take width from the item column first, as far as the
 * table still fits its page (src/model/tables.ts fitGrid).
 */
export const TABLE3_COLUMN_CHARS = { results: 3, group: 3, data: 2.5 } as const;

/** Column widths of table 二 as fractions of the type area, label column first. */
export const PROACTIVE_COLUMN_FRACTIONS = [0.28, 0.24, 0.24, 0.24] as const;

/** Table 四's grid columns (five for 行政复议, five for each 行政诉讼 group) share the type area equally. */
export const caseColumnFractions = (columns: number): number[] => Array.from({ length: columns }, () => 1 / columns);

/** Type size of each table: 二 in 4号; 三 and 四, with many narrow columns, in 五号. */
export const TABLE_SIZE_PT = { proactive: 14, applications: 10.5, reviewLitigation: 10.5 } as const;
