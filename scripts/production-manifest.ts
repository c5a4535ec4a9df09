/**
 * The production manifest: manifest.xml with every development URL (https://localhost:<port>/…) moved
 * to the office's own origin and path, <Version> from package.json, a new <Id> only when asked.
 * `npm run build` runs this after webpack: with ADDIN_ORIGIN set it writes dist/manifest.xml for that
 * origin; without it dist/ keeps the development copy. The development manifest.xml is never changed.
 *
 *   ADDIN_ORIGIN=https://kpi.example.lg.jp/addin/ [ADDIN_ID=new|<GUID>] npx tsx scripts/production-manifest.ts [dist]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; config?: { dev_server_port?: number } };

/** The development origin of manifest.xml, from `config.dev_server_port` (as office-addin-debugging reads it). */
export const DEV_ORIGIN = `https://localhost:${pkg.config?.dev_server_port ?? 3000}/`;
export const PACKAGE_VERSION = pkg.version;

export class DeployError extends Error {}

/**
 * The origin and path the add-in is served from, ending in '/'. Office loads add-ins only over HTTPS
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/requirements-for-running-office-add-ins).
 */
export function addinBase(raw: string | undefined): URL {
  if (!raw?.trim()) {
    throw new DeployError(
      'ADDIN_ORIGIN がありません。配布先の URL を指定してください（例: ADDIN_ORIGIN=https://kpi.example.lg.jp/addin/ npm run package）。\n' +
        'ADDIN_ORIGIN is missing: give the URL the add-in is served from, e.g. ADDIN_ORIGIN=https://kpi.example.lg.jp/addin/ npm run package.',
    );
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DeployError(`ADDIN_ORIGIN「${raw}」は URL ではありません。https://サーバー名/フォルダー/ の形で指定してください。\nADDIN_ORIGIN "${raw}" is not a URL: use https://server/folder/.`);
  }
  if (url.protocol !== 'https:') {
    throw new DeployError(`ADDIN_ORIGIN「${raw}」は https ではありません。Office は https のアドインしか読み込みません。\nADDIN_ORIGIN "${raw}" is not https: Office loads add-ins only over HTTPS.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new DeployError(`ADDIN_ORIGIN「${raw}」に ? # やユーザー名を含めないでください。\nADDIN_ORIGIN "${raw}" must not contain a query, fragment or user name.`);
  }
  if (url.hostname === 'localhost') {
    throw new DeployError(`ADDIN_ORIGIN「${raw}」は開発用の localhost です。利用者のパソコンから届くサーバー名を指定してください。\nADDIN_ORIGIN "${raw}" is localhost: give the server name users' PCs reach.`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** package.json's version as the manifest's four-part <Version> (schema: up to four numbers of 1–5 digits). */
export function manifestVersion(version: string): string {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(version);
  if (!m || m.slice(1).some((n) => Number(n) > 65535)) {
    throw new DeployError(`package.json の version「${version}」は manifest の Version（数字 3 つ）にできません。\npackage.json version "${version}" cannot become a manifest Version (three numbers).`);
  }
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The <Id> to write: the manifest's own unless ADDIN_ID says `new` (a fresh GUID) or gives one. */
export function manifestId(current: string, asked: string | undefined): string {
  if (!asked) return current;
  if (asked === 'new') return randomUUID();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(asked)) return asked.toLowerCase();
  throw new DeployError(`ADDIN_ID「${asked}」は GUID でも new でもありません。\nADDIN_ID "${asked}" is neither a GUID nor "new".`);
}

export interface ProductionOptions {
  base: URL;
  version: string;
  id?: string;
}

export function productionManifest(xml: string, { base, version, id }: ProductionOptions): string {
  const currentId = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  if (!currentId || !/<Version>[^<]+<\/Version>/.test(xml)) throw new DeployError('manifest.xml has no <Id> or <Version>.');
  const devOrigin = DEV_ORIGIN.slice(0, -1);
  let out = xml
    // AppDomains name origins, without a path
    .replaceAll(`<AppDomain>${devOrigin}</AppDomain>`, `<AppDomain>${base.origin}</AppDomain>`)
    .replaceAll(DEV_ORIGIN, base.href)
    .replace(/<Version>[^<]+<\/Version>/, `<Version>${manifestVersion(version)}</Version>`)
    .replace(/<Id>[^<]+<\/Id>/, `<Id>${manifestId(currentId, id)}</Id>`);
  out = out.replace('<OfficeApp ', '<!-- Production copy: generated from manifest.xml by scripts/production-manifest.ts (ADDIN_ORIGIN). -->\n<OfficeApp ');
  const left = /localhost|127\.0\.0\.1/.exec(out);
  if (left) throw new DeployError(`manifest.xml still names ${left[0]} after moving ${DEV_ORIGIN} to ${base.href}: write it as ${DEV_ORIGIN}….`);
  return out;
}

/** Every URL the manifest names (attribute values and element text; not the xmlns namespace names), in order, without repeats. */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const urls = [...body.matchAll(/(?:\s([\w:]+)="|>)(https?:\/\/[^"<\s]+)(?:"|<)/g)].filter((m) => !m[1]?.startsWith('xmlns')).map((m) => m[2]);
  return [...new Set(urls)];
}

/** The files below `base` that the manifest's URLs name (paths relative to base); throws on a URL elsewhere. */
export function manifestFiles(xml: string, base: URL): string[] {
  const files = new Set<string>();
  for (const url of manifestUrls(xml)) {
    if (url === base.origin) continue; // an AppDomain
    if (!url.startsWith(base.href)) throw new DeployError(`manifest URL ${url} is not below ${base.href}.`);
    files.add(decodeURIComponent(new URL(url).pathname.slice(base.pathname.length)));
  }
  return [...files];
}

/** The manifest's resource files missing from `dist`. */
export function missingFiles(xml: string, base: URL, dist: string): string[] {
  return manifestFiles(xml, base).filter((f) => !existsSync(join(dist, f)) || !statSync(join(dist, f)).isFile());
}

/** Writes `<dist>/manifest.xml` for ADDIN_ORIGIN; returns its text, or null when ADDIN_ORIGIN is unset. */
export function writeProductionManifest(dist: string, env: NodeJS.ProcessEnv = process.env): { xml: string; base: URL } | null {
  if (!env.ADDIN_ORIGIN) return null;
  const base = addinBase(env.ADDIN_ORIGIN);
  const xml = productionManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), { base, version: PACKAGE_VERSION, id: env.ADDIN_ID });
  const missing = missingFiles(xml, base, dist);
  if (missing.length) throw new DeployError(`${dist} に manifest の参照するファイルがありません / files the manifest names are missing from ${dist}: ${missing.join(', ')} (npm run build:web)`);
  writeFileSync(join(dist, 'manifest.xml'), xml);
  return { xml, base };
}

if (require.main === module) {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  try {
    const written = writeProductionManifest(dist);
    if (!written) {
      console.log(`ADDIN_ORIGIN なし: ${dist}/manifest.xml は開発用 (${DEV_ORIGIN}) のままです / no ADDIN_ORIGIN: development manifest kept.`);
    } else {
      const id = /<Id>([^<]+)<\/Id>/.exec(written.xml)![1];
      console.log(`${join(dist, 'manifest.xml')}: ${written.base.href} (Id ${id}, Version ${manifestVersion(PACKAGE_VERSION)})`);
      if (process.env.ADDIN_ID === 'new') console.log(`新しい Id です。次の版からは ADDIN_ID=${id} を指定してください / a new Id: build later versions with ADDIN_ID=${id}.`);
    }
  } catch (e) {
    console.error(e instanceof DeployError ? e.message : e);
    process.exitCode = 1;
  }
}
