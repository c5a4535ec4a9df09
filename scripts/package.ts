/**
 * The package for the office's own web server: package/kpi-progress-addin-<version>.zip holding exactly
 * what must be served (task pane, ribbon commands page, status dialog page, their scripts and license
 * notices, the icons) in the folder layout of ADDIN_ORIGIN, the production manifest.xml at the root and
 * README-配布.txt (where each file goes, server headers, how to check the install).
 *
 *   ADDIN_ORIGIN=https://kpi.example.lg.jp/addin/ npm run package      (builds dist/ first)
 *   npx tsx scripts/package.ts [--dist DIR] [--out DIR]                 (zips an existing dist/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { addinBase, DeployError, manifestFiles, manifestVersion, PACKAGE_VERSION, ROOT, writeProductionManifest } from './production-manifest';
import { zip } from './zip';

/** Pages Office opens: the task pane and ribbon function file (named in the manifest), the status dialog (opened by the commands). */
export const PAGES = ['taskpane.html', 'commands.html', 'status.html'];
export const README_NAME = 'README-配布.txt';
const SCHEMA = join(ROOT, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

export interface PackageResult {
  zipPath: string;
  /** Served files, paths relative to ADDIN_ORIGIN. */
  served: string[];
  base: URL;
  validated: boolean;
}

/** Files the pages need (dist/pages.json, written by webpack.config.js) plus the manifest's own URLs. */
function servedFiles(dist: string, manifest: string, base: URL): string[] {
  const pagesJson = join(dist, 'pages.json');
  if (!existsSync(pagesJson)) throw new DeployError(`${pagesJson} がありません。先に npm run build:web を実行してください / build dist/ first (npm run build:web).`);
  const pages = JSON.parse(readFileSync(pagesJson, 'utf8')) as Record<string, string[]>;
  const files = new Set(manifestFiles(manifest, base));
  for (const page of PAGES) {
    if (!pages[page]) throw new DeployError(`${page} is not in ${pagesJson}.`);
    files.add(page);
    for (const f of pages[page]) {
      files.add(f);
      // terser's license notices for the bundled libraries (MIT and others ask for them to travel along)
      if (existsSync(join(dist, `${f}.LICENSE.txt`))) files.add(`${f}.LICENSE.txt`);
    }
  }
  const missing = [...files].filter((f) => !existsSync(join(dist, f)));
  if (missing.length) throw new DeployError(`missing from ${dist}: ${missing.join(', ')}`);
  return [...files].sort();
}

/** Validates offline with xmllint and the bundled XSDs; false when xmllint is not installed. */
export function validateManifest(path: string): boolean {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, path], { encoding: 'utf8' });
  if (r.error) return false;
  if (r.status !== 0) throw new DeployError(`manifest.xml がスキーマに合いません / the manifest does not validate:\n${r.stdout}${r.stderr}`);
  return true;
}

function headersFor(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.endsWith('.png')) return 'image/png';
  if (file.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

export function readme(base: URL, served: string[], version: string): string {
  const types = [...new Set(served.map((f) => f.replace(/^.*\./, '.')))].sort();
  const lines = [
    `KPI進捗アシスタント ${version} 配布パッケージ`,
    `配布先: ${base.href}`,
    '',
    '1. ファイルの置き場所',
    `  manifest.xml と この README-配布.txt 以外のすべてを、フォルダー構成のまま ${base.href} に当たる`,
    '  Web サーバーのフォルダーに置きます（assets/ はサブフォルダーのまま）。',
    ...served.map((f) => `    ${base.href}${f}`),
    '  manifest.xml はサーバーに置く必要はありません。次のどれかで利用者に配ります（詳しくは README.md の',
    '  「庁内への配布」の節）: Microsoft 365 管理センターの「統合アプリ」/ SharePoint のアプリ カタログ /',
    '  共有フォルダーの「信頼できるアドイン カタログ」（Windows 版 Excel）/ 1 台だけならサイドロード。',
    '',
    '2. サーバーの設定',
    '  - HTTPS で配信すること（Office は http のアドインを読み込みません）。証明書は利用者のパソコンが',
    '    信頼するもの（公的な認証局、または庁内 CA をパソコンに配布済みのもの）。',
    `  - Content-Type: ${types.map((t) => `${t} → ${headersFor(`x${t}`)}`).join('、')}`,
    '  - Content-Security-Policy はページ内（<meta>）にあるので、サーバーで付ける必要はありません。付ける場合は',
    "    ページと同じく script-src 'self' https://appsforoffice.microsoft.com を許してください。",
    '  - X-Frame-Options や frame-ancestors で埋め込みを禁止しないこと（Excel on the web は作業ウィンドウを',
    '    iframe で開きます）。',
    '  - キャッシュ: *.html は Cache-Control: no-cache、*.js は名前に版が入っているので長期キャッシュ可。',
    '',
    '3. 利用者のパソコンから届く必要があるもの',
    `  - ${base.origin}（このサーバー）`,
    '  - https://appsforoffice.microsoft.com（Microsoft の Office.js。届かないと作業ウィンドウには',
    '    「KPI進捗アシスタントを表示できません」という説明が出ます）',
    '',
    '4. 確認のしかた',
    `  - ブラウザーで ${base.href}taskpane.html を開き、「KPI進捗アシスタントを表示できません」と出れば`,
    '    ファイルは届いています（Excel の外で開いたため）。真っ白や 404 なら置き場所か URL が違います。',
    '  - 上の一覧の URL がすべて開けること（アイコンは画像が表示されること）。',
    '  - Excel で: ホーム タブに「KPI進捗」グループ（チェック / 年度列を追加 / 作業ウィンドウ）が出て、',
    '    作業ウィンドウが開くこと。配布直後は反映まで時間がかかることがあります。',
    '',
  ];
  return lines.join('\r\n');
}

export function packageAddin(options: { dist?: string; out?: string; env?: NodeJS.ProcessEnv } = {}): PackageResult {
  const dist = resolve(options.dist ?? join(ROOT, 'dist'));
  const out = resolve(options.out ?? join(ROOT, 'package'));
  const env = options.env ?? process.env;
  addinBase(env.ADDIN_ORIGIN); // says what is wrong with ADDIN_ORIGIN before anything is written
  const { xml, base } = writeProductionManifest(dist, env)!;
  const validated = validateManifest(join(dist, 'manifest.xml'));
  const served = servedFiles(dist, xml, base);
  const entries = [
    { name: 'manifest.xml', data: Buffer.from(xml, 'utf8') },
    { name: README_NAME, data: Buffer.from(`\ufeff${readme(base, served, PACKAGE_VERSION)}`, 'utf8') },
    ...served.map((f) => ({ name: f, data: readFileSync(join(dist, f)) })),
  ];
  mkdirSync(out, { recursive: true });
  const zipPath = join(out, `kpi-progress-addin-${PACKAGE_VERSION}.zip`);
  writeFileSync(zipPath, zip(entries));
  return { zipPath, served, base, validated };
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  try {
    const r = packageAddin({ dist: arg('--dist'), out: arg('--out') });
    if (!r.validated) console.error('xmllint がないため manifest のスキーマ検証を省略しました / xmllint not found: manifest not schema-validated.');
    console.error(`${r.base.href}: ${r.served.length} files + manifest.xml (Version ${manifestVersion(PACKAGE_VERSION)}) + ${README_NAME}`);
    console.log(relative(process.cwd(), r.zipPath) || r.zipPath);
  } catch (e) {
    console.error(e instanceof DeployError ? e.message : e);
    process.exitCode = 1;
  }
}
