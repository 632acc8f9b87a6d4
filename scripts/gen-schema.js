#!/usr/bin/env node
// Writes schemas/report.schema.json from the national-format data (run after `npm run build`).
const fs = require('node:fs');
const path = require('node:path');
const { reportSchemaText } = require('../dist/schema/build-schema.js');
const target = path.join(__dirname, '..', 'schemas', 'report.schema.json');
fs.writeFileSync(target, reportSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
