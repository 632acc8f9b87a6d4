/** One published report, as bytes, → checked-ready YAML text, its data and the findings (the core of `report import`). */
import { ImportError } from './reader';
import { READERS } from './readers';
import type { Finding } from './findings';
import { recognise, type ReportData } from './recognise';
import { writeYaml, type WriteOptions } from './write-yaml';

export interface Imported {
  /** The reader that read it: text, docx … */
  format: string;
  yaml: string;
  data: ReportData;
  findings: Finding[];
}

/** Imports `bytes` (the file `name`); throws ImportError when no reader can read it. */
export async function importReport(bytes: Uint8Array, name: string, options: Omit<WriteOptions, 'source'>): Promise<Imported> {
  const reader = READERS.find((r) => r.detect(bytes, name));
  if (!reader) throw new ImportError('无法识别的文件格式', 'unknown file format');
  const lines = await reader.read(bytes);
  if (lines.length === 0) throw new ImportError('文件是空的', 'the file is empty');
  const { data, findings, asWritten } = recognise(lines);
  // Numbers with decimals keep them as printed: a fee of 1.10 万元 stays 1.10, 0.00 stays 0.00.
  const decimals = Object.entries(asWritten).map(([pointer, written]) => ({ path: pointer.split('/').slice(1), places: written.split('.')[1]?.length ?? 0 }));
  return { format: reader.format, yaml: writeYaml(data, findings, { ...options, source: name, decimals }), data, findings };
}
