/** Unit and integration tests run in Node; browser tests drive Debian's Chromium (test/e2e). */
const tsJest = ['ts-jest', { tsconfig: { module: 'CommonJS', moduleResolution: 'Node', jsx: 'react-jsx', types: ['office-js', 'jest', 'node'], isolatedModules: true } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testTimeout: 60000,
};
