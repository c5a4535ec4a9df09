/** Unit and integration tests run in Node; browser tests drive Debian's Chromium (test/e2e). */
const tsJest = ['ts-jest', { tsconfig: { module: 'CommonJS', moduleResolution: 'Node', jsx: 'react-jsx', types: ['office-js', 'jest', 'node'], isolatedModules: true } }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  testTimeout: 60000,
};
/**
 * The Excel-host tests run once per platform of the Excel double (web / windows / mac: the APIs
 * without undo support differ, see test/support/fake-excel.ts). The default project covers every
 * test with the web setting; two more run the Excel-host tests as Windows and Mac.
 */
const excelHostTests = ['<rootDir>/test/excel/**/*.test.ts', '<rootDir>/test/taskpane/ribbon.test.ts', '<rootDir>/test/taskpane/live.test.ts'];
const platform = (name) => ({
  ...base,
  displayName: `excel-${name}`,
  testMatch: excelHostTests,
  setupFiles: [`<rootDir>/test/support/platform/${name}.ts`],
  // Static checks of src/ are the same on every platform.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/excel/requirement-sets.test.ts'],
});
module.exports = {
  // A global option (not read from projects).
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'all', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'], setupFiles: ['<rootDir>/test/support/platform/web.ts'] },
    platform('windows'),
    platform('mac'),
  ],
};
