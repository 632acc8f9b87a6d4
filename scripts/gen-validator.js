#!/usr/bin/env node
// Compiles schemas/report.schema.json into a standalone ajv validator (dist/validate/report-validator.js)
// at build time: compiling the schema on every run cost ~90 ms of the CLI's start-up, and loading ajv ~30 ms.
// The unit tests, which run without dist/, get the same code from validatorSource() through a jest
// transform (tests/helpers/validator-transform.js).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
/** The schema the validator is compiled from. */
const SCHEMA_FILE = path.join(root, 'schemas', 'report.schema.json');

/**
 * ajv appends the errors of a called schema with `vErrors = vErrors.concat(callee.errors)`, which
 * copies every error found so far at each call: a list of 100,000 wrong items took minutes. Each
 * callee's error array is made afresh per call, so appending in place is the same result, linear.
 */
const CONCAT = /vErrors = vErrors === null \? ([\w.]+)\.errors : vErrors\.concat\(\1\.errors\);/g;
const linear = (source) => {
  const out = source.replace(CONCAT, 'if (vErrors === null) vErrors = $1.errors; else for (const e of $1.errors) vErrors.push(e);');
  if (out === source || out.includes('.concat(')) throw new Error('gen-validator: ajv no longer appends errors as expected; review the linear rewrite');
  return out;
};

/** The validator module's source (CommonJS) for the schema text `schemaText`. */
function validatorSource(schemaText) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, code: { source: true, optimize: true } });
  return linear(standaloneCode(ajv, ajv.compile(JSON.parse(schemaText))));
}

if (require.main === module) {
  const target = path.join(root, 'dist', 'validate', 'report-validator.js');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, validatorSource(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

module.exports = { SCHEMA_FILE, validatorSource };
