/**
 * manifest.xml: validated offline with xmllint against the Office add-in manifest schemas
 * (schemas/office-addin-manifest/), every resid resolves, and the ribbon, icons and locales are
 * what the add-in needs. Broken copies must fail, so these checks can fail.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const SCHEMA = join(ROOT, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const UNRESOLVED_RESID = '//*[@resid][not(@resid = //*[local-name()="Resources"]/*/*/@id)]';

function xmllint(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const validate = (path: string) => xmllint('--noout', '--nonet', '--schema', SCHEMA, path);
const xpath = (path: string, expr: string) => xmllint('--xpath', expr, path);

describe('manifest.xml', () => {
  const xml = readFileSync(MANIFEST, 'utf8');
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kpi-manifest-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function brokenCopy(name: string, from: string | RegExp, to: string): string {
    const broken = xml.replace(from, to);
    expect(broken).not.toBe(xml);
    const path = join(dir, name);
    writeFileSync(path, broken);
    return path;
  }

  test('validates against the schemas, VersionOverrides included', () => {
    const r = validate(MANIFEST);
    expect(r.out).toContain('validates');
    expect(r.status).toBe(0);
  });

  test('every resid resolves to a resource', () => {
    const r = xpath(MANIFEST, UNRESOLVED_RESID);
    expect(r.out).toContain('XPath set is empty');
    expect(r.status).toBe(10);
  });

  test('a button without its Supertip fails to validate', () => {
    const path = brokenCopy('no-supertip.xml', /<Supertip>\s*<Title resid="Check.Label"\/>\s*<Description resid="Check.Tooltip"\/>\s*<\/Supertip>/, '');
    const r = validate(path);
    expect(r.out).toContain('fails to validate');
    expect(r.status).toBe(3);
  });

  test('a Permissions value the schema does not know fails to validate', () => {
    const r = validate(brokenCopy('bad-permission.xml', '<Permissions>ReadWriteDocument<', '<Permissions>Everything<'));
    expect(r.status).toBe(3);
  });

  test('a dangling resid is found', () => {
    const r = xpath(brokenCopy('dangling.xml', '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="NoSuch.Url"/>'), UNRESOLVED_RESID);
    expect(r.out).toContain('NoSuch.Url');
    expect(r.status).toBe(0);
  });

  test('Excel task pane app: ja-JP default, ReadWriteDocument, ExcelApi 1.7, localhost:3000', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<DefaultLocale>ja-JP</DefaultLocale>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toMatch(/<Sets DefaultMinVersion="1.1">\s*<Set Name="ExcelApi" MinVersion="1.7"\/>\s*<\/Sets>/);
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toContain('<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
  });

  test('Home tab group: チェック (runCheck), 年度列を追加 (addYearColumn), 作業ウィンドウ (ShowTaskpane)', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    const actions = [...xml.matchAll(/<Control xsi:type="Button" id="[\w.]+">([\s\S]*?)<\/Control>/g)].map(([, body]) => [
      /<Label resid="([\w.]+)"/.exec(body)?.[1],
      /<Action xsi:type="(\w+)">/.exec(body)?.[1],
      /<(?:FunctionName|TaskpaneId)>([\w.]+)</.exec(body)?.[1],
    ]);
    expect(actions).toEqual([
      ['Check.Label', 'ExecuteFunction', 'runCheck'],
      ['AddYear.Label', 'ExecuteFunction', 'addYearColumn'],
      ['Taskpane.Label', 'ShowTaskpane', 'KpiProgress.TaskpaneId'],
    ]);
    const label = (id: string) => new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(xml)?.[1];
    expect([label('Check.Label'), label('AddYear.Label'), label('Taskpane.Label')]).toEqual(['チェック', '年度列を追加', '作業ウィンドウ']);
  });

  test('the ribbon functions are the ones src/commands registers with Office.actions.associate', () => {
    const functions = [...xml.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
    const source = readFileSync(join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    const associated = [...source.matchAll(/Office\.actions\.associate\('(\w+)'/g)].map((m) => m[1]);
    expect(functions).toEqual(['runCheck', 'addYearColumn']);
    expect(associated.sort()).toEqual([...functions].sort());
  });

  test('every string, the name and the description have an en-US override', () => {
    const all = xpath(MANIFEST, 'count(//*[local-name()="String"])').out.trim();
    const withEnglish = xpath(MANIFEST, 'count(//*[local-name()="String"][*[local-name()="Override"][@Locale="en-US"]])').out.trim();
    expect(Number(all)).toBeGreaterThanOrEqual(9);
    expect(withEnglish).toBe(all);
    for (const el of ['DisplayName', 'Description']) {
      expect(xml).toMatch(new RegExp(`<${el} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
    }
  });

  test('every icon URL names a PNG in assets/ of the stated size', () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/g)].map((m) => m[1]);
    expect(new Set(icons).size).toBeGreaterThanOrEqual(9);
    for (const file of new Set([...icons, 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png'])) {
      const path = join(ROOT, 'assets', file);
      expect(existsSync(path)).toBe(true);
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/-(\d+)\.png$/.exec(file)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
