/** `kpi-progress add-year <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME]` */
import { planAddYear } from '../../core/plans/add-year';
import { makeWriteCommand } from './write-common';

export const addYearCommand = makeWriteCommand({
  name: 'add-year',
  summary: { ja: '次の年度の列を各KPI表に追加する（R6 → R7）', en: 'add the next fiscal-year column to every KPI table (R6 → R7)' },
  usage: 'kpi-progress add-year <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME] [--lang en]',
  plan: (input) => planAddYear(input),
});
