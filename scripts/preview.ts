/**
 * npm run preview: serves dist/ (building it first when missing) and prints the preview address.
 * Usage: npm run preview [-- --port 3001] [-- --rebuild]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDir } from './static-server';

const root = resolve(__dirname, '..');
const dist = resolve(root, 'dist');

async function main(argv: string[]): Promise<number> {
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 3001;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`ポート番号が正しくありません: ${argv[portArg + 1]} / invalid port. 例 / e.g.: npm run preview -- --port 3001`);
    return 2;
  }
  if (argv.includes('--rebuild') || !existsSync(resolve(dist, 'preview.html'))) {
    console.log('dist/ をビルドしています… / building dist/ …');
    const built = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('ビルドに失敗しました。上のエラーを確認してください / the build failed, see above.');
      return 1;
    }
  }
  try {
    const server = await serveDir(dist, port);
    console.log(`プレビュー / preview: ${server.url}/preview.html  (Ctrl+C で終了 / to stop)`);
    return await new Promise<number>(() => undefined);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `ポート ${port} は使用中です。別のポートを指定してください: npm run preview -- --port ${port + 1} / port in use`
        : `プレビューを起動できませんでした / could not start: ${(e as Error).message}`,
    );
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
