// Stands in for dist/validate/report-validator.js under jest (jest.config.js maps the import here):
// tests/helpers/validator-transform.js replaces this text with the validator compiled from
// schemas/report.schema.json by scripts/gen-validator.js, so tests need no dist/.
throw new Error('report-validator.js was loaded untransformed: see jest.config.js');
