/** Office theme → light/dark, from the body background colour Office reports ("#RRGGBB"). */
export type ThemeKind = 'light' | 'dark';

export function themeFromBackground(color: string | undefined | null): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!m) return 'light';
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  // Relative luminance (sRGB weights, no gamma: enough to tell dark from light).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
