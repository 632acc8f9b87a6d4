/**
 * Jest transform of tests/helpers/report-validator.js: the schema validator compiled by the build's
 * own generator (scripts/gen-validator.js validatorSource), from the schema file as it is now. Jest
 * caches the result under a key of the schema, the generator and ajv's version, so the ~1 s compile
 * runs once per change, not per test file; the production path stays the one precompiled into dist/.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const { SCHEMA_FILE, validatorSource } = require('../../scripts/gen-validator');

const GENERATOR = require.resolve('../../scripts/gen-validator');
const AJV_VERSION = require('ajv/package.json').version;

module.exports = {
  getCacheKey(sourceText) {
    return crypto
      .createHash('sha256')
      .update(sourceText)
      .update(fs.readFileSync(SCHEMA_FILE))
      .update(fs.readFileSync(GENERATOR))
      .update(AJV_VERSION)
      .digest('hex');
  },
  process() {
    return { code: validatorSource(fs.readFileSync(SCHEMA_FILE, 'utf8')) };
  },
};
