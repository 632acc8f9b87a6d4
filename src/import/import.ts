/** One published report, as bytes, → checked-ready YAML text, its data and the findings (the core of `report import`). */
import type { Format } from '../format/format';
import { DEFAULT_FORMAT } from '../format/registry';
import { decimalPlaces } from '../report/decimal';
import { closeCjkSpacing } from './cjk-spacing';
import { ImportError, MAX_LINES, tooManyLines } from './reader';
import { lostText, type LostPlace } from './lost-text';
import { READERS } from './readers';
import { findingDiagnostic, type Finding } from './findings';
import { recognise, type RecogniseOptions, type ReportData } from './recognise';
import { writeYaml, type Note, type WriteOptions } from '../report/write-yaml';

export interface Imported {
  /** The reader that read it: text, docx … */
  format: string;
  yaml: string;
  data: ReportData;
  findings: Finding[];
  /** Where each table value was read in the source, by JSON Pointer (also in the YAML, as comments). */
  origins: Record<string, string>;
  /** Where the source's bytes are not in its encoding (text and HTML), and the fields that lost text there. */
  badBytes: LostPlace[];
}

/**
 * Imports `bytes` (the file `name`) as a report in `options.format` (by default the default format:
 * a published report names no format); throws ImportError when no reader can read it.
 */
export async function importReport(bytes: Uint8Array, name: string, options: Omit<WriteOptions, 'source'> & RecogniseOptions): Promise<Imported> {
  const format: Format = options.format ?? DEFAULT_FORMAT;
  const reader = READERS.find((r) => r.detect(bytes, name));
  if (!reader) throw new ImportError('无法识别的文件格式', 'unknown file format', 'format');
  const pageFindings: Finding[] = [];
  const read = await reader.read(bytes, pageFindings);
  if (read.length > MAX_LINES) throw tooManyLines();
  if (read.length === 0) throw new ImportError('文件是空的', 'the file is empty', 'empty');
  // Every reader's lines, once: spaces a text layer put between CJK characters go (cjk-spacing.ts).
  const lines = closeCjkSpacing(read);
  const recognised = recognise(lines, format, { blankAsZero: options.blankAsZero === true });
  const { asWritten, origins } = recognised;
  const { data, findings, places, notes } = lostText(
    recognised.data,
    [...pageFindings, ...recognised.findings],
    recognised.lostCells,
    reader.badBytes?.(bytes) ?? [],
    lines,
  );
  // Not one part heading and not one table number: this is some other document.
  if (Object.keys(origins).length === 0 && findings.filter((f) => f.code === 'RPT4005').length === format.labels.PART_HEADINGS.length) {
    throw new ImportError(
      '不是政府信息公开工作年度报告：六个部分的标题和三张表都没有找到',
      'not an annual report: none of the six part headings and none of the tables is there',
      'not-a-report',
    );
  }
  // Numbers with decimals keep them as printed: a fee of 1.10 万元 stays 1.10, 0.00 stays 0.00.
  const decimals = Object.entries(asWritten).map(([pointer, written]) => ({ path: pointer.split('/').slice(1), places: decimalPlaces(written) }));
  // Each finding a comment at the value it concerns, after the notes on lost text.
  const findingNotes = findings.map((f): Note => ({ path: f.pointer.split('/').slice(1), text: `导入：${findingDiagnostic(f).message.zh}`, place: 'after' }));
  const yaml = writeYaml(data, { ...options, format, source: name, decimals, origins, notes: [...notes, ...findingNotes] });
  return { format: reader.format, yaml, data, findings, origins, badBytes: places };
}
