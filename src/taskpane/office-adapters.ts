/** Excel-side implementations of the task pane's settings store and change source (engineer X's). */
import { ExcelHost } from '../excel/host';
import { WorkbookSettingsStore, officeDocumentSettings } from '../excel/settings';
import type { ChangeSource } from './live';
import type { AddinSettings, SettingsStore } from '../app';

export function excelSettingsStore(): SettingsStore {
  return new WorkbookSettingsStore<AddinSettings>(officeDocumentSettings());
}

/** Change events without the add-in's own writes (the host's write guard filters them). */
export function excelChangeSource(host: ExcelHost): ChangeSource {
  return host.changeSource();
}
