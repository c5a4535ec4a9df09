/**
 * The CLI's command registry loads a command's module only when it runs (or when the help lists
 * them all): `kpi-progress check` starts without the writers, planners and savers.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { allCommands, findCommand } from '../../src/cli/commands';

const ROOT = path.resolve(__dirname, '../..');

test('every registered name finds the command of that name, in the help order', async () => {
  const all = await allCommands();
  expect(all.map((c) => c.name)).toEqual(['check', 'fill', 'flag', 'unflag', 'link', 'add-year', 'definitions', 'report', 'undo', 'clean', 'diff', 'split', 'merge']);
  for (const c of all) expect(await findCommand(c.name)).toBe(c);
  expect(await findCommand('nope')).toBeUndefined();
});

test('finding check loads no other command module (nor what only they use)', () => {
  const script = [
    "const { findCommand } = require('./src/cli/commands');",
    'findCommand("check").then((c) => {',
    "  const ks = Object.keys(require.cache).map((k) => k.split(require('path').sep).join('/')).filter((k) => k.includes('/src/'));",
    "  console.log(JSON.stringify({ name: c.name, loaded: ks.filter((k) => /\\/src\\/cli\\/commands\\/(?!check|index)|\\/src\\/cli\\/safe-file\\.|\\/src\\/app\\/(planners|engine|commands)\\.|\\/src\\/core\\/(plans\\/(fill|add-year|report)|compare\\/(compare|match|merge)\\.)/.test(k)).map((k) => k.slice(k.indexOf('/src/'))) }));",
    '});',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ name: 'check', loaded: [] });
});
