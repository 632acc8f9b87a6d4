/**
 * The archival manifest of a build (`report build --manifest`): what an archivist needs to prove,
 * years later, that a stored PDF is the one nianbao built from a given YAML. Two files beside the
 * outputs: MANIFEST.sha256, which `sha256sum -c` checks as it is, and manifest.json with the tool's
 * and libraries' versions, the settings that decide the bytes (formats, PDF/A level,
 * SOURCE_DATE_EPOCH), and per report the input's hash, the font files used and every output's
 * size, pages and hash. No clock time is recorded: the same build gives the same manifest.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FontRole } from '../format/font-roles';
import { FONT_ROLES, resolveFonts } from '../fonts/resolve';
import type { Host } from '../host';
import { FONT_FILE_LIMIT_BYTES } from '../fonts/font-file';
import { nianbaoVersion } from '../package-root';
import { installedVersion } from '../pinned-library';
import { isRecord } from '../report/plain-data';

export const MANIFEST_SHA256 = 'MANIFEST.sha256';
export const MANIFEST_JSON = 'manifest.json';

/**
 * The largest manifest read: an entry is about 300 bytes in manifest.json, so 8 MiB holds tens of
 * thousands of reports, far past any archive, while a file of hundreds of MB is refused unread.
 */
export const MANIFEST_LIMIT_BYTES = 8 * 1024 * 1024;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface HashedFile {
  /** Relative to the manifest's folder, with forward slashes (absolute when on another drive). */
  path: string;
  sha256: string;
}

export interface ManifestOutput extends HashedFile {
  format: string;
  bytes: number;
  pages?: number;
}

export interface ManifestReport {
  input: HashedFile;
  /** The font file of each role the PDF was drawn with (absent without a PDF). */
  fonts?: Partial<Record<FontRole, HashedFile>>;
  outputs: ManifestOutput[];
}

export interface Manifest {
  manifest: 1;
  tool: { name: 'nianbao'; version: string; node: string; libraries: Record<string, string> };
  /** `fragment`: only when the HTML was the article alone (--fragment). */
  settings: { formats: string[]; conformance: string | null; sourceDateEpoch: number | null; fragment?: true };
  reports: ManifestReport[];
}

/** A path as the manifest in `dir` records it. */
export function manifestPath(dir: string, file: string): string {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return (path.isAbsolute(relative) ? relative : relative.split(path.sep).join('/')) || '.';
}

/** A recorded path as a path from the current folder. */
export const resolveManifestPath = (dir: string, recorded: string) => (path.isAbsolute(recorded) ? recorded : path.join(dir, recorded));

/** MANIFEST.sha256: "<hash>  <path>" per output, sorted by path, as sha256sum writes and checks it. */
export function sha256sumText(manifest: Manifest): string {
  const lines = manifest.reports.flatMap((report) => report.outputs).map((output) => `${output.sha256}  ${output.path}`);
  return lines.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join('\n') + (lines.length > 0 ? '\n' : '');
}

export const manifestJson = (manifest: Manifest) => JSON.stringify(manifest, null, 2) + '\n';

const isHashed = (value: unknown): value is HashedFile => isRecord(value) && typeof value.path === 'string' && /^[0-9a-f]{64}$/.test(String(value.sha256));

/** manifest.json's text as a Manifest, or why it is not one (a damaged or foreign file). */
export function parseManifest(text: string): Manifest | { problem: { zh: string; en: string } } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: { zh: '不是有效的 JSON', en: `not valid JSON: ${(error as Error).message}` } };
  }
  if (!isRecord(value) || value.manifest !== 1 || !isRecord(value.tool) || !isRecord(value.settings) || !Array.isArray(value.reports)) {
    return { problem: { zh: '不是 nianbao 的清单（缺少 manifest: 1）', en: 'not a nianbao manifest (manifest: 1)' } };
  }
  for (const report of value.reports) {
    if (!isRecord(report) || !isHashed(report.input) || !Array.isArray(report.outputs) || !report.outputs.every(isHashed)) {
      return { problem: { zh: '某份报告的条目缺少输入或输出', en: 'a report entry lacks its input or outputs' } };
    }
  }
  return value as unknown as Manifest;
}

/** A report as built and written, for the manifest. */
export interface BuiltReport {
  /** The input's path (or label, for standard input, with its bytes). */
  input: string;
  inputBytes?: Uint8Array;
  /** The font files configured for its PDF (resolved here as the renderer resolved them). */
  fonts?: Partial<Record<FontRole, string>>;
  outputs: { path: string; format: string; bytes: number; sha256: string; pages?: number }[];
}

export interface ManifestSettings {
  formats: string[];
  conformance?: string;
  sourceDateEpoch: number | null;
  fragment?: boolean;
}

/**
 * The settings a manifest records, from those a build was given: only what decides the bytes —
 * the PDF/A level only with a PDF, the fragment only with HTML — so two builds that made the same
 * files record the same settings (withEarlier merges only those), and the date SOURCE_DATE_EPOCH gave.
 */
export function manifestSettings(host: Host, build: { formats: readonly string[]; conformance?: string; fragment?: boolean }): ManifestSettings {
  const epoch = host.sourceDateEpoch();
  return {
    formats: [...build.formats],
    ...(build.formats.includes('pdf') && build.conformance ? { conformance: build.conformance } : {}),
    sourceDateEpoch: epoch.kind === 'date' ? epoch.date.getTime() / 1000 : null,
    ...(build.formats.includes('html') && build.fragment ? { fragment: true } : {}),
  };
}

/** The manifest of the reports written to `dir`; reads the inputs and font files through the host to hash them. */
export function makeManifest(host: Host, dir: string, built: readonly BuiltReport[], settings: ManifestSettings): Manifest {
  const hashes = new Map<string, string>();
  // The files hashed are reports and fonts the build has just read; a font is the largest of them.
  const hashOf = (file: string): string => {
    const known = hashes.get(file);
    if (known) return known;
    const bytes = host.readBytes(file, FONT_FILE_LIMIT_BYTES);
    const hash = bytes instanceof Uint8Array ? sha256(bytes) : '';
    hashes.set(file, hash);
    return hash;
  };
  // Reports of a batch mostly share their font configuration: resolve each one once (it scans the system's font folders).
  const resolved = new Map<string, ReturnType<typeof resolveFonts>>();
  const fontsOf = (configured: Partial<Record<FontRole, string>>) => {
    const key = JSON.stringify(configured);
    return resolved.get(key) ?? resolved.set(key, resolveFonts(host, configured)).get(key)!;
  };
  const reports = built.map((report): ManifestReport => {
    const fonts = report.outputs.some((o) => o.format === 'pdf') && report.fonts ? fontsOf(report.fonts) : undefined;
    return {
      input: {
        path: report.inputBytes ? report.input : manifestPath(dir, report.input),
        sha256: report.inputBytes ? sha256(report.inputBytes) : hashOf(report.input),
      },
      ...(fonts
        ? {
            fonts: Object.fromEntries(
              FONT_ROLES.map((role) => [role, { path: manifestPath(dir, fonts[role].font.file), sha256: hashOf(fonts[role].font.file) }]),
            ),
          }
        : {}),
      outputs: report.outputs.map((o) => ({ ...o, path: manifestPath(dir, o.path) })),
    };
  });
  return {
    manifest: 1,
    tool: {
      name: 'nianbao',
      version: nianbaoVersion(),
      node: process.version,
      libraries: Object.fromEntries(['pdfkit', 'docx', 'fontkit'].map((name) => [name, installedVersion(name)])),
    },
    settings: {
      formats: settings.formats,
      conformance: settings.conformance ?? null,
      sourceDateEpoch: settings.sourceDateEpoch,
      ...(settings.fragment ? { fragment: true as const } : {}),
    },
    reports,
  };
}

/**
 * The manifest of a build into a folder that already has one: the earlier reports this build did
 * not rebuild stay listed, so building reports one at a time into one folder archives them all.
 * Only a manifest of the same nianbao version and settings is merged (verify rebuilds every report
 * with the one recorded setting); otherwise `dropped` counts the earlier reports no longer listed.
 */
export function withEarlier(host: Host, dir: string, manifest: Manifest): { manifest: Manifest; dropped: number } {
  const bytes = host.readBytes(path.join(dir, MANIFEST_JSON), MANIFEST_LIMIT_BYTES);
  const earlier = bytes instanceof Uint8Array ? parseManifest(Buffer.from(bytes).toString('utf8')) : undefined;
  if (earlier === undefined || 'problem' in earlier) return { manifest, dropped: 0 };
  const inputs = new Set(manifest.reports.map((r) => r.input.path));
  const outputs = new Set(manifest.reports.flatMap((r) => r.outputs.map((o) => o.path)));
  const kept = earlier.reports.filter((r) => !inputs.has(r.input.path) && !r.outputs.some((o) => outputs.has(o.path)));
  const same = earlier.tool.version === manifest.tool.version && JSON.stringify(earlier.settings) === JSON.stringify(manifest.settings);
  if (!same) return { manifest, dropped: kept.length };
  return { manifest: { ...manifest, reports: [...kept, ...manifest.reports] }, dropped: 0 };
}
