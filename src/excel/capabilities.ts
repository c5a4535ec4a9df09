/** What this Excel can do, from the API sets it reports; everything above ExcelApi 1.7 is optional. */
import { unavailableFeatureIds } from '../core/capabilities';
import { t } from '../core/catalogue';
import type { HostCapabilities } from '../core/host';
import type { ExcelEnv } from './env';

export interface ExcelFeatures extends HostCapabilities {
  /** Range.copyFrom (1.9): copy formats from another column on insert. */
  copyFrom: boolean;
  /** getSpecialCells / RangeAreas (1.9). */
  rangeAreas: boolean;
  /** Worksheet.autoFilter (1.9): add-year widens the filter (src/excel/widen.ts). */
  filterRanges: boolean;
  /** ConditionalFormat.getRanges (1.9) and setRanges (1.17): add-year widens formats. */
  formatRanges: boolean;
  /** Range.dataValidation (1.8): add-year gives the new year column the previous one's input rule. */
  validationRules: boolean;
}

export function detectFeatures(env: ExcelEnv): ExcelFeatures {
  const has = (v: string) => env.isSetSupported('ExcelApi', v);
  const base = has('1.7');
  return {
    hyperlinks: base,
    changeEvents: base,
    copyFrom: has('1.9'),
    rangeAreas: has('1.9'),
    merges: has('1.13'),
    notes: has('1.18'),
    undoGroup: has('1.20'),
    printLayout: has('1.9'),
    filterRanges: has('1.9'),
    formatRanges: has('1.17'),
    widenFilters: has('1.9'),
    widenFormats: has('1.17'),
    validationRules: has('1.8'),
    widenValidations: has('1.8'),
  };
}

/** Japanese / English sentences for the UI: what is unavailable in this Excel and why (texts in src/core/catalogue/host.ts). */
export function unavailableFeatures(f: HostCapabilities): { ja: string; en: string }[] {
  return unavailableFeatureIds(f).map((id) => ({ ja: t('ja', id), en: t('en', id) }));
}
