// Flat config (eslint 9). Office.js rules catch unloaded reads and syncs in loops; the TS rules are
// the recommended set only, so nobody's code fails on style. Prettier's rule is deliberately left out.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// Layers (docs/ARCHITECTURE.md): the core is pure, the app layer is host- and UI-agnostic, components
// only render. The compiler enforces the rest (tsconfig.core.json: no DOM, Node or Office types in src/core).
const NODE_BUILTINS = ['fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'crypto', 'stream', 'zlib', 'util', 'buffer', 'process', 'worker_threads', 'node:*'];
const HOST_LIBRARIES = ['exceljs', 'exceljs/*', 'jszip'];
const UI_LIBRARIES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'];
const restrict = (message, groups) => ['error', { patterns: [{ group: groups, message }] }];

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('src/core is pure TypeScript: no host, UI, app, exceljs or Node imports (docs/ARCHITECTURE.md).', [
        ...HOST_LIBRARIES, ...UI_LIBRARIES, ...NODE_BUILTINS,
        '**/app', '**/app/*', '**/excel/*', '**/xlsx/*', '**/taskpane/*', '**/commands/*', '**/cli/*', '**/preview/*',
      ]),
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('src/app is shared by every UI and host: it takes a host, never imports one, and renders nothing.', [
        ...HOST_LIBRARIES, ...UI_LIBRARIES, ...NODE_BUILTINS,
        '**/excel/*', '**/xlsx/*', '**/taskpane/*', '**/commands/*', '**/cli/*', '**/preview/*',
      ]),
    },
  },
  {
    files: ['src/taskpane/components/**/*.tsx', 'src/taskpane/tabs/**/*.tsx', 'src/preview/Grid.tsx'],
    rules: {
      'no-restricted-imports': restrict('Components render: they get host functions passed in and reach the core through src/app, never a host.', [
        ...HOST_LIBRARIES, ...NODE_BUILTINS,
        '**/excel/*', '**/xlsx/*', '**/cli/*', '**/commands/*', '**/core/session', '**/core/session.ts',
      ]),
    },
  },
);
