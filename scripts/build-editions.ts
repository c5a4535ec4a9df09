/**
 * `npx tsx scripts/build-editions.ts [folder]`: writes the editions the comparison tests use (issue #15)
 * to a folder (default out/editions): the R1 edition (a year earlier), the R3 edition (a year later) and
 * the R3 edition with one change of every kind planted. Try: `kpi-progress diff <R2 sample> r3-planted.xlsx`.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { plantChanges, r1Edition, r3Edition } from '../test/support/editions';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join('out', 'editions');
  mkdirSync(dir, { recursive: true });
  await (await r1Edition()).xlsx.writeFile(join(dir, 'r1.xlsx'));
  await (await r3Edition()).xlsx.writeFile(join(dir, 'r3.xlsx'));
  const planted = await r3Edition();
  const plants = plantChanges(planted);
  await planted.xlsx.writeFile(join(dir, 'r3-planted.xlsx'));
  process.stdout.write(`${dir}: r1.xlsx, r3.xlsx, r3-planted.xlsx (${plants.length} planted changes)\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
