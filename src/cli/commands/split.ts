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
import { openReadOnlyHostFile } from '../../xlsx/node';
import { t } from '../../core/catalogue';
import { parseOptions, UsageError, type CliCommand, type CliContext } from '../io';
import { loadForCheck } from './check';
import { writeFileAtomic } from './write-common';

/** `--year R3` / 2021 / 令和3年度 → 2021. */
export function yearOption(v: string | true | undefined, ctx: CliContext): number | undefined {
  if (v === undefined) return undefined;
  const y = typeof v === 'string' ? parseYearLabel(v)?.year : undefined;
  if (!y) throw new UsageError(t(ctx.lang, 'cli.year.round', { value: String(v) }));
  return y;
}

export const splitCommand: CliCommand = {
  name: 'split',
  summary: 'cli.summary.split',
  usage: 'kpi-progress split <master.xlsx> -o <folder> [--year R3] [--next] [--due 2026-06-30] [--contact TEXT] [--password TEXT] [--lang en]',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { positional, options } = parseOptions(argv.map((a) => (a === '-o' ? '--output' : a)), ['next'], ['output', 'year', 'due', 'contact', 'password']);
    if (positional.length !== 1 || typeof options.output !== 'string') throw new UsageError(t(ctx.lang, 'cli.split.arguments', { usage: this.usage }));
    const master = positional[0];
    const folder = options.output;
    if (typeof options.due === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(options.due)) throw new UsageError(t(ctx.lang, 'cli.split.due', { value: options.due }));
    const bytes = new Uint8Array(await fs.readFile(master).catch(() => new Uint8Array()));
    const { model } = await loadForCheck(await openReadOnlyHostFile(master), ctx.lang);
    if (!model.sheets.length) {
      ctx.err(t(ctx.lang, 'cli.no-table', { file: master }));
      return 2;
    }
    const stem = fileStem(master);
    const { round, copies } = roundCopies(bytes, model, stem, writeRoundCopy, {
      year: yearOption(options.year, ctx), nextYear: options.next === true, lang: ctx.lang,
      due: typeof options.due === 'string' ? options.due : null, contact: typeof options.contact === 'string' ? options.contact : null,
      password: typeof options.password === 'string' ? options.password : undefined,
    });
    if (!Number.isFinite(round.year) || !round.departments.length) {
      ctx.err(t(ctx.lang, 'cli.split.no-departments', { file: master }));
      return 2;
    }
    await fs.mkdir(folder, { recursive: true });
    ctx.out(t(ctx.lang, 'cli.split.collecting', { era: eraYearLabel(round.year), year: round.year, n: round.departments.length }));
    for (const copy of copies) {
      const file = path.join(folder, copy.file);
      await writeFileAtomic(file, await copy.bytes());
      ctx.out(t(ctx.lang, 'cli.split.copy', { file, kpis: copy.share.kpis.length, cells: copy.share.cells.length }));
    }
    return 0;
  },
};
