/** `kpi-progress flag|unflag <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME]` */
import { planFlag, planUnflag } from '../../core/plans/flag';
import { makeWriteCommand } from './write-common';

export const flagCommand = makeWriteCommand({
  name: 'flag',
  summary: { ja: '遅れているKPIの達成率セルに色と説明メモを付ける', en: 'mark KPIs behind with a fill and an explaining note' },
  usage: 'kpi-progress flag <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME] [--lang en]',
  plan: (input) => planFlag(input),
});

export const unflagCommand = makeWriteCommand({
  name: 'unflag',
  summary: { ja: 'flag で付けた色とメモを元に戻す', en: 'remove the marks flag made, restoring the original formats' },
  usage: 'kpi-progress unflag <in.xlsx> -o <out.xlsx> [--dry-run] [--lang en]',
  plan: (input) => planUnflag(input),
});
