/**
 * DOCX → PDF with LibreOffice, in one soffice start for all files. LibreOffice substitutes the
 * official faces the DOCX names (仿宋_GB2312, 黑体 …), which are not installed here; left alone it
 * takes DejaVu Sans for Latin text and a Japanese Noto face for Chinese. A fontconfig file made for
 * the run aliases each name to the face the PDF renderer resolves for that role, so LibreOffice sets
 * the DOCX with the glyphs the PDF is set with and the two can be compared line by line.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveFonts } from '../../src/fonts/resolve';
import { nodeHost } from '../../src/host';
import { WORD_FONTS } from '../../src/render/docx/fonts';
import type { FontRole } from '../../src/format/font-roles';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A fontconfig file in `dir`: the system's configuration, the PDF's font files, and one alias per role. */
function fontConfig(dir: string): string {
  const resolved = resolveFonts(nodeHost({}));
  const roles = Object.keys(WORD_FONTS) as FontRole[];
  const dirs = [...new Set(roles.flatMap((role) => (resolved[role].font.file ? [path.dirname(resolved[role].font.file)] : [])))];
  const aliases = roles.flatMap((role) => {
    const family = resolved[role].family;
    return family ? [`<alias binding="same"><family>${escape(WORD_FONTS[role].name)}</family><prefer><family>${escape(family)}</family></prefer></alias>`] : [];
  });
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      ...dirs.map((d) => `<dir>${escape(d)}</dir>`),
      `<cachedir>${escape(path.join(dir, 'fontconfig-cache'))}</cachedir>`,
      ...aliases,
      '</fontconfig>',
    ].join('\n'),
  );
  return file;
}

/** Converts `files` (DOCX) to PDF into `outDir` with one LibreOffice process; returns the PDFs' paths in order. */
export function convertWithLibreOffice(files: string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 300_000,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig(outDir) },
  });
  return files.map((file) => path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`));
}
