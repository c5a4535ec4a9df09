/**
 * Supported Node versions are true: every installed package's `engines.node` allows the Node versions
 * package.json promises (20.19 on this machine and CI, 22.13+ and 24 for users), so `npm ci` prints no
 * EBADENGINE warning, and package.json's own `engines` says no more than its dependencies allow.
 * Offline: reads package-lock.json only.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import semver from 'semver';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

/** The oldest release of each line package.json supports; 22.12 and 20.18 must stay unsupported. */
const SUPPORTED = ['20.19.0', '22.13.0', '24.0.0'];
const UNSUPPORTED = ['18.20.0', '20.18.0', '22.12.0', '23.0.0'];

/** Packages npm installs (peer-only packages are left out by .npmrc's omit=peer). */
const installed = Object.entries(lock.packages as Record<string, { engines?: { node?: string }; peer?: boolean }>).filter(
  ([path, p]) => path !== '' && !p.peer,
);

test('every installed package allows Node 20.19, 22.13 and 24', () => {
  const refusing = installed.flatMap(([path, p]) =>
    SUPPORTED.filter((v) => p.engines?.node && !semver.satisfies(v, p.engines.node)).map((v) => `${path} (${p.engines!.node}) refuses ${v}`),
  );
  expect(refusing).toEqual([]);
  expect(installed.length).toBeGreaterThan(500);
});

test("package.json's engines promise exactly those lines", () => {
  const range = pkg.engines.node as string;
  for (const v of SUPPORTED) expect(semver.satisfies(v, range)).toBe(true);
  for (const v of UNSUPPORTED) expect(semver.satisfies(v, range)).toBe(false);
  // the range is honest: some installed package refuses each unsupported version (so it cannot be widened)
  for (const v of ['20.18.0', '22.12.0']) {
    expect(installed.some(([, p]) => p.engines?.node && !semver.satisfies(v, p.engines.node))).toBe(true);
  }
});

test('npm start / stop use office-addin-debugging from the lock file, not npx --yes', () => {
  expect(pkg.scripts.start).toBe('office-addin-debugging start manifest.xml');
  expect(pkg.scripts.stop).toBe('office-addin-debugging stop manifest.xml');
  for (const name of ['office-addin-debugging', 'office-addin-dev-certs']) {
    expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[`node_modules/${name}`]?.peer).toBeUndefined();
  }
  expect(JSON.stringify(pkg.scripts)).not.toMatch(/npx --yes/);
});
