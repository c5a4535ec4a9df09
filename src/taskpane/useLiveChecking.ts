/** Live checking: on an edit, re-read that sheet, re-run the core, rewrite the touched KPIs' rates. */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import { planCommand, replaceSnapshot } from './engine';
import { restrictToKpis, touchedKpis, type CellChange, type ChangeSource } from './live';
import type { AddinSettings } from './settings';
import type { WorkbenchApi } from './useWorkbench';

export function useLiveChecking(changes: ChangeSource | undefined, host: ProgressHost, wb: WorkbenchApi, lang: Lang, settings: AddinSettings) {
  const [enabled, setEnabled] = useState(false);
  const state = useRef({ workbook: wb.workbook, lang, settings, queue: Promise.resolve() });
  state.current.workbook = wb.workbook;
  state.current.lang = lang;
  state.current.settings = settings;

  useEffect(() => {
    if (!enabled || !changes) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    const handle = async (change: CellChange) => {
      const s = state.current;
      if (!s.workbook) return;
      const ctx = { lang: s.lang, settings: s.settings };
      const snapshot = await host.readSnapshot(change.sheet);
      let next = replaceSnapshot(s.workbook, snapshot, ctx);
      const kpis = touchedKpis(next.model, change);
      if (kpis.length) {
        const plan = restrictToKpis(planCommand('fill', next, ctx), next.model, kpis);
        if (plan.edits.length) {
          await host.applyPlan(plan);
          next = replaceSnapshot(next, await host.readSnapshot(change.sheet), ctx);
        }
      }
      wb.setWorkbook(next);
    };
    changes
      .subscribe((change) => {
        // One change at a time, in order; an error is reported, not thrown into Excel's event loop.
        state.current.queue = state.current.queue.then(() => handle(change)).catch((e) => wb.notify('error', e instanceof Error ? e.message : String(e)));
      })
      .then((off) => {
        if (cancelled) void off();
        else unsubscribe = off;
      })
      .catch((e) => wb.notify('error', e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [enabled, changes, host, wb.setWorkbook, wb.notify]);

  return { enabled, setEnabled };
}
