/** `kpi-progress fill <in.xlsx> -o <out.xlsx> [--fix] [--dry-run] [--sheet NAME]` */
import { planFill } from '../../core/plans/fill';
import { makeWriteCommand } from './write-common';

export const fillCommand = makeWriteCommand({
  name: 'fill',
  summary: 'cli.summary.fill',
  usage: 'kpi-progress fill <in.xlsx> -o <out.xlsx> [--fix] [--dry-run] [--sheet NAME] [--lang en]',
  booleans: ['fix'],
  plan: (input, args) => planFill(input, { fix: args.options.fix === true, surface: 'cli' }),
});
