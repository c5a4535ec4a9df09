/** `kpi-progress add-year <in.xlsx> -o <out.xlsx> [--year R7] [--force] [--dry-run] [--sheet NAME]` */
import { emptyNewestYears, planAddYear } from '../../core/plans/add-year';
import { parseYearLabel } from '../../core/years';
import { MessageError, t } from '../../core/catalogue';
import { UsageError } from '../io';
import { makeWriteCommand } from './write-common';

/** "--year R7" / "2025" / "令和7年度" → 2025. */
function yearOption(v: string | true | undefined): number | undefined {
  if (typeof v !== 'string') return undefined;
  const y = parseYearLabel(v)?.year;
  if (y === undefined) throw new MessageError('cli.year.add-year', { value: v });
  return y;
}

export const addYearCommand = makeWriteCommand({
  name: 'add-year',
  summary: 'cli.summary.add-year',
  usage: 'kpi-progress add-year <in.xlsx> -o <out.xlsx> [--year R7] [--force] [--dry-run] [--sheet NAME] [--lang en]',
  valued: ['year'],
  booleans: ['force'],
  plan: (input, args) => {
    const year = yearOption(args.options.year);
    const force = args.options.force === true;
    // a second empty year only when asked for by name or with --force (the pane asks, the ribbon refuses)
    const empty = year === undefined && !force ? emptyNewestYears(input) : [];
    if (empty.length) throw new UsageError(t(input.lang, 'plan.add-year.ask-cli', { names: empty }));
    return planAddYear(input, { year, confirmed: force });
  },
});
