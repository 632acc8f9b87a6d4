/**
 * `report verify MANIFEST [YAML…] [--json]`: checks every output a manifest lists (sha256sum -c
 * does the same for MANIFEST.sha256), and rebuilds each YAML given to compare byte for byte
 * (core/verify.ts). A line per file checked; exit 1 when anything differs or is missing.
 */
import { verifyManifest, type Verified } from '../core/verify';
import type { Host } from '../host';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { verdictOf } from '../core/batch';
import { reportDiagnostics, type OutputOptions } from './report-diagnostics';

const STATUS = {
  ok: ['一致', 'OK'],
  changed: ['已改动', 'CHANGED'],
  missing: ['缺失', 'MISSING'],
  differs: ['重新生成不一致', 'DIFFERS'],
  'not-built': ['不在清单中', 'NOT IN MANIFEST'],
  refused: ['已拒绝，未读取', 'REFUSED, NOT READ'],
} as const satisfies Record<Verified['status'], readonly [string, string]>;

export async function runVerify(host: Host, io: Io, manifest: string, yamls: readonly string[], options: OutputOptions): Promise<number> {
  const outcome = await verifyManifest(host, manifest, yamls);
  const results = outcome.problem
    ? [{ file: outcome.manifestFile, diagnostics: [outcome.problem], skipped: [] }]
    : outcome.files.map((f) => ({ file: f.file, diagnostics: f.diagnostics, skipped: [], fields: { status: f.status, rebuilt: f.rebuilt } }));
  if (!options.json) {
    for (const f of outcome.files) {
      const [zh, en] = STATUS[f.status];
      const how = f.rebuilt ? (options.lang === 'zh' ? '（重新生成）' : ' (rebuilt)') : '';
      io.stderr(`${f.file}${how}: ${options.lang === 'zh' ? zh : en}\n`);
    }
  }
  reportDiagnostics(io, results, options);
  return EXIT[verdictOf(results, options)];
}
