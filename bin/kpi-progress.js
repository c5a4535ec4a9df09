#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/node by `npm run build`.
require('../dist/node/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
