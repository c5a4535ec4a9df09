/**
 * KPIs of each basic goal by status as stacked SVG bars (no chart library: keeps the bundle small),
 * the share achieved/on track beside it and the median 進捗率 in its tooltip. Status shares stay readable in bad years, when most progress
 * figures are negative and a median bar alone would show nothing.
 */
import { tokens } from '@fluentui/react-components';
import { t } from '../../core/catalogue';
import type { Lang } from '../../core/findings';
import { statusLabel } from '../status';
import { statusOrder, type GoalProgress, type Status } from '../summary';

const rowHeight = 26;
const labelWidth = 84;
const barWidth = 160;
const legendItem = 92;
const legendPerRow = 3;

const statusFill: Record<Status, string> = {
  achieved: tokens.colorPaletteGreenBackground3,
  'on-track': tokens.colorBrandBackground,
  'behind': tokens.colorPaletteMarigoldBackground3,
  'no-data': tokens.colorNeutralBackground5,
  qualitative: tokens.colorPaletteLavenderBackground2,
};

export function ProgressChart({ goals, emptyText, lang }: { goals: GoalProgress[]; emptyText: string; lang: Lang }) {
  if (!goals.length) return <p>{emptyText}</p>;
  const legendY = goals.length * rowHeight + 8;
  const height = legendY + Math.ceil(statusOrder.length / legendPerRow) * 18 + 4;
  // What the bars show, in words, for screen readers (the coloured segments alone say nothing).
  const label = goals
    .map((g) => `${g.goal}: ${statusOrder.filter((s) => g.byStatus[s] > 0).map((s) => `${statusLabel(s, lang)} ${g.byStatus[s]}`).join(t(lang, 'list.separator'))}`)
    .join(t(lang, 'chart.goal-separator'));
  return (
    <svg width={labelWidth + barWidth + 56} height={height} role="img" aria-label={label} data-testid="progress-chart" style={{ maxWidth: '100%' }}>
      {goals.map((g, i) => {
        const y = i * rowHeight + 4;
        let x = labelWidth;
        const good = g.byStatus.achieved + g.byStatus['on-track'];
        const median = g.median === null ? '—' : `${(g.median * 100).toFixed(1)}%`;
        return (
          <g key={g.goal} data-testid="goal-bar">
            <text x={0} y={y + 15} fontSize={12} fill={tokens.colorNeutralForeground1}>
              {g.goal}
            </text>
            <rect x={labelWidth} y={y + 3} width={barWidth} height={16} fill={tokens.colorNeutralBackground3} rx={2} />
            {statusOrder.map((s) => {
              const w = g.kpis ? (g.byStatus[s] / g.kpis) * barWidth : 0;
              const rect = w > 0 ? <rect key={s} x={x} y={y + 3} width={w} height={16} fill={statusFill[s]}><title>{`${statusLabel(s, lang)} ${g.byStatus[s]}`}</title></rect> : null;
              x += w;
              return rect;
            })}
            <text x={labelWidth + barWidth + 6} y={y + 15} fontSize={12} fill={tokens.colorNeutralForeground2}>
              <title>{t(lang, 'chart.goal-title', { good, kpis: g.kpis, median: String(median) })}</title>
              {good}/{g.kpis}
            </text>
          </g>
        );
      })}
      {statusOrder.map((s, i) => (
        <g key={s}>
          <rect x={(i % legendPerRow) * legendItem} y={legendY + 4 + Math.floor(i / legendPerRow) * 18} width={10} height={10} fill={statusFill[s]} />
          <text x={(i % legendPerRow) * legendItem + 14} y={legendY + 13 + Math.floor(i / legendPerRow) * 18} fontSize={11} fill={tokens.colorNeutralForeground2}>
            {statusLabel(s, lang)}
          </text>
        </g>
      ))}
    </svg>
  );
}
