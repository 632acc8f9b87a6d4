/**
 * `report verify`: stored outputs against their manifest (core/manifest.ts). Every output is read
 * and hashed; given a report's YAML, it is rebuilt with the recorded settings and fonts and every
 * output compared byte for byte. What differs is a diagnostic; what matches is said too, so an
 * archivist's log shows each file checked.
 */
import * as path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { FontRole } from '../format/font-roles';
import { FONT_ROLES } from '../fonts/resolve';
import type { Host } from '../host';
import { nianbaoVersion } from '../package-root';
import type { PdfConformance } from '../render/pdf';
import { isFormat } from '../render/registry';
import { buildFile } from './build';
import { MANIFEST_JSON, parseManifest, resolveManifestPath, sha256, type Manifest, type ManifestReport } from './manifest';

/** One file checked: an output against its hash, or an output rebuilt from its YAML. */
export interface Verified {
  file: string;
  status: 'ok' | 'changed' | 'missing' | 'differs' | 'not-built';
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

/** The manifest.json a command-line argument names: the file, or the one in the folder or beside MANIFEST.sha256. */
export function manifestFileOf(host: Host, arg: string): string {
  if (host.statFile(arg).kind === 'directory') return path.join(arg, MANIFEST_JSON);
  return path.basename(arg) === MANIFEST_JSON ? arg : path.join(path.dirname(arg), MANIFEST_JSON);
}

const placed = (d: Diagnostic, file: string): Diagnostic => ({ ...d, file });

/** Each output of the manifest read back and hashed. */
function checkStored(host: Host, dir: string, manifest: Manifest): Verified[] {
  return manifest.reports.flatMap((report) =>
    report.outputs.map((output): Verified => {
      const file = resolveManifestPath(dir, output.path);
      const bytes = host.readBytes(file);
      if (!(bytes instanceof Uint8Array)) {
        return { file, status: 'missing', rebuilt: false, diagnostics: [placed(makeDiagnostic('RPT6005', null, { path: file }), file)] };
      }
      const actual = sha256(bytes);
      if (actual === output.sha256) return { file, status: 'ok', rebuilt: false, diagnostics: [] };
      const d = makeDiagnostic('RPT6004', null, { path: file, expected: output.sha256, actual });
      return { file, status: 'changed', rebuilt: false, diagnostics: [placed(d, file)] };
    }),
  );
}

/** The recorded font files that are still here unchanged, by role; and the roles whose font differs. */
function recordedFonts(host: Host, dir: string, report: ManifestReport): { fonts: Partial<Record<FontRole, string>>; differing: FontRole[] } {
  const fonts: Partial<Record<FontRole, string>> = {};
  const differing: FontRole[] = [];
  for (const role of FONT_ROLES) {
    const recorded = report.fonts?.[role];
    if (!recorded) continue;
    const file = resolveManifestPath(dir, recorded.path);
    const bytes = host.readBytes(file);
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
  const bytes = host.readBytes(yaml);
  if (!(bytes instanceof Uint8Array)) {
    return [{ file: yaml, status: 'missing', rebuilt: true, diagnostics: [placed(makeDiagnostic('RPT6005', null, { path: yaml }), yaml)] }];
  }
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

/** Verifies the manifest `arg` names; `yamls`: reports to rebuild and compare byte for byte. */
export async function verifyManifest(host: Host, arg: string, yamls: readonly string[]): Promise<VerifyOutcome> {
  const manifestFile = manifestFileOf(host, arg);
  const bytes = host.readBytes(manifestFile);
  const parsed = bytes instanceof Uint8Array ? parseManifest(Buffer.from(bytes).toString('utf8')) : { problem: bytes.kind };
  if ('problem' in parsed) {
    return { manifestFile, problem: placed(makeDiagnostic('RPT6007', null, { path: manifestFile, reason: parsed.problem }), manifestFile), files: [] };
  }
  const dir = path.dirname(manifestFile);
  const files = checkStored(host, dir, parsed);
  for (const yaml of yamls) files.push(...(await rebuild(host, dir, parsed, yaml)));
  return { manifestFile, files };
}
