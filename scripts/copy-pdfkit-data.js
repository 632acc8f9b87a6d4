#!/usr/bin/env node
// pdfkit reads its sRGB ICC profile (the PDF/A output intent) from ./data beside its script; the
// PDF worker bundle (dist/pdf-worker.js) includes pdfkit, so the profile goes to dist/data.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const source = path.join(root, 'node_modules', 'pdfkit', 'js', 'data', 'sRGB_IEC61966_2_1.icc');
fs.mkdirSync(path.join(root, 'dist', 'data'), { recursive: true });
fs.copyFileSync(source, path.join(root, 'dist', 'data', 'sRGB_IEC61966_2_1.icc'));
