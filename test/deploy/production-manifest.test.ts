/**
 * The production manifest for an office's own origin: built from manifest.xml for a sample origin into
 * a copy of dist/, validated offline with xmllint, no localhost left, every resource URL a built file,
 * <Version> from package.json, <Id> kept unless asked, the development manifest untouched.
 * Needs dist/ (npm run build:web), like the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addinBase,
  DEV_ORIGIN,
  manifestFiles,
  manifestUrls,
  manifestVersion,
  missingFiles,
  productionManifest,
  ROOT,
  writeProductionManifest,
} from '../../scripts/production-manifest';

const ORIGIN = 'https://kpi.example.lg.jp/addin/';
const DIST = join(ROOT, 'dist');
const SCHEMA = join(ROOT, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const devXml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const pkgVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)![1];

function xmllint(...args: string[]) {
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let dist: string;
beforeAll(() => {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/ がありません。先に npm run build:web を実行してください / run npm run build:web first.');
  dist = mkdtempSync(join(tmpdir(), 'kpi-prod-'));
  cpSync(DIST, dist, { recursive: true, filter: (src) => !src.endsWith('.map') && !src.includes(`${join('assets', 'sample')}`) });
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe(`ADDIN_ORIGIN=${ORIGIN}`, () => {
  let xml: string;
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/production-manifest.ts'), dist], {
      env: { ...process.env, ADDIN_ORIGIN: ORIGIN, ADDIN_ID: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
  });

  test('validates against the schemas and every resid resolves', () => {
    const r = xmllint('--noout', '--nonet', '--schema', SCHEMA, join(dist, 'manifest.xml'));
    expect(r.out).toContain('validates');
    expect(r.status).toBe(0);
    expect(xmllint('--xpath', '//*[@resid][not(@resid = //*[local-name()="Resources"]/*/*/@id)]', join(dist, 'manifest.xml')).status).toBe(10);
  });

  test('every URL points at the origin and path; no localhost remains', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = manifestUrls(xml);
    expect(urls.length).toBe(manifestUrls(devXml).length);
    for (const url of urls) expect(url === 'https://kpi.example.lg.jp' || url.startsWith(ORIGIN)).toBe(true);
    expect(xml).toContain('<AppDomain>https://kpi.example.lg.jp</AppDomain>');
    expect(xml).toContain(`<SourceLocation DefaultValue="${ORIGIN}taskpane.html"/>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${ORIGIN}taskpane.html"/>`);
    expect(xml).toContain(`<IconUrl DefaultValue="${ORIGIN}assets/icon-32.png"/>`);
    expect(xml).toContain(`<bt:Url id="Commands.Url" DefaultValue="${ORIGIN}commands.html"/>`);
    expect(xml).toContain(`<bt:Image id="AddYear.80x80" DefaultValue="${ORIGIN}assets/add-year-80.png"/>`);
  });

  test('every resource URL is a file in dist/', () => {
    const files = manifestFiles(xml, addinBase(ORIGIN));
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'assets/icon-16.png', 'assets/icon-64.png', 'assets/check-80.png']));
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(missingFiles(xml, addinBase(ORIGIN), dist)).toEqual([]);
  });

  test('Version from package.json (four parts), Id kept, the rest as in manifest.xml', () => {
    expect(xml).toContain(`<Version>${pkgVersion}.0</Version>`);
    expect(idOf(xml)).toBe(idOf(devXml));
    const strip = (s: string) => s.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/https?:\/\/[^"<\s]+/g, 'URL').replace(/<Version>[^<]+</, '<Version><');
    expect(strip(xml)).toBe(strip(devXml));
  });

  test('the development manifest stays as it is', () => {
    expect(readFileSync(join(ROOT, 'manifest.xml'), 'utf8')).toBe(devXml);
    expect(devXml).toContain(`<SourceLocation DefaultValue="${DEV_ORIGIN}taskpane.html"/>`);
  });
});

describe('the checks can fail', () => {
  test('a resource missing from dist/ is named', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kpi-prod-missing-'));
    try {
      cpSync(dist, copy, { recursive: true });
      unlinkSync(join(copy, 'assets', 'check-32.png'));
      expect(() => writeProductionManifest(copy, { ADDIN_ORIGIN: ORIGIN })).toThrow(/assets\/check-32\.png/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('a localhost URL the origin swap does not reach is refused', () => {
    const odd = devXml.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://localhost:8080/help.html"/>');
    expect(odd).not.toBe(devXml);
    expect(() => productionManifest(odd, { base: addinBase(ORIGIN), version: '1.2.3' })).toThrow(/localhost/);
  });

  test('a Version of more than four parts fails the schema (why package.json gets ".0", never more)', () => {
    const path = join(dist, 'five-part.xml');
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    writeFileSync(path, xml.replace(/<Version>[^<]+<\/Version>/, '<Version>0.1.0.0.0</Version>'));
    const r = xmllint('--noout', '--nonet', '--schema', SCHEMA, path);
    expect(r.out).toContain('fails to validate');
    expect(r.status).toBe(3);
  });

  test('origins Office cannot load from, and a bad Id, are refused with a message', () => {
    expect(() => addinBase(undefined)).toThrow(/ADDIN_ORIGIN がありません/);
    expect(() => addinBase('http://kpi.example.lg.jp/addin/')).toThrow(/https/);
    expect(() => addinBase('https://kpi.example.lg.jp/addin/?v=1')).toThrow(/query/);
    expect(() => addinBase('https://localhost:3000/')).toThrow(/localhost/);
    expect(() => addinBase('kpi.example.lg.jp')).toThrow(/URL/);
    expect(addinBase('https://kpi.example.lg.jp/addin').href).toBe(ORIGIN);
    expect(() => productionManifest(devXml, { base: addinBase(ORIGIN), version: '1.0.0', id: 'abc' })).toThrow(/GUID/);
  });

  test('Version: three numbers become four; pre-releases are refused', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('12.3.45')).toBe('12.3.45.0');
    expect(() => manifestVersion('1.0.0-beta.1')).toThrow(/Version/);
  });
});

test('a new Id only when asked: ADDIN_ID=new gives a fresh GUID, ADDIN_ID=<GUID> that one', () => {
  const base = addinBase(ORIGIN);
  const fresh = idOf(productionManifest(devXml, { base, version: pkgVersion, id: 'new' }));
  expect(fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(fresh).not.toBe(idOf(devXml));
  const given = '8E0A5A64-0C1B-4F7E-9D55-2B1C0E4A9F10';
  expect(idOf(productionManifest(devXml, { base, version: pkgVersion, id: given }))).toBe(given.toLowerCase());
  expect(idOf(productionManifest(devXml, { base, version: pkgVersion }))).toBe(idOf(devXml));
});
