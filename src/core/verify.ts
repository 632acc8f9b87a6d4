/**
 * `report verify`: stored outputs against their manifest (core/manifest.ts). Every output is read
 * and hashed; given a report's YAML, it is rebuilt with the recorded settings and fonts and every
 * output compared byte for byte. What differs is a diagnostic; what matches is said too, so an
 * archivist's log shows each file checked.
 */
import * as path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { FontRole } from '../format/font-roles';
import { FONT_FILE_LIMIT_BYTES, inspectFontFile } from '../fonts/font-file';
import { FONT_ROLES } from '../fonts/resolve';
import type { Host } from '../host';
import { nianbaoVersion } from '../package-root';
import type { PdfConformance } from '../render/pdf';
import { isFormat } from '../render/registry';
import { MAX_SOURCE_BYTES } from '../source/load-yaml';
import { readFailureDiagnostic, readFailureReason } from '../source/read-failure';
import { buildFile } from './build';
import {
  MANIFEST_JSON,
  MANIFEST_LIMIT_BYTES,
  MANIFEST_SHA256,
  parseManifest,
  resolveManifestPath,
  sha256,
  type HashedFile,
  type Manifest,
  type ManifestReport,
} from './manifest';

/** One file checked: an output against its hash, or an output rebuilt from its YAML. */
export interface Verified {
  file: string;
  /** `refused`: an entry naming something outside the manifest's folder or not a regular file: never read, never compared. */
  status: 'ok' | 'changed' | 'missing' | 'differs' | 'not-built' | 'refused';
  /** Rebuilt from the YAML (else only hashed). */
  rebuilt: boolean;
  diagnostics: Diagnostic[];
}

export interface VerifyOutcome {
  /** The manifest read, or the diagnostic saying why it could not be. */
  manifestFile: string;
  problem?: Diagnostic;
  files: Verified[];
}

/** The largest output hashed: a report's PDF with its fonts embedded is a few MB. */
export const OUTPUT_LIMIT_BYTES = 256 * 1024 * 1024;

/** The manifest a command-line argument names: manifest.json (given, or in the folder), else MANIFEST.sha256 alone. */
export function manifestFileOf(host: Host, arg: string): string {
  const dir = host.statFile(arg).kind === 'directory' ? arg : path.dirname(arg);
  const base = host.statFile(arg).kind === 'directory' ? undefined : path.basename(arg);
  if (base !== undefined && base !== MANIFEST_JSON && base !== MANIFEST_SHA256) return arg;
  const json = path.join(dir, MANIFEST_JSON);
  // MANIFEST.sha256 names its manifest.json beside it; without one, it is checked on its own.
  return host.statFile(json).kind === 'missing' && host.statFile(path.join(dir, MANIFEST_SHA256)).kind !== 'missing' ? path.join(dir, MANIFEST_SHA256) : json;
}

const placed = (d: Diagnostic, file: string): Diagnostic => ({ ...d, file });

/**
 * The file a recorded output path names, when it stays inside the manifest's folder: relative, no
 * `..`, and no symbolic link on the way that leads out (checked on the real path). Otherwise the
 * refusal: a manifest must not make verify read, or say anything about, a file elsewhere.
 */
function insideFolder(host: Host, manifestFile: string, entry: string): { file: string } | { refused: Diagnostic } {
  const dir = path.dirname(manifestFile);
  const file = path.join(dir, entry);
  const refused = { refused: placed(makeDiagnostic('RPT6009', null, { entry }), manifestFile) };
  if (path.isAbsolute(entry) || path.win32.isAbsolute(entry) || entry.split(/[\\/]/).includes('..')) return refused;
  const root = host.realPath(dir);
  const real = host.realPath(file);
  if (root === undefined || real === undefined) return { file }; // not there: the read says so
  return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep) ? { file } : refused;
}

/** A recorded output read back and compared with its hash. */
function checkEntry(host: Host, manifestFile: string, output: HashedFile): Verified {
  const inside = insideFolder(host, manifestFile, output.path);
  if ('refused' in inside) return { file: output.path, status: 'refused', rebuilt: false, diagnostics: [inside.refused] };
  const file = inside.file;
  const bytes = host.readBytes(file, OUTPUT_LIMIT_BYTES);
  if (!(bytes instanceof Uint8Array)) {
    if (bytes.kind === 'missing')
      return { file, status: 'missing', rebuilt: false, diagnostics: [placed(makeDiagnostic('RPT6005', null, { path: file }), file)] };
    const reason = readFailureReason(bytes);
    const d = makeDiagnostic('RPT6010', null, { entry: output.path, reason: reason.zh, reasonEn: reason.en });
    return { file, status: 'refused', rebuilt: false, diagnostics: [placed(d, file)] };
  }
  const actual = sha256(bytes);
  if (actual === output.sha256) return { file, status: 'ok', rebuilt: false, diagnostics: [] };
  const d = makeDiagnostic('RPT6004', null, { path: file, expected: output.sha256, actual });
  return { file, status: 'changed', rebuilt: false, diagnostics: [placed(d, file)] };
}

/**
 * The recorded font files that are still here unchanged, by role; and the roles whose font differs.
 * Fonts may lie outside the folder (the system's), so a recorded font is read only when it is a
 * font file (inspectFontFile: a regular file of a font's size with an sfnt signature): a manifest
 * cannot make verify hash /etc/shadow and tell whether a guess matched.
 */
function recordedFonts(host: Host, dir: string, report: ManifestReport): { fonts: Partial<Record<FontRole, string>>; differing: FontRole[] } {
  const fonts: Partial<Record<FontRole, string>> = {};
  const differing: FontRole[] = [];
  for (const role of FONT_ROLES) {
    const recorded = report.fonts?.[role];
    if (!recorded) continue;
    const file = resolveManifestPath(dir, recorded.path);
    const bytes = inspectFontFile(host, file) === undefined ? host.readBytes(file, FONT_FILE_LIMIT_BYTES) : undefined;
    if (bytes instanceof Uint8Array && sha256(bytes) === recorded.sha256) fonts[role] = file;
    else differing.push(role);
  }
  return { fonts, differing };
}

/** Why a rebuild may differ: another nianbao or library version, or fonts no longer as recorded. */
function suspects(manifest: Manifest, differing: readonly FontRole[]): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const version = nianbaoVersion();
  if (manifest.tool.version !== version) {
    zh.push(`清单由 nianbao ${manifest.tool.version} 生成，当前为 ${version}`);
    en.push(`the manifest was made by nianbao ${manifest.tool.version}, this is ${version}`);
  }
  if (differing.length > 0) {
    zh.push(`字体文件与清单记录不同（${differing.join('、')}）`);
    en.push(`font files differ from those recorded (${differing.join(', ')})`);
  }
  return zh.length > 0 ? { zh: zh.join('；'), en: en.join('; ') } : { zh: '版本与字体均与清单相同', en: 'versions and fonts are as recorded' };
}

/** Rebuilds the report whose input is `yaml` and compares each output with the manifest's hash. */
async function rebuild(host: Host, dir: string, manifest: Manifest, yaml: string): Promise<Verified[]> {
  const bytes = host.readBytes(yaml, MAX_SOURCE_BYTES);
  if (!(bytes instanceof Uint8Array)) return [{ file: yaml, status: 'missing', rebuilt: true, diagnostics: [readFailureDiagnostic(bytes, yaml)] }];
  const hash = sha256(bytes);
  const report = manifest.reports.find((r) => r.input.sha256 === hash);
  if (!report)
    return [{ file: yaml, status: 'not-built', rebuilt: true, diagnostics: [placed(makeDiagnostic('RPT6008', null, { path: yaml, sha256: hash }), yaml)] }];
  const { fonts, differing } = recordedFonts(host, dir, report);
  const epoch = manifest.settings.sourceDateEpoch;
  const at: Host = { ...host, sourceDateEpoch: () => (epoch === null ? { kind: 'unset' } : { kind: 'date', date: new Date(epoch * 1000) }) };
  const formats = report.outputs.map((o) => o.format).filter(isFormat);
  const conformance = manifest.settings.conformance as PdfConformance | null;
  const outcome = await buildFile(at, {
    file: yaml,
    source: bytes,
    formats,
    fonts,
    ...(conformance ? { conformance } : {}),
    ...(manifest.settings.fragment ? { fragment: true } : {}),
  });
  return report.outputs.map((output): Verified => {
    const file = resolveManifestPath(dir, output.path);
    const made = outcome.outputs.find((o) => o.format === output.format);
    const actual = made ? sha256(made.bytes) : '';
    if (actual === output.sha256) return { file, status: 'ok', rebuilt: true, diagnostics: [] };
    const why = suspects(manifest, differing);
    const d = makeDiagnostic('RPT6006', null, { path: file, yaml, why: why.zh, whyEn: why.en });
    return { file, status: 'differs', rebuilt: true, diagnostics: [placed(d, file), ...outcome.diagnostics] };
  });
}

/** MANIFEST.sha256 as sha256sum writes it: "<hash>  <path>" (or "<hash> *<path>") per line. */
function parseSha256sum(text: string): HashedFile[] | { problem: { zh: string; en: string } } {
  const entries: HashedFile[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!match) return { problem: { zh: '不是 sha256sum 格式的清单', en: 'not a sha256sum list' } };
    entries.push({ sha256: match[1] as string, path: match[2] as string });
  }
  return entries;
}

/** Verifies the manifest `arg` names; `yamls`: reports to rebuild and compare byte for byte (they need manifest.json). */
export async function verifyManifest(host: Host, arg: string, yamls: readonly string[]): Promise<VerifyOutcome> {
  const manifestFile = manifestFileOf(host, arg);
  const refuse = (reason: { zh: string; en: string }): VerifyOutcome => ({
    manifestFile,
    problem: placed(makeDiagnostic('RPT6007', null, { path: manifestFile, reason: reason.zh, reasonEn: reason.en }), manifestFile),
    files: [],
  });
  const bytes = host.readBytes(manifestFile, MANIFEST_LIMIT_BYTES);
  if (!(bytes instanceof Uint8Array)) return refuse(readFailureReason(bytes));
  const text = Buffer.from(bytes).toString('utf8');
  const dir = path.dirname(manifestFile);
  if (path.basename(manifestFile) === MANIFEST_SHA256) {
    const entries = parseSha256sum(text);
    if ('problem' in entries) return refuse(entries.problem);
    if (yamls.length > 0) return refuse({ zh: '重新生成需要旁边的 manifest.json', en: 'rebuilding needs the manifest.json beside it' });
    return { manifestFile, files: entries.map((entry) => checkEntry(host, manifestFile, entry)) };
  }
  const parsed = parseManifest(text);
  if ('problem' in parsed) return refuse(parsed.problem);
  const files = parsed.reports.flatMap((report) => report.outputs.map((output) => checkEntry(host, manifestFile, output)));
  for (const yaml of yamls) files.push(...(await rebuild(host, dir, parsed, yaml)));
  return { manifestFile, files };
}
