/** What the ribbon buttons do, on any host (tested over the Excel test double). */
import type { Finding, Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import { cellAddress } from '../core/snapshot';
import { applyWithUndo, loadWorkbookAtOnce, planCommand } from '../app';
import { errorDetail, t } from '../core/catalogue';
import { normaliseSettings, type AddinSettings } from '../app';
import { checkSummary, yearSummary } from './command-text';

/**
 * チェック: runs the check, selects the first error (or finding), returns the counts. The ribbon runs
 * in a runtime of its own (manifest FunctionFile, no shared runtime), so no task pane's snapshot is at
 * hand: the workbook is read at once (Excel: 1 sync), then the cell selected (1 sync).
 */
export async function checkWorkbook(host: ProgressHost, lang: Lang, settings: AddinSettings = normaliseSettings(null)): Promise<string> {
  const input = await loadWorkbookAtOnce(host, { lang, settings });
  const first = input.analysis.findings.find((f: Finding) => f.severity === 'error') ?? input.analysis.findings[0];
  if (first) await host.selectCell?.(first.sheet, first.cell);
  return checkSummary(input, lang);
}

/**
 * 年度列を追加: adds the next year column (with undo record) and selects its first header: the
 * workbook read at once (Excel: 1 sync), the verify (1), the writes with the selection (1).
 */
export async function addNextYear(host: ProgressHost, lang: Lang, settings: AddinSettings = normaliseSettings(null)): Promise<string> {
  const ctx = { lang, settings };
  const input = await loadWorkbookAtOnce(host, ctx);
  const plan = planCommand('add-year', input, ctx);
  if (!plan.edits.length) return yearSummary(plan, null, lang);
  const inserted = plan.edits.find((e) => e.kind === 'insertColumn');
  const header = inserted ? (input.model.sheets.find((s) => s.sheet === inserted.sheet)?.tables[0]?.headerRow ?? 1) : null;
  const select = inserted && header !== null ? { sheet: inserted.sheet, address: cellAddress(header, inserted.col) } : undefined;
  const result = await applyWithUndo(host, plan, select);
  return yearSummary(plan, result, lang);
}

/**
 * Runs a command's work and reports its outcome; `completed` is called exactly once whatever
 * happens (Excel shows a hanging spinner on the button otherwise).
 */
export async function completeAlways(
  event: { completed(): void },
  lang: Lang,
  work: () => Promise<string>,
  report: (text: string, ok: boolean) => Promise<void>,
): Promise<{ text: string; ok: boolean }> {
  let text: string;
  let ok = true;
  try {
    text = await work();
  } catch (e) {
    ok = false;
    text = t(lang, 'ribbon.failed', { detail: errorDetail(lang, e) });
  }
  try {
    await report(text, ok);
  } catch {
    // Reporting is best effort; completing is not.
  } finally {
    event.completed();
  }
  return { text, ok };
}
