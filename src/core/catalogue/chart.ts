/** Texts of the 概要 chart: the tooltip of a goal's bar and its text alternative for screen readers. */
import { msg } from './entry';

export const CHART_MESSAGES = {
  // Between the items of a list: a goal's status counts, table names, counts by severity.
  'list.separator': msg(() => '、', () => ', '),
  // Between the goals of the chart's text alternative.
  'chart.goal-separator': msg(() => '。', () => '; '),
  'chart.goal-title': msg(
    (p: { good: number; kpis: number; median: string }) => `達成・順調 ${p.good} / ${p.kpis} 件、進捗率の中央値 ${p.median}`,
    (p) => `achieved or on track ${p.good} of ${p.kpis}; median progress rate ${p.median}`,
  ),
};
