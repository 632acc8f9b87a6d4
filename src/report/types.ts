/**
 * The report as written in YAML, after schema validation and normalisation (6-number rows get their
 * 总计, a missing （七）总计 is computed). The JSON Schema in schemas/ describes the same shape; a test
 * (tests/schema.test.ts) checks that the two agree key for key.
 */
import type { FontRole } from '../format/font-roles';

/** Free text: paragraphs separated by blank lines, or a list of paragraphs and headed sections. */
export type Text = string | TextItem[];
export type TextItem = string | { heading: string; body: Text };

/** [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计] */
export type ApplicantRow = number[];
/** [结果维持, 结果纠正, 其他结果, 尚未审结, 总计] */
export type CaseRow = number[];

export interface DocumentCounts {
  issued: number;
  repealed: number;
  in_force: number;
}

export interface Contact {
  office?: string;
  address?: string;
  phone?: string;
  postcode?: string;
}

export interface Proactive {
  rules: DocumentCounts;
  normative_documents: DocumentCounts;
  licensing: number;
  punishment: number;
  enforcement: number;
  /** 万元; a number as parsed. The text as written is kept in CheckedReport's proactive.fees_text. */
  fees: number;
}

export interface Applications {
  new: ApplicantRow;
  carried_over: ApplicantRow;
  results: {
    disclosed: ApplicantRow;
    partially_disclosed: ApplicantRow;
    withheld: Record<
      | 'state_secret'
      | 'prohibited_by_law'
      | 'three_safeties_one_stability'
      | 'third_party_rights'
      | 'internal_affairs'
      | 'process_info'
      | 'enforcement_files'
      | 'administrative_inquiry',
      ApplicantRow
    >;
    unavailable: Record<'not_held' | 'needs_creation' | 'unclear_after_correction', ApplicantRow>;
    not_processed: Record<'petition_complaint' | 'duplicate' | 'publication' | 'excessive' | 'confirm_existing', ApplicantRow>;
    other: Record<'overdue_correction' | 'overdue_fee' | 'other', ApplicantRow>;
    total?: ApplicantRow;
  };
  carry_forward: ApplicantRow;
}

export interface ReviewLitigation {
  review: CaseRow;
  litigation_direct: CaseRow;
  litigation_after_review: CaseRow;
}

export interface ProcessingFees {
  notices: number;
  amount_yuan: number;
  collected_yuan: number;
}

/** The report as the clerk wrote it (schema-valid). */
export interface Report {
  format: '2021';
  organ: string;
  year: number;
  title?: string;
  date: string;
  preamble?: Text;
  website?: string;
  contact?: Contact;
  overview: Text;
  proactive: Proactive;
  applications: Applications;
  review_litigation: ReviewLitigation;
  problems: Text;
  other_matters?: Text;
  processing_fees?: ProcessingFees;
  /** Font files for the PDF, by role; relative paths are relative to the report file. */
  fonts?: Partial<Record<FontRole, string>>;
}

/**
 * A report that passed the checks, normalised (validate/normalize.ts): what the model is built from.
 * Its extra fields are the compiler's, not YAML keys: the schema and `Report` stay as written.
 */
export interface CheckedReport extends Report {
  proactive: Proactive & {
    /** 行政事业性收费 exactly as written in the file (378.42, 1.10), for the table. */
    fees_text: string;
  };
}
