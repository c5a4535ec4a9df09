/**
 * A TypeScript transform for the mutation runs only (jest.mutation.config.js): esbuild strips the
 * types of one file at a time, as ts-jest does with isolatedModules, in milliseconds instead of loading
 * the TypeScript compiler in each Stryker worker (each sandbox starts with a cold jest cache). esbuild
 * comes with tsx (a dev dependency). No jest.mock is used by the unit tests, so no hoisting is needed.
 */
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: filename,
      jsx: 'automatic',
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update('esbuild-1').update(filename).update('\0').update(source).digest('hex');
  },
};
