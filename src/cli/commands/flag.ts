/** `kpi-progress flag|unflag <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME]` */
import { planFlag, planUnflag } from '../../core/plans/flag';
import { makeWriteCommand } from './write-common';

export const flagCommand = makeWriteCommand({
  name: 'flag',
  summary: 'cli.summary.flag',
  usage: 'kpi-progress flag <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME] [--lang en]',
  plan: (input) => planFlag(input),
});

export const unflagCommand = makeWriteCommand({
  name: 'unflag',
  summary: 'cli.summary.unflag',
  usage: 'kpi-progress unflag <in.xlsx> -o <out.xlsx> [--dry-run] [--lang en]',
  plan: (input) => planUnflag(input),
});
