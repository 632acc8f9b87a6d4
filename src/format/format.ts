/**
 * What a national format is to nianbao: its labels, its table layouts, the sums its rules apply (as
 * the rows they run over), the schema it checks against, and the page standard it is printed on. The
 * checker, the model builder, the importers and the YAML writer take a Format as a parameter; which
 * one a report is in, formatOf (registry.ts) decides. Every format has the six parts and the three
 * tables of the 2021 template (the report's keys); what may differ is wording, the rows of table 三's
 * groups, layout and limits. Pure types; imports nothing but types.
 */
import type * as PageStandard from './page-standard';

/** A column of a table: its label as printed and in English (for messages). */
export interface Column {
  readonly label: string;
  readonly en: string;
}

/** A row or column that is a key of the report's data. */
export interface Keyed<K extends string = string> extends Column {
  readonly key: K;
}

export type DocumentCountKey = 'issued' | 'repealed' | 'in_force';
export type DocumentRowKey = 'rules' | 'normative_documents';
export type SingleValueKey = 'licensing' | 'punishment' | 'enforcement' | 'fees';
export type CaseRowKey = 'review' | 'litigation_direct' | 'litigation_after_review';

/** One block of table 二 with a single value column (items 五, 六, 八). */
export interface SingleValueBlock {
  readonly item: string;
  readonly valueLabel: string;
  readonly rows: readonly Keyed<SingleValueKey>[];
}

/** A result group of 三、本年度办理结果 with numbered sub-rows (（三）–（六）). */
export interface ResultGroup {
  readonly key: 'withheld' | 'unavailable' | 'not_processed' | 'other';
  readonly label: string;
  readonly en: string;
  readonly rows: readonly Keyed[];
}

/** Kinds of row in table 三, used to lay out the label columns. */
export type ApplicationRowKind = 'top' | 'result' | 'sub' | 'total';

/** One data row of table 三: where its 7 numbers live and how its label is printed. */
export interface ApplicationRow {
  /** Path of the row's array inside the report data, e.g. ['applications','results','withheld','state_secret']. */
  readonly path: readonly string[];
  readonly kind: ApplicationRowKind;
  readonly label: string;
  readonly en: string;
  /** For 'sub' rows: the group label (（三）不予公开 …). */
  readonly group?: string;
}

type Seven<T> = readonly [T, T, T, T, T, T, T];
type Five<T> = readonly [T, T, T, T, T];

/** The wording and rows of a format (for 2021: national-2021/labels.ts, which documents each). */
export interface FormatLabels {
  readonly PART_HEADINGS: readonly [string, string, string, string, string, string];
  readonly PART_KEYWORDS: readonly (readonly (readonly string[])[])[];
  readonly OVERVIEW_TOPICS: readonly string[];
  readonly DOCUMENT_COUNT_COLUMNS: readonly [Keyed<'issued'>, Keyed<'repealed'>, Keyed<'in_force'>];
  readonly DOCUMENT_ROWS: readonly [Keyed<'rules'>, Keyed<'normative_documents'>];
  readonly DOCUMENT_BLOCK_ITEM: string;
  readonly PROACTIVE_ITEMS: string;
  readonly CONTENT_LABEL: string;
  readonly SINGLE_VALUE_BLOCKS: readonly SingleValueBlock[];
  readonly APPLICANT_COLUMNS: Seven<Column>;
  readonly APPLICANT_TOTAL_INDEX: 6;
  readonly TABLE3_BALANCE: string;
  readonly TABLE3_CORNER: string;
  readonly TABLE3_APPLICANTS: string;
  readonly TABLE3_ORGANISATIONS: string;
  readonly RESULT_GROUPS: readonly ResultGroup[];
  /** Every data row of table 三 in printed order (applicationRows builds them from the groups). */
  readonly APPLICATION_ROWS: readonly ApplicationRow[];
  readonly RESULTS_LABEL: string;
  /** Rows whose sum is （七）总计 (R3): every 'result' and 'sub' row. */
  readonly RESULT_PART_ROWS: readonly ApplicationRow[];
  readonly CASE_COLUMNS: Five<Column>;
  readonly CASE_TOTAL_INDEX: 4;
  readonly CASE_ROWS: readonly [Keyed<'review'>, Keyed<'litigation_direct'>, Keyed<'litigation_after_review'>];
  readonly LITIGATION_LABEL: string;
  readonly MAX_COUNT: number;
  readonly MAX_FEE_WAN: number;
}

/** How a format's tables are laid out (for 2021: national-2021/table-layout.ts, which documents each). */
export interface TableLayout {
  readonly LABEL_BREAKS: Readonly<Record<string, string>>;
  readonly TABLE3_COLUMN_CHARS: { readonly results: number; readonly group: number; readonly data: number };
  readonly PROACTIVE_COLUMN_FRACTIONS: readonly number[];
  readonly caseColumnFractions: (columns: number) => number[];
  readonly TABLE_SIZE_PT: { readonly proactive: number; readonly applications: number; readonly reviewLitigation: number };
}

/** A compiled JSON Schema validator (ajv's ValidateFunction, as scripts/gen-validator.js or Ajv2020.compile makes it). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

export interface Format {
  /** The value of the report's `format` key (the schema's const), e.g. "2021". */
  readonly id: string;
  /** The document that set the format (国办公开办函〔2021〕30号), as the default preface cites it. */
  readonly basis: string;
  /** The report years the format applies to; `report init` refuses a year outside. */
  readonly years: { readonly first: number; readonly last: number };
  readonly labels: FormatLabels;
  readonly layout: TableLayout;
  /** The page standard it is printed on (GB/T 9704-2012 for the national formats). */
  readonly page: typeof PageStandard;
  /**
   * The validator of buildReportSchema(format) (src/schema). The built-in format's is compiled at
   * build time (dist/validate/report-validator.js) and left out here; a format registered at run time
   * brings its own.
   */
  readonly validator?: SchemaValidator;
}

/** Table 三's sub-rows of the result groups, in printed order, as APPLICATION_ROWS lists them. */
export const groupRows = (groups: readonly ResultGroup[]): ApplicationRow[] =>
  groups.flatMap((group) =>
    group.rows.map((row): ApplicationRow => ({
      path: ['applications', 'results', group.key, row.key],
      kind: 'sub',
      label: row.label,
      en: `${group.en}: ${row.en}`,
      group: group.label,
    })),
  );

/**
 * The labels with other result groups (a format that adds or rewords a row of table 三): the groups'
 * rows replace the sub-rows of APPLICATION_ROWS, and RESULT_PART_ROWS, which R3 sums, follows.
 */
export function withResultGroups(labels: FormatLabels, groups: readonly ResultGroup[]): FormatLabels {
  const rows = labels.APPLICATION_ROWS;
  const firstSub = rows.findIndex((row) => row.kind === 'sub');
  const afterSubs = rows.findIndex((row, i) => i > firstSub && row.kind !== 'sub');
  const APPLICATION_ROWS = [...rows.slice(0, firstSub), ...groupRows(groups), ...rows.slice(afterSubs)];
  return { ...labels, RESULT_GROUPS: groups, APPLICATION_ROWS, RESULT_PART_ROWS: resultPartRows(APPLICATION_ROWS) };
}

/** Rows whose sum is （七）总计 (R3). */
export const resultPartRows = (rows: readonly ApplicationRow[]): ApplicationRow[] => rows.filter((row) => row.kind === 'result' || row.kind === 'sub');

/** The row of table 三 whose numbers are at `path`, e.g. ['applications', 'results', 'total']. */
export function applicationRow(labels: FormatLabels, path: readonly string[]): ApplicationRow {
  const wanted = path.join('/');
  const row = labels.APPLICATION_ROWS.find((r) => r.path.join('/') === wanted);
  if (!row) throw new Error(`table 三 has no row at ${wanted}`);
  return row;
}
