/**
 * The fast unit tests Stryker runs against each mutant (npm run mutation): hand-made KPIs and values,
 * no workbook. test/core/unit/** reaches each decision of the mutated files.
 */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/core/unit/**/*.test.ts',
    '<rootDir>/test/core/rates.test.ts',
    '<rootDir>/test/core/values.test.ts',
    '<rootDir>/test/core/status.test.ts',
    '<rootDir>/test/core/years.test.ts',
  ],
};
