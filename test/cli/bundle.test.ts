/**
 * The CLI users run is one bundled file (`npm run build:cli`: tsc to dist/node, then esbuild into
 * dist/node/kpi-progress.js, which bin/kpi-progress.js requires): it starts without resolving and
 * compiling several hundred files of dist/node and node_modules, and says the same as the sources.
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { ROOT, SAMPLE_PROGRESS } from '../support/sample';

const BIN = join(ROOT, 'bin', 'kpi-progress.js');
const BUNDLE = join(ROOT, 'dist', 'node', 'kpi-progress.js');

/** The newest .ts below src/cli, src/app, src/core and src/xlsx (what the bundle is built from). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['cli', 'app', 'core', 'xlsx']) walk(join(ROOT, 'src', d));
  return newest;
}

beforeAll(() => {
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource()) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT });
}, 300000);

function bin(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }) };
  } catch (e) {
    const x = e as { status: number; stdout: string };
    return { code: x.status, out: x.stdout };
  }
}

async function inProcess(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: () => {} });
  return { code, out: out.length ? `${out.join('\n')}\n` : '' };
}

test('check through the bundle prints what the sources print, --json and the summary, ja and en', async () => {
  for (const argv of [['check', SAMPLE_PROGRESS, '--json'], ['check', SAMPLE_PROGRESS, '--json', '--lang', 'en'], ['check', SAMPLE_PROGRESS], ['--lang', 'en', 'check', SAMPLE_PROGRESS]]) {
    expect(bin(...argv)).toEqual(await inProcess(...argv));
  }
});

test('the launcher loads the one bundled file and none of dist/node or node_modules', () => {
  const script = `require(${JSON.stringify(BIN)}); setTimeout(() => console.log(JSON.stringify(Object.keys(require.cache))), 200);`;
  const out = execFileSync(process.execPath, ['-e', script, 'check', '--help'], { encoding: 'utf8' });
  const loaded = JSON.parse(out.trim().split('\n').pop()!) as string[];
  expect(loaded.sort()).toEqual([BIN, BUNDLE].sort());
});

test('the help through the bundle lists every command (each command module initialised)', () => {
  const r = bin('--help');
  expect(r.code).toBe(0);
  for (const name of ['check', 'fill', 'flag', 'unflag', 'link', 'add-year', 'definitions', 'report', 'undo', 'clean', 'diff', 'split', 'merge']) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
});
