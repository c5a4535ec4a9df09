#!/usr/bin/env node
// Thin launcher: `npm run build` compiles the CLI to dist/node and bundles it into one file,
// dist/node/kpi-progress.js (esbuild: the CLI with exceljs, JSZip and the rest it requires), which
// starts in about half the CPU of requiring several hundred files from dist/node and node_modules.
require('../dist/node/kpi-progress.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
