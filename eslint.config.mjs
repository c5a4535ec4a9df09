// Flat config (eslint 9). Office.js rules catch unloaded reads and syncs in loops; the TS rules are
// the recommended set only, so nobody's code fails on style. Prettier's rule is deliberately left out.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'no-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Office.js and exceljs types are loose in places; an explicit any is a reviewed choice.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // exceljs's getCell()/.value read like Office.js proxies to these rules; only src/excel uses Office.js.
    files: ['src/xlsx/**/*.ts', 'src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
);
