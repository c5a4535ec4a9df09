/**
 * Web build: task pane, ribbon commands, status dialog and the browser preview, into dist/.
 * ts-loader only transpiles (tsc --noEmit typechecks). Source maps are separate files: no eval,
 * so the Content-Security-Policy needs no 'unsafe-eval'.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** Only the add-in's own origin and the Office.js CDN; styles inline because Fluent UI injects them. */
function csp({ office }) {
  const cdn = office ? ` ${OFFICE_CDN}` : '';
  return [
    `default-src 'self'${cdn}`,
    `script-src 'self'${cdn}`,
    `style-src 'self' 'unsafe-inline'${cdn}`,
    `img-src 'self' data:${cdn}`,
    `font-src 'self' data:`,
    `connect-src 'self'${cdn}`,
    `frame-src 'self'${cdn}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
  ].join('; ');
}

/**
 * https for sideloading: the certificates of `npm run dev-certs` (office-addin-dev-certs install) when present (Office
 * trusts them), otherwise webpack-dev-server's own self-signed one (fine for a browser, not for Office).
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return 'https';
  const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  return { type: 'https', options };
}

function page(name, { chunks, title, office, template, noOfficeNotice = false }) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: template ?? path.resolve(__dirname, 'src/taskpane/taskpane.html'),
    chunks,
    title,
    templateParameters: { csp: csp({ office }), officeJs: office ? OFFICE_JS : '', title, noOfficeNotice },
    inject: 'body',
    scriptLoading: 'defer',
  });
}

/**
 * Writes dist/pages.json: every file each page needs at run time (its entry's chunks and their async
 * chunks, no source maps), so scripts/package.ts zips exactly what must be served.
 */
class PagesManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PagesManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PagesManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const pages = {};
        for (const [name, entry] of compilation.entrypoints) {
          const files = new Set();
          const seen = new Set();
          const visit = (group) => {
            if (seen.has(group)) return;
            seen.add(group);
            for (const chunk of group.chunks) for (const f of [...chunk.files, ...chunk.auxiliaryFiles]) if (!f.endsWith('.map')) files.add(f);
            for (const child of group.childrenIterable) visit(child);
          };
          visit(entry);
          pages[`${name}.html`] = [...files].sort();
        }
        compilation.emitAsset('pages.json', new compiler.webpack.sources.RawSource(JSON.stringify(pages, null, 2) + '\n'));
      });
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    // Modern browsers only (Edge WebView2, current Office on the web): globalThis, no Function() shim.
    target: ['web', 'es2022'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      status: './src/commands/status.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: { keep: /^node\// },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs (preview only) expects Node built-ins it never uses in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, buffer: false, events: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.json'), compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // src/xlsx/exceljs-workbook.ts loads exceljs's Node files; the browser takes its browser build
      new webpack.NormalModuleReplacementPlugin(/[\\/]exceljs-workbook$/, path.resolve(__dirname, 'src/xlsx/exceljs-workbook.web.ts')),
      page('taskpane', { chunks: ['taskpane'], title: 'KPI進捗アシスタント', office: true, noOfficeNotice: true }),
      page('commands', { chunks: ['commands'], title: 'KPI進捗アシスタント commands', office: true }),
      page('status', { chunks: ['status'], title: 'KPI進捗アシスタント', office: true }),
      page('preview', { chunks: ['preview'], title: 'KPI進捗アシスタント — プレビュー', office: false }),
      new PagesManifestPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.gitkeep'] }, noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
      hot: false,
      liveReload: true,
    },
  };
};
