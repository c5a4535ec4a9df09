/**
 * Settings stored in the workbook, so every user of the file shares them. Office's document settings
 * (Settings 1.1) exist on every Excel that has ExcelApi 1.7, are saved inside the file with the
 * add-in's part, and need no hidden sheet that users could see, sort or break; one JSON value per key.
 *
 * One copy per runtime: get/set/remove work on the runtime's in-memory copy and saveAsync stores that
 * copy (persisting-add-in-state-and-settings). The task pane and the ribbon's function file are
 * separate runtimes, so a save from one would put back the other's keys as they were when it started.
 * Every read and every write therefore starts with refreshAsync (the document's current settings) and
 * changes one key only, right before the save.
 */
import { MessageError } from '../core/catalogue';

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
  /** Re-reads the settings stored in the document into this runtime's copy (Settings 1.1). */
  refreshAsync?(callback?: (result: { status: string }) => void): void;
}

/** This runtime's copy made current (best effort: a failed refresh keeps the copy as it is). */
export function refreshed(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve) => {
    if (!settings.refreshAsync) return resolve();
    try {
      settings.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

export const SETTINGS_KEY = 'kpiProgress.settings';

export function officeDocumentSettings(): DocumentSettings {
  return Office.context.document.settings as unknown as DocumentSettings;
}

/** load/save of one JSON object; matches the task pane's SettingsStore. */
export class WorkbookSettingsStore<T extends object> {
  constructor(
    private readonly settings: DocumentSettings,
    private readonly key = SETTINGS_KEY,
  ) {}

  async load(): Promise<Partial<T>> {
    await refreshed(this.settings);
    const raw = this.settings.get(this.key);
    if (typeof raw === 'string') {
      try {
        const parsed = JSON.parse(raw) as unknown;
        return parsed && typeof parsed === 'object' ? (parsed as Partial<T>) : {};
      } catch {
        return {};
      }
    }
    return raw && typeof raw === 'object' ? (raw as Partial<T>) : {};
  }

  async save(value: T): Promise<void> {
    await refreshed(this.settings);
    this.settings.set(this.key, JSON.stringify(value));
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) =>
        result.status === 'failed'
          ? reject(new MessageError('error.settings-not-saved', { detail: result.error?.message ?? '' }))
          : resolve(),
      ),
    );
  }
}

/** Where a ribbon command leaves its last status line for the task pane to show when it opens. */
export const COMMAND_STATUS_KEY = 'kpiProgress.lastCommandStatus';

function saveQuietly(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve) => settings.saveAsync(() => resolve()));
}

export async function saveCommandStatus(settings: DocumentSettings, text: string, at = new Date()): Promise<void> {
  await refreshed(settings);
  settings.set(COMMAND_STATUS_KEY, JSON.stringify({ text, at: at.toISOString() }));
  await saveQuietly(settings);
}

/** Reads and clears the status a ribbon command left; null when there is none or it is damaged. */
export async function takeCommandStatus(settings: DocumentSettings): Promise<{ text: string; at: Date | null } | null> {
  await refreshed(settings);
  const raw = settings.get(COMMAND_STATUS_KEY);
  if (typeof raw !== 'string' || !raw) return null;
  settings.remove(COMMAND_STATUS_KEY);
  await saveQuietly(settings);
  try {
    const parsed = JSON.parse(raw) as { text?: unknown; at?: unknown };
    if (typeof parsed.text !== 'string' || !parsed.text) return null;
    const at = typeof parsed.at === 'string' ? new Date(parsed.at) : null;
    return { text: parsed.text, at: at && !Number.isNaN(at.getTime()) ? at : null };
  } catch {
    return null;
  }
}
