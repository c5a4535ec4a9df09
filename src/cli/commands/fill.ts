/** `kpi-progress fill <in.xlsx> -o <out.xlsx> [--fix] [--dry-run] [--sheet NAME]` */
import { planFill } from '../../core/plans/fill';
import { makeWriteCommand } from './write-common';

export const fillCommand = makeWriteCommand({
  name: 'fill',
  summary: { ja: '達成率を記入する（空欄と自分で書いたセル。--fix で誤りも訂正）', en: 'write achievement rates (empty cells and its own; --fix corrects wrong ones)' },
  usage: 'kpi-progress fill <in.xlsx> -o <out.xlsx> [--fix] [--dry-run] [--sheet NAME] [--lang en]',
  booleans: ['fix'],
  plan: (input, args) => planFill(input, { fix: args.options.fix === true, surface: 'cli' }),
});
