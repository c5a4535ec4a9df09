/**
 * The fast unit tests Stryker runs against each mutant (npm run mutation): hand-made KPIs and values,
 * no workbook. test/core/unit/** reaches each decision of the mutated files; the four older unit files
 * beside them are as fast. MUTATION_TESTS=years (rates, values, status, rate-mismatch) narrows a run
 * over one file to that file's own unit tests, so each mutant loads two test files instead of nine.
 *
 * Standalone on purpose: jest.config.js is a set of projects, and spreading it here made every mutant
 * run the whole suite (the projects' testMatch wins over a top-level one).
 */
const only = process.env.MUTATION_TESTS;
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: only
    ? [`<rootDir>/test/core/unit/${only}.test.ts`, `<rootDir>/test/core/${only}.test.ts`]
    : ['<rootDir>/test/core/unit/**/*.test.ts', '<rootDir>/test/core/{rates,values,status,years}.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/support/esbuild-jest-transform.js' },
  testTimeout: 60000,
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/reports/'],
};
