/**
 * Ribbon commands (ExecuteFunction): チェック (runCheck) and 年度列を追加 (addYearColumn).
 * They run without the task pane, report through a small status dialog and a status the pane shows
 * next time, and always call event.completed(), even on errors.
 */
import type { Finding } from '../core/findings';
import { cellAddress } from '../core/snapshot';
import { applyWithUndo, loadWorkbook, planCommand } from '../taskpane/engine';
import { format } from '../taskpane/i18n';
import { createOfficeHost, officeLang, saveCommandStatus } from '../taskpane/office';
import { normaliseSettings } from '../taskpane/settings';
import { checkSummary, commandText, yearSummary } from './command-text';
import { showStatus } from './show-status';

async function run(event: Office.AddinCommands.Event, work: () => Promise<string>): Promise<void> {
  const lang = officeLang();
  let text: string;
  let ok = true;
  try {
    text = await work();
  } catch (e) {
    ok = false;
    text = format(commandText(lang).failed, { detail: e instanceof Error ? e.message : String(e) });
  }
  await saveCommandStatus(text);
  await showStatus(text, ok);
  event.completed();
}

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  await run(event, async () => {
    const lang = officeLang();
    const host = createOfficeHost();
    const wb = await loadWorkbook(host, { lang, settings: normaliseSettings(null) });
    const first = wb.analysis.findings.find((f: Finding) => f.severity === 'error') ?? wb.analysis.findings[0];
    if (first) await host.selectCell?.(first.sheet, first.cell);
    return checkSummary(wb, lang);
  });
}

export async function addYearColumn(event: Office.AddinCommands.Event): Promise<void> {
  await run(event, async () => {
    const lang = officeLang();
    const host = createOfficeHost();
    const ctx = { lang, settings: normaliseSettings(null) };
    const wb = await loadWorkbook(host, ctx);
    const plan = planCommand('add-year', wb, ctx);
    if (!plan.edits.length) return yearSummary(plan, null, lang);
    const result = await applyWithUndo(host, plan);
    const inserted = plan.edits.find((e) => e.kind === 'insertColumn');
    if (inserted && host.selectCell) {
      const header = wb.model.sheets.find((s) => s.sheet === inserted.sheet)?.tables[0]?.headerRow ?? 1;
      await host.selectCell(inserted.sheet, cellAddress(header, inserted.col));
    }
    return yearSummary(plan, result, lang);
  });
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
  Office.actions.associate('addYearColumn', addYearColumn);
});
