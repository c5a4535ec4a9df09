/** Task pane state: the loaded workbook, busy/progress, message bars, and the actions on it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import { applyWithUndo, loadWorkbook, planCommand, undoLastAction, workbookAfterApply, workbookAfterUndo, type ActionCommand, type PlanInput } from '../app';
import { errorDetail, t } from '../core/catalogue';
import { appliedCellCount, changedCellCount } from './plan-view';
import { readNotes } from './read-notes';
import type { AddinSettings } from '../app';

export interface Notice {
  id: number;
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

export interface Busy {
  label: string;
  /** 0..1 when known. */
  fraction: number | null;
}

let noticeIds = 0;

/** Errors arrive as catalogue ids + parameters (src/core/catalogue) and are shown in the pane's language. */
function errorText(e: unknown, lang: Lang): string {
  return errorDetail(lang, e);
}

/** Summary of an apply result for a message bar. */
export function describeResult(result: ApplyResult, lang: Lang, plan?: EditPlan): { intent: Notice['intent']; text: string } {
  // Counted in cells, as the preview counts them ("47 cells", not "94 changes" for fill + note).
  const n = plan ? appliedCellCount(plan, result.skipped) : result.applied;
  if (!result.skipped.length) return { intent: 'success', text: t(lang, 'pane.applied', { n }) };
  const reasons = [...new Set(result.skipped.map((s) => s.detail || s.reason))].slice(0, 3).join(' / ');
  const m = plan ? changedCellCount(plan) - n : result.skipped.length;
  return { intent: 'warning', text: t(lang, 'pane.applied-with-skips', { n, m, reasons }) };
}

/** `ready` is false until the stored settings are known, so that the workbook is read once, with them. */
export function useWorkbench(host: ProgressHost, lang: Lang, settings: AddinSettings, ready: boolean, onWorkbookChanged?: () => void) {
  const [workbook, setWorkbook] = useState<PlanInput | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const ctxRef = useRef({ lang, settings });
  ctxRef.current = { lang, settings };

  const notify = useCallback((intent: Notice['intent'], text: string) => {
    // One message at a time: a new one replaces the last, so the tabs never move down.
    setNotices([{ id: ++noticeIds, intent, text }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const reload = useCallback(async () => {
    setBusy({ label: t(ctxRef.current.lang, 'pane.loading'), fraction: 0 });
    try {
      const input = await loadWorkbook(host, ctxRef.current, (done, total) =>
        setBusy({ label: t(ctxRef.current.lang, 'pane.loading'), fraction: total ? done / total : null }),
      );
      setWorkbook(input);
      // One message bar at a time: every sheet's note in it.
      const notes = readNotes(input.snapshots, ctxRef.current.lang);
      if (notes.length) notify('warning', notes.join(' '));
      return input;
    } catch (e) {
      notify('error', t(ctxRef.current.lang, 'pane.error-read', { detail: errorText(e, ctxRef.current.lang) }));
      return null;
    } finally {
      setBusy(null);
    }
  }, [host, notify]);

  useEffect(() => {
    if (ready) void reload();
  }, [reload, lang, settings, ready]);

  const preview = useCallback(
    (command: ActionCommand): EditPlan | null => {
      if (!workbook) return null;
      try {
        return planCommand(command, workbook, ctxRef.current);
      } catch (e) {
        notify('error', errorText(e, ctxRef.current.lang));
        return null;
      }
    },
    [workbook, notify],
  );

  const apply = useCallback(
    async (plan: EditPlan) => {
      setBusy({ label: t(ctxRef.current.lang, 'pane.working'), fraction: null });
      try {
        const result = await applyWithUndo(host, plan);
        const { intent, text } = describeResult(result, ctxRef.current.lang, plan);
        notify(intent, text);
        onWorkbookChanged?.();
        // Up to date from the plan just applied, not by reading every sheet again (Excel: 2 syncs a sheet).
        const next = workbook ? workbookAfterApply(workbook, plan, result, ctxRef.current) : null;
        if (next) setWorkbook(next);
        else await reload();
        return result;
      } catch (e) {
        notify('error', t(ctxRef.current.lang, 'pane.error-apply', { detail: errorText(e, ctxRef.current.lang) }));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [host, notify, reload, onWorkbookChanged, workbook],
  );

  const undo = useCallback(async () => {
    setBusy({ label: t(ctxRef.current.lang, 'pane.working'), fraction: null });
    try {
      const result = await undoLastAction(host);
      if (!result) notify('info', t(ctxRef.current.lang, 'pane.nothing-to-undo'));
      else notify(result.skipped.length ? 'warning' : 'success', t(ctxRef.current.lang, 'pane.undone', { n: result.applied }));
      onWorkbookChanged?.();
      // Up to date from the inverse plan just applied, as after 適用; nothing undone: nothing changed.
      const next = workbook && result ? workbookAfterUndo(workbook, result, ctxRef.current) : null;
      if (next) setWorkbook(next);
      else if (result || !workbook) await reload();
    } catch (e) {
      notify('error', t(ctxRef.current.lang, 'pane.error-apply', { detail: errorText(e, ctxRef.current.lang) }));
    } finally {
      setBusy(null);
    }
  }, [host, notify, reload, onWorkbookChanged, workbook]);

  return { workbook, setWorkbook, busy, notices, notify, dismiss, reload, preview, apply, undo };
}

export type WorkbenchApi = ReturnType<typeof useWorkbench>;
