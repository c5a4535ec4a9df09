/**
 * Ribbon commands (ExecuteFunction): チェック (runCheck) and 年度列を追加 (addYearColumn).
 * They run without the task pane, report through a small status dialog and a status the pane shows
 * next time it opens, and always call event.completed(), even on errors.
 */
import { ExcelHost } from '../excel/host';
import { officeLang, saveCommandStatus } from '../taskpane/office';
import { addNextYear, checkWorkbook, completeAlways } from './ribbon-actions';
import { showStatus } from './show-status';

async function report(text: string, ok: boolean): Promise<void> {
  await saveCommandStatus(text);
  await showStatus(text, ok);
}

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  const lang = officeLang();
  await completeAlways(event, lang, () => checkWorkbook(new ExcelHost(), lang), report);
}

export async function addYearColumn(event: Office.AddinCommands.Event): Promise<void> {
  const lang = officeLang();
  await completeAlways(event, lang, () => addNextYear(new ExcelHost(), lang), report);
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
  Office.actions.associate('addYearColumn', addYearColumn);
});
