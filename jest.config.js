/**
 * Jest runs the TypeScript tests through esbuild (tests/helpers/ts-transform.js: types stripped; `npm test` type-checks with tsc first),
 * in three tiers (README「测试」/ Tests):
 *   unit         no dist/, no child processes, no Debian tools: `npm run test:unit`, the developer's loop;
 *   integration  the built package: dist/ bundles, worker sandboxes, the real `report` process (smoke tests);
 *   e2e          what reads outputs with Debian tools (poppler, LibreOffice, Chromium, wine) and the long fuzz.
 * `npm test` runs all three. A test file is a unit test unless listed below.
 */
const { availableParallelism } = require('node:os');

/** Need the built package (dist/: bundles, the import sandbox's worker), a real process, or a tool a base system has (mkfifo, sha256sum). */
const INTEGRATION = [
  'smoke',
  'api',
  'load-bundle',
  'package',
  'pinned-libraries',
  'hostile',
  'catalog',
  'import',
  'import-review',
  'import-sandbox',
  'import-lost-text',
  'year-forward',
  'schema-travel',
  'results-schema',
  'reporters',
  'batch-robustness',
  'manifest',
];
/** Read outputs with Debian tools (poppler, LibreOffice, Chromium, wine), or the long fuzz. */
const E2E = [
  'fuzz',
  'made-up-format',
  'libreoffice',
  'html-browser',
  'edit-browser',
  'pdf',
  'pdf-reader',
  'renderer-goldens-pdf',
  'conservation',
  'fonts-kai',
  'font-names',
  'table-layout',
  'title-signature',
  'lines',
  'batch-summary',
  'standalone',
  'docx-grid',
];

const ts = { '^.+\\.ts$': '<rootDir>/tests/helpers/ts-transform.js' };
const fileOf = (name) => `<rootDir>/tests/${name}.test.ts`;

/** Settings every tier shares. */
const common = {
  testEnvironment: '<rootDir>/tests/helpers/node-environment.js',
  roots: ['<rootDir>/tests'],
  transform: ts,
};

/** src/validate/schema.ts requires `./report-validator.js`, which the build generates into dist/ (scripts/gen-validator.js). */
const VALIDATOR = '^\\./report-validator\\.js$';

module.exports = {
  // A root option (a project's own testTimeout is ignored).
  testTimeout: 60000,
  // The long files first, also on a fresh clone, which has no timings for jest to order by.
  testSequencer: '<rootDir>/tests/helpers/slow-first.js',
  // Three test files per two cores: jest's default (cores − 1) runs one file at a time on a 2-core machine (measured
  // here: unit 36 s → 25 s, integration 190 s → 100 s, e2e 328 s → 163 s with one file per core), and with one per
  // core a core still waited ~30 s of the suite while files waited on wine, browsers and other child processes:
  // the whole suite 225 / 251 s with 2 workers, 211 / 217 s with 3 (alternating; idle core time 29-31 s → 3-7 s).
  // The unit tier, which starts no process, keeps one per core (package.json's test:unit). A number, because jest
  // reads a percentage over 100 as a count ('150%' would start 150 workers).
  maxWorkers: Math.max(1, Math.floor(availableParallelism() * 1.5)),
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...[...INTEGRATION, ...E2E].map((name) => `/tests/${name}\\.test\\.ts$`)],
      // No dist/: the validator is compiled from the schema by the build's generator, through a cached transform.
      transform: { ...ts, 'tests/helpers/report-validator\\.js$': '<rootDir>/tests/helpers/validator-transform.js' },
      moduleNameMapper: {
        [VALIDATOR]: '<rootDir>/tests/helpers/report-validator.js',
        '^(node:)?child_process$': '<rootDir>/tests/helpers/no-child-process.ts',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: INTEGRATION.map(fileOf),
      moduleNameMapper: { [VALIDATOR]: '<rootDir>/dist/validate/report-validator.js' },
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: E2E.map(fileOf),
      moduleNameMapper: { [VALIDATOR]: '<rootDir>/dist/validate/report-validator.js' },
    },
  ],
};
