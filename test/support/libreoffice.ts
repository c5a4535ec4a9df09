/**
 * LibreOffice as an independent spreadsheet engine for tests (see ../shared/TOOLCHAIN.md): converts
 * several files per soffice call, one fresh profile per call, optionally recalculating every formula
 * (cached results included) on load.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** Target filter: "xlsx" (default) or e.g. 'csv:Text - txt - csv (StarCalc):44,34,76'. */
  to?: string;
  /** Recalculate all formulas on load, also those with cached results. */
  recalc?: boolean;
}

/** Converts files into outDir; returns the output paths in input order. Throws with soffice's output on failure. */
export function convertWithLibreOffice(files: string[], outDir: string, options: ConvertOptions = {}): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-lo-w-'));
  try {
    if (options.recalc) {
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    }
    mkdirSync(outDir, { recursive: true });
    const to = options.to ?? 'xlsx';
    const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 180000 });
    if (r.error) throw new Error(`soffice is missing (apt-get install libreoffice-calc-nogui): ${r.error.message}`);
    const ext = to.split(':')[0];
    const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
    const missing = outputs.filter((o) => !existsSync(o));
    if (missing.length) throw new Error(`LibreOffice did not convert ${missing.join(', ')}:\n${r.stdout}\n${r.stderr}`);
    if (/error/i.test(r.stderr ?? '')) throw new Error(`LibreOffice reported: ${r.stderr}`);
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
