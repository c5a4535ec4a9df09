/**
 * The layers are enforced, not promised: the lint rules of eslint.config.mjs reject a core file that
 * imports exceljs, Node, React, the app layer or a host; an app-layer file that imports a host; a
 * component that imports a host. `npm test` runs the same lint over src/, so such an import fails it.
 * (ESLint runs as the CLI does, on a probe file given on stdin: its flat config is an ES module,
 * which jest's module loader cannot import.)
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules', '.bin', 'eslint');

/** no-restricted-imports messages by line of the probe. */
function restricted(file: string, lines: string[]): Map<number, string> {
  const r = spawnSync(ESLINT, ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: lines.join('\n') + '\n', encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
  return new Map(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => [m.line, m.message]));
}

jest.setTimeout(120_000);

test('src/core may import only the core: exceljs, Node, React, the app layer and the hosts are rejected', () => {
  const probe = [
    "import ExcelJS from 'exceljs';",
    "import { readFileSync } from 'fs';",
    "import { readFile } from 'node:fs/promises';",
    "import { useState } from 'react';",
    "import { XlsxHost } from '../xlsx/host';",
    "import { ExcelHost } from '../../excel/host';",
    "import { loadWorkbook } from '../app';",
    "import { cellAddress } from '../snapshot';",
    'export const probe = [ExcelJS, readFileSync, readFile, useState, XlsxHost, ExcelHost, loadWorkbook, cellAddress];',
  ];
  const found = restricted('src/core/plans/layer-probe.ts', probe);
  expect([...found.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(found.get(1)).toContain('src/core is pure TypeScript');
});

test('src/app takes a host but never imports one', () => {
  const found = restricted('src/app/layer-probe.ts', [
    "import { XlsxHost } from '../xlsx/host';",
    "import ExcelJS from 'exceljs';",
    "import { analyse } from '../core/analyse';",
    'export const probe = [XlsxHost, ExcelJS, analyse];',
  ]);
  expect([...found.keys()]).toEqual([1, 2]);
  expect(found.get(1)).toContain('src/app is shared by every UI and host');
});

test('components reach the core through src/app, never a host', () => {
  const found = restricted('src/taskpane/tabs/LayerProbe.tsx', [
    "import { ExcelHost } from '../../excel/host';",
    "import { loadWorkbook } from '../../app';",
    'export const probe = [ExcelHost, loadWorkbook];',
  ]);
  expect([...found.keys()]).toEqual([1]);
  expect(found.get(1)).toContain('Components render');
});
