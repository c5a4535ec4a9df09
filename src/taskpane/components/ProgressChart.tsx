/** Median progress by basic goal as plain SVG bars (no chart library: keeps the bundle small). */
import { tokens } from '@fluentui/react-components';
import type { GoalProgress } from '../summary';

const rowHeight = 26;
const labelWidth = 92;
const barWidth = 180;
/** Bars are drawn up to 150 %, with a marker at 100 %. */
const scaleMax = 1.5;

export function ProgressChart({ goals, emptyText }: { goals: GoalProgress[]; emptyText: string }) {
  const measured = goals.filter((g) => g.median !== null);
  if (!measured.length) return <p>{emptyText}</p>;
  const height = goals.length * rowHeight + 8;
  const x100 = labelWidth + barWidth / scaleMax;
  return (
    <svg width={labelWidth + barWidth + 100} height={height} role="img" data-testid="progress-chart" style={{ maxWidth: '100%' }}>
      {goals.map((g, i) => {
        const y = i * rowHeight + 4;
        const value = g.median ?? 0;
        const w = Math.max(0, Math.min(value, scaleMax)) * (barWidth / scaleMax);
        const colour = value >= 1 ? tokens.colorPaletteGreenBackground3 : value >= 0.5 ? tokens.colorBrandBackground : tokens.colorPaletteMarigoldBackground3;
        return (
          <g key={g.goal}>
            <text x={0} y={y + 15} fontSize={12} fill={tokens.colorNeutralForeground1}>
              {g.goal}
            </text>
            <rect x={labelWidth} y={y + 3} width={barWidth} height={16} fill={tokens.colorNeutralBackground3} rx={2} />
            {g.median !== null && <rect x={labelWidth} y={y + 3} width={w} height={16} fill={colour} rx={2} />}
            <text x={labelWidth + barWidth + 6} y={y + 15} fontSize={12} fill={tokens.colorNeutralForeground2}>
              {g.median === null ? '—' : `${(g.median * 100).toFixed(1)}%`} (n={g.measured})
            </text>
          </g>
        );
      })}
      <line x1={x100} x2={x100} y1={0} y2={height} stroke={tokens.colorNeutralStroke1} strokeDasharray="3 2" />
    </svg>
  );
}
