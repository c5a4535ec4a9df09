/** How the preview grid shows a cell value: close to Excel for the formats the sample uses. */
import type { CellValue } from '../core/snapshot';

export function displayValue(value: CellValue, numberFormat: string | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = numberFormat ?? 'General';
  const percent = /(0+)(?:\.(0+))?%/.exec(fmt);
  if (percent) return `${(value * 100).toFixed(percent[2]?.length ?? 0)}%`;
  const fixed = /0\.(0+)/.exec(fmt);
  const grouped = fmt.includes('#,##0');
  const decimals = fixed ? fixed[1].length : grouped ? 0 : null;
  if (decimals === null) return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e10) / 1e10);
  return grouped ? value.toLocaleString('ja-JP', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : value.toFixed(decimals);
}
