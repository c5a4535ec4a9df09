/**
 * `npm run sample`: regenerates assets/sample/*.xlsx from data/ojiya-progress-table-r2.txt.
 * Output is deterministic in content (fixed dates and creator); the zip timestamps still change.
 */
import { mkdirSync } from 'fs';
import { SAMPLE_DIR, buildSamples } from './sample/build';
import { TableParseError } from './sample/parse-table';

async function run(): Promise<number> {
  const outDir = process.argv[2] ?? SAMPLE_DIR;
  mkdirSync(outDir, { recursive: true });
  try {
    for (const path of await buildSamples(outDir)) console.log(`wrote ${path}`);
    return 0;
  } catch (err) {
    if (err instanceof TableParseError) {
      console.error(`サンプルを作れません / cannot build the sample: data/ojiya-progress-table-r2.txt ${err.message}. Fix that line of the text.`);
      return 1;
    }
    throw err;
  }
}

run().then((code) => (process.exitCode = code));
