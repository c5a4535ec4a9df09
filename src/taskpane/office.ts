/** Office glue shared by the task pane, ribbon and status dialog (no React, no Excel): language, theme, status. */
import type { Lang } from '../core/findings';
import { langFromDisplayLanguage } from './i18n';
import { themeFromBackground, type ThemeKind } from './theme';

/** Document setting where a ribbon command leaves its last status for the task pane to show. */
const statusKey = 'kpiProgress.lastCommandStatus';

export function officeLang(): Lang {
  try {
    return langFromDisplayLanguage(Office.context.displayLanguage);
  } catch {
    return 'ja';
  }
}

export function officeTheme(): ThemeKind {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return 'light';
  }
}

/** Saves a one-line status in the document (best effort: a status must never fail a command). */
export async function saveCommandStatus(text: string): Promise<void> {
  try {
    const settings = Office.context.document.settings;
    settings.set(statusKey, JSON.stringify({ text, at: new Date().toISOString() }));
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  } catch {
    // Settings are unavailable in some hosts; the dialog still shows the status.
  }
}

/** Reads and clears the status a ribbon command left; null when there is none. */
export async function takeCommandStatus(): Promise<string | null> {
  try {
    const settings = Office.context.document.settings;
    const raw = settings.get(statusKey) as string | null;
    if (!raw) return null;
    settings.remove(statusKey);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    const parsed = JSON.parse(raw) as { text?: string; at?: string };
    return parsed.text ? `${parsed.text}${parsed.at ? ` (${new Date(parsed.at).toLocaleString()})` : ''}` : null;
  } catch {
    return null;
  }
}
