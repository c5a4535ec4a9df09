/**
 * Ribbon commands (ExecuteFunction): チェック (runCheck) and 年度列を追加 (addYearColumn).
 * They run without the task pane, with the settings stored in the workbook, report through a small
 * status dialog and a status the pane shows next time it opens, and always call event.completed().
 */
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import { ExcelHost } from '../excel/host';
import { excelSettingsStore } from '../taskpane/office-adapters';
import { officeLang, saveCommandStatus } from '../taskpane/office';
import { normaliseSettings, type AddinSettings } from '../app';
import { addNextYear, checkWorkbook, completeAlways } from './ribbon-actions';
import { showStatus } from './show-status';

const reporter = (lang: Lang) => async (text: string, ok: boolean): Promise<void> => {
  await saveCommandStatus(text);
  await showStatus(text, ok, lang);
};

async function storedSettings(): Promise<AddinSettings> {
  try {
    return normaliseSettings(await excelSettingsStore().load());
  } catch {
    return normaliseSettings(null);
  }
}

type Work = (host: ProgressHost, lang: Lang, settings: AddinSettings) => Promise<string>;

async function runRibbon(event: Office.AddinCommands.Event, work: Work): Promise<void> {
  const settings = await storedSettings();
  const lang = settings.lang ?? officeLang();
  await completeAlways(event, lang, () => work(new ExcelHost(), lang, settings), reporter(lang));
}

export const runCheck = (event: Office.AddinCommands.Event) => runRibbon(event, checkWorkbook);
export const addYearColumn = (event: Office.AddinCommands.Event) => runRibbon(event, addNextYear);

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
  Office.actions.associate('addYearColumn', addYearColumn);
});
