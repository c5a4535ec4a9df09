/** Add-in settings as the task pane edits them; stored in the workbook by the host's SettingsStore. */
import type { Lang } from '../core/findings';
import type { GradingMethod } from '../core/status';

export interface AddinSettings {
  /** Lowest achievement rate (percent) for grades A, B and C; below C is D. */
  gradeBands: { A: number; B: number; C: number };
  /** How grades are given; 'auto' follows the workbook (printed legend, KPI定義), else the 達成率. */
  grading: 'auto' | GradingMethod;
  /** Rate method for KPIs whose KPI定義 row does not set one; 'auto' infers it (ratio, gap for decreases). */
  rateMethod: 'auto' | 'ratio' | 'gap';
  /** Where the management sheets (進行管理シート) are: '' for this workbook, else a file name. */
  managementWorkbook: string;
  /** UI language; null follows Office's display language. */
  lang: Lang | null;
}

export const defaultSettings: AddinSettings = {
  gradeBands: { A: 100, B: 80, C: 50 },
  grading: 'auto',
  rateMethod: 'auto',
  managementWorkbook: '',
  lang: null,
};

export interface SettingsStore {
  load(): Promise<Partial<AddinSettings>>;
  save(settings: AddinSettings): Promise<void>;
}

/** Settings merged over the defaults, ignoring malformed stored values rather than failing. */
export function normaliseSettings(stored: Partial<AddinSettings> | null | undefined): AddinSettings {
  const s = stored ?? {};
  const bands = s.gradeBands;
  const validBands =
    bands && [bands.A, bands.B, bands.C].every((n) => typeof n === 'number' && Number.isFinite(n)) && bands.A >= bands.B && bands.B >= bands.C;
  return {
    gradeBands: validBands ? { A: bands.A, B: bands.B, C: bands.C } : defaultSettings.gradeBands,
    grading: s.grading === 'rate' || s.grading === 'path' ? s.grading : 'auto',
    rateMethod: s.rateMethod === 'gap' || s.rateMethod === 'ratio' ? s.rateMethod : 'auto',
    managementWorkbook: typeof s.managementWorkbook === 'string' ? s.managementWorkbook.trim() : '',
    lang: s.lang === 'en' || s.lang === 'ja' ? s.lang : null,
  };
}

/** In-memory store for the browser preview and tests. */
export function memorySettingsStore(initial: Partial<AddinSettings> = {}): SettingsStore {
  let current: Partial<AddinSettings> = { ...initial };
  return {
    load: async () => current,
    save: async (settings) => {
      current = { ...settings };
    },
  };
}
