#!/usr/bin/env node
/**
 * Copies the shipped faces (src/fonts/shipped-fonts.ts) from the font packages into `fonts/`, with
 * their licences: the package then carries the 4 faces it uses (~50 MB) instead of depending on
 * three font packages (261 MB of faces). LXGW WenKai comes from npm only as WOFF 1 and is
 * converted to TrueType here once, not on the user's machine. Files already up to date are kept.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { SHIPPED_FONTS, SHIPPED_FONT_DIR } = require('../dist/fonts/shipped-fonts.js');
const { woffToSfnt } = require('../dist/fonts/woff.js');

const root = path.join(__dirname, '..');
const source = (file) => require.resolve(file, { paths: [root] });

/** Writes `make()` to `target` unless it is newer than `from` (temp file + rename: never half a font). */
function update(target, from, make) {
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(from).mtimeMs) return;
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, make());
  fs.renameSync(temp, target);
}

fs.mkdirSync(SHIPPED_FONT_DIR, { recursive: true });
const faces = [...new Map(Object.values(SHIPPED_FONTS).map((font) => [font.file, font])).values()];
const licences = new Map();
for (const font of faces) {
  const from = source(font.from);
  update(path.join(SHIPPED_FONT_DIR, font.file), from, () => (from.endsWith('.woff') ? woffToSfnt(fs.readFileSync(from)) : fs.readFileSync(from)));
  licences.set(font.licence, [...(licences.get(font.licence) ?? []), font.face]);
}
const notice = ['nianbao 自带的开源字体 / The open fonts shipped with nianbao (SIL Open Font License 1.1)', ''];
for (const [licence, names] of licences) {
  const file = `OFL-${names[0].split(/[ （]/).slice(0, 2).join('')}.txt`;
  update(path.join(SHIPPED_FONT_DIR, file), source(licence), () => fs.readFileSync(source(licence)));
  notice.push(`${file}: ${names.join(', ')} (npm ${licence.split('/').slice(0, 2).join('/')})`);
}
fs.writeFileSync(path.join(SHIPPED_FONT_DIR, 'README.txt'), `${notice.join('\n')}\n`);
