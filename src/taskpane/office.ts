/** Office glue shared by the task pane, ribbon and status dialog (no React): language, theme, and the ribbon's status line (stored by src/excel/settings). */
import type { Lang } from '../core/findings';
import { langFromDisplayLanguage } from './lang';
import { themeFromBackground, type ThemeKind } from './theme';
import { officeDocumentSettings, saveCommandStatus as saveStatus, takeCommandStatus as takeStatus } from '../excel/settings';

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
    await saveStatus(officeDocumentSettings(), text);
  } catch {
    // Settings are unavailable in some hosts; the dialog still shows the status.
  }
}

/** Reads and clears the status a ribbon command left, with its time; null when there is none. */
export async function takeCommandStatus(): Promise<string | null> {
  try {
    const status = await takeStatus(officeDocumentSettings());
    return status ? `${status.text}${status.at ? ` (${status.at.toLocaleString()})` : ''}` : null;
  } catch {
    return null;
  }
}
