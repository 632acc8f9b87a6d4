/** Jest runs the TypeScript tests through ts-jest (transpile only; `npm test` type-checks with tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  // The schema validator is generated at build time into dist (scripts/gen-validator.js).
  moduleNameMapper: { '^\\./report-validator\\.js$': '<rootDir>/dist/validate/report-validator.js' },
  testTimeout: 60000,
};
