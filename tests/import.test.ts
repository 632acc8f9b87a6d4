/**
 * `report import` of plain text: the seed report (fixtures/seed/yichun-2023.txt) imports to the data
 * of its hand transcription (fixtures/yichun-2023.yaml); deviations become findings and null, never
 * a guessed number; the CLI writes a YAML that `report validate` accepts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { findingDiagnostic, type Finding } from '../src/import/findings';
import { importReport } from '../src/import/import';
import { DEFAULT_FORMAT } from '../src/format/registry';
import { recognise } from '../src/import/recognise';
import { decodeText, splitCells, textReader } from '../src/import/text-reader';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { docxOf } from './helpers/build';
import { squeeze } from './helpers/text';

const SEED = path.join(FIXTURES, 'seed', 'yichun-2023.txt');
const seedText = () => fs.readFileSync(SEED, 'utf8');
const options = { schemaPath: '../schemas/report.schema.json' };

/** The text with line `n` (1-based) replaced by `edits[n]` (a blank line removes it, keeping the numbering). */
const edit = (text: string, edits: Record<number, string>) =>
  text
    .split('\n')
    .map((line, i) => edits[i + 1] ?? line)
    .join('\n');

const importText = (text: string, name = 'report.txt') => importReport(Buffer.from(text, 'utf8'), name, options);

describe('text reader', () => {
  it('splits a line into cells at tabs, | and runs of spaces', async () => {
    expect(splitCells('\t规章\t0 | 1  2')).toEqual(['规章', '0', '1', '2']);
    expect(splitCells('一、总体情况')).toEqual(['一、总体情况']);
  });

  it('reads GB18030 as well as UTF-8, and numbers each line', async () => {
    expect(decodeText(Uint8Array.from([0xb9, 0xe6, 0xd5, 0xc2]))).toBe('规章');
    const lines = await textReader.read(Buffer.from('标题\n\n\t规章\t0\n', 'utf8'));
    expect(lines).toEqual([
      { text: '标题', at: '第 1 行' },
      { text: '规章', at: '第 3 行' },
      { text: '0', at: '第 3 行' },
    ]);
  });
});

describe('the seed text', () => {
  it('imports to the data of its hand transcription', async () => {
    const imported = await importText(seedText(), 'yichun-2023.txt');
    const transcribed = parse(fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')) as Record<string, unknown>;
    // The transcription writes its paragraphs as block scalars (a final line break) and splits them
    // where the seed runs two paragraphs on adjacent lines: the same text, modulo whitespace.
    expect(squeeze(imported.data)).toEqual(squeeze(transcribed));
    // The tables are compared exactly (squeeze keeps numbers as they are).
    expect(imported.data.applications).toEqual(transcribed.applications);
    expect(imported.data.proactive).toEqual(transcribed.proactive);
  });

  it('finds parts 二 and 五 by their titles and says their numerals are missing', async () => {
    const { findings } = await importText(seedText());
    expect(findings).toEqual([
      { code: 'RPT4006', at: '第 29 行', pointer: '', params: { numeral: '二', part: 2 } },
      { code: 'RPT4006', at: '第 419 行', pointer: '', params: { numeral: '五', part: 5 } },
    ]);
    expect(findingDiagnostic(findings[0] as Finding)).toMatchObject({
      code: 'RPT4006',
      severity: 'warning',
      pointer: null,
      message: { zh: '原文第 29 行：标题缺少序号“二、”', en: 'source line 29: the heading of part 2 lacks its numeral 二' },
    });
  });

  it('writes the YAML in the layout of a hand-written report', async () => {
    const { yaml, data } = await importText(seedText(), 'yichun-2023.txt');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/report.schema.json');
    expect(yaml).toContain('normative_documents: {issued: 7, repealed: 11, in_force: 18} # 行政规范性文件');
    expect(yaml).toContain('  # 1.属于国家秘密\n      state_secret: [0, 0, 0, 0, 0, 0, 0]');
    expect(yaml).toContain('# 导入：原文第 29 行：标题缺少序号“二、”');
    expect(parse(yaml)).toEqual(data);
  });
});

describe('round trip through our own DOCX', () => {
  it('build → import the DOCX gives back the report data: tables exactly, text modulo line breaks', async () => {
    const { bytes } = await docxOf('yichun-2023.yaml');
    const imported = await importReport(bytes, 'yichun-2023.docx', options);
    expect(imported.format).toBe('docx');
    const written = parse(fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')) as Record<string, unknown>;
    for (const key of ['organ', 'year', 'date', 'title', 'website', 'proactive', 'applications', 'review_litigation', 'processing_fees']) {
      expect([key, imported.data[key]]).toEqual([key, written[key]]);
    }
    expect(squeeze(imported.data)).toEqual(squeeze(written));
  });
});

describe('a text that departs from the format', () => {
  it('reads "/" as 0, an unreadable cell as null, a missing row as nulls, each with a finding', async () => {
    // Line 38: 规章's first cell; 52–53: the 行政许可 row; 96: the first cell of 一、本年新收.
    const text = edit(seedText(), { 38: '\t/', 52: '', 53: '', 96: '\t0O' });
    const { data, findings, yaml } = await importText(text);
    const proactive = data.proactive as Record<string, unknown>;
    expect(proactive.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(proactive.licensing).toBeNull();
    expect((data.applications as Record<string, unknown>).new).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(findings).toEqual(
      expect.arrayContaining([
        { code: 'RPT4001', at: '第 38 行', pointer: '/proactive/rules/issued', params: { written: '/' } },
        expect.objectContaining({ code: 'RPT4003', pointer: '/proactive/licensing', params: { row: '行政许可' } }),
        { code: 'RPT4002', at: '第 96 行', pointer: '/applications/new/0', params: { written: '0O' } },
      ]),
    );
    expect(yaml).toContain('# 规章；导入：原文第 38 行：数字格写作“/”，按 0 读入');
    expect(yaml).toMatch(/licensing: null # 行政许可；导入：原文第 \d+ 行：表中缺少“行政许可”一行/);
  });

  it('reads a table written one row per line', async () => {
    const lines = [
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '正文。',
      '二、主动公开政府信息情况',
      '规章 | 1 | 0 | 5',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t1\t0\t0\t0\t1',
    ].map((text, i) => ({ text, at: `第 ${i + 1} 行` }));
    const { data } = recognise(
      lines.flatMap((line) => splitCells(line.text).map((text) => ({ text, at: line.at }))),
      DEFAULT_FORMAT,
    );
    expect((data.proactive as Record<string, unknown>).rules).toEqual({ issued: 1, repealed: 0, in_force: 5 });
    expect((data.review_litigation as Record<string, unknown>).review).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('report import (CLI)', () => {
  it('writes a YAML that report validate accepts', async () => {
    const out = path.join(tempDir(), 'reports', 'yichun.yaml');
    const imported = await runReport(['import', SEED, '-o', out]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('标题缺少序号“二、”');
    expect((await runReport(['validate', out])).status).toBe(0);
  });

  it('reports the checker at the YAML lines when totals do not add up', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'bad.txt');
    // Line 102: the 总计 of 一、本年新收.
    fs.writeFileSync(
      source,
      seedText()
        .split('\n')
        .map((line, i) => (i === 101 ? '\t5' : line))
        .join('\n'),
    );
    const result = await runReport(['import', source, '--out', dir, '--json']);
    expect(result.status).toBe(1);
    const [report] = (JSON.parse(result.stdout) as { files: { output: string; diagnostics: { line: number; severity: string }[] }[] }).files;
    expect(report?.output).toBe(path.join(dir, 'bad.yaml'));
    expect(report?.diagnostics.some((d) => d.severity === 'error' && d.line > 0)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'bad.yaml'))).toBe(true);
  });

  it('says why a file cannot be imported, without a stack trace', async () => {
    const dir = tempDir();
    const binary = path.join(dir, 'scan.pdf');
    fs.writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    for (const file of [binary, path.join(dir, 'missing.txt')]) {
      const result = await runReport(['import', file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('无法导入');
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
