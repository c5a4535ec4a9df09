/**
 * `kpi-progress split <master.xlsx> -o <folder> [--year R3] [--next] [--due 2026-06-30] [--contact TEXT]
 * [--password TEXT]`: one copy of the whole workbook per 担当課, `<stem>_<担当課>.xlsx`, protected, with
 * only that department's cells of the round open (issue #17).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileStem, roundCopies } from '../../app/round';
import { eraYearLabel } from '../../core/definitions';
import { parseYearLabel } from '../../core/years';
import { writeRoundCopy } from '../../xlsx/round-copy';
import { openXlsxHostFile } from '../../xlsx/node';
import { parseOptions, t, UsageError, type CliCommand, type CliContext } from '../io';
import { loadForCheck } from './check';
import { writeFileAtomic } from './write-common';

/** `--year R3` / 2021 / 令和3年度 → 2021. */
export function yearOption(v: string | true | undefined, ctx: CliContext): number | undefined {
  if (v === undefined) return undefined;
  const y = typeof v === 'string' ? parseYearLabel(v)?.year : undefined;
  if (!y) throw new UsageError(t(ctx, `--year は R3、2021、令和3年度 のように年度を書いてください（${String(v)}）。`, `--year takes a fiscal year such as R3, 2021 or 令和3年度 (got ${String(v)}).`));
  return y;
}

export const splitCommand: CliCommand = {
  name: 'split',
  summary: { ja: '担当課ごとに記入用のコピーを作る（自課のセルだけ入力可、シート保護）', en: 'write one copy per department with only its cells of the round open' },
  usage: 'kpi-progress split <master.xlsx> -o <folder> [--year R3] [--next] [--due 2026-06-30] [--contact TEXT] [--password TEXT] [--lang en]',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { positional, options } = parseOptions(argv.map((a) => (a === '-o' ? '--output' : a)), ['next'], ['output', 'year', 'due', 'contact', 'password']);
    if (positional.length !== 1 || typeof options.output !== 'string') throw new UsageError(t(ctx, `マスターの .xlsx と出力フォルダー -o を指定してください。\n使い方: ${this.usage}`, `give the master .xlsx and the output folder -o.\nusage: ${this.usage}`));
    const master = positional[0];
    const folder = options.output;
    if (typeof options.due === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(options.due)) throw new UsageError(t(ctx, `--due は 2026-06-30 のように書いてください（${options.due}）。`, `--due takes a date such as 2026-06-30 (got ${options.due}).`));
    const bytes = new Uint8Array(await fs.readFile(master).catch(() => new Uint8Array()));
    const { model } = await loadForCheck(await openXlsxHostFile(master), ctx.lang);
    if (!model.sheets.length) {
      ctx.err(t(ctx, `${master} に進捗状況一覧表（KPI表）が見つかりません。`, `No progress table (KPI table) found in ${master}.`));
      return 2;
    }
    const stem = fileStem(master);
    const { round, copies } = roundCopies(bytes, model, stem, writeRoundCopy, {
      year: yearOption(options.year, ctx), nextYear: options.next === true, lang: ctx.lang,
      due: typeof options.due === 'string' ? options.due : null, contact: typeof options.contact === 'string' ? options.contact : null,
      password: typeof options.password === 'string' ? options.password : undefined,
    });
    if (!Number.isFinite(round.year) || !round.departments.length) {
      ctx.err(t(ctx, `${master} に年度の列または担当課がありません。担当課の列に課名を書いてから分けてください。`, `${master} has no year columns or no departments; fill in the 担当課 column first.`));
      return 2;
    }
    await fs.mkdir(folder, { recursive: true });
    ctx.out(t(ctx, `${eraYearLabel(round.year)}（${round.year}年度）の実績値を ${round.departments.length} 課に配布します:`, `Collecting FY${round.year} (${eraYearLabel(round.year)}) actuals from ${round.departments.length} departments:`));
    for (const copy of copies) {
      const file = path.join(folder, copy.file);
      await writeFileAtomic(file, await copy.bytes());
      ctx.out(t(ctx, `  ${file}: KPI ${copy.share.kpis.length} 件、入力できるセル ${copy.share.cells.length} 個`, `  ${file}: ${copy.share.kpis.length} KPIs, ${copy.share.cells.length} open cells`));
    }
    return 0;
  },
};
