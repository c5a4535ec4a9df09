/** Live checking: on an edit, re-read that sheet, re-run the core, rewrite the touched KPIs' rates. */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import { recheckAfterEdit, type CellChange, type ChangeSource } from './live';
import type { AddinSettings } from '../app';
import type { WorkbenchApi } from './useWorkbench';

export function useLiveChecking(changes: ChangeSource | undefined, host: ProgressHost, bench: WorkbenchApi, lang: Lang, settings: AddinSettings) {
  const [enabled, setEnabled] = useState(false);
  const state = useRef({ workbook: bench.workbook, lang, settings, queue: Promise.resolve() });
  state.current.workbook = bench.workbook;
  state.current.lang = lang;
  state.current.settings = settings;

  useEffect(() => {
    if (!enabled || !changes) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    const handle = async (change: CellChange) => {
      const s = state.current;
      if (!s.workbook) return;
      const { workbook } = await recheckAfterEdit(host, s.workbook, change, { lang: s.lang, settings: s.settings });
      s.workbook = workbook;
      bench.setWorkbook(workbook);
    };
    changes
      .subscribe((change) => {
        // One change at a time, in order; an error is reported, not thrown into Excel's event loop.
        state.current.queue = state.current.queue.then(() => handle(change)).catch((e) => bench.notify('error', e instanceof Error ? e.message : String(e)));
      })
      .then((off) => {
        if (cancelled) void off();
        else unsubscribe = off;
      })
      .catch((e) => bench.notify('error', e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [enabled, changes, host, bench.setWorkbook, bench.notify]);

  return { enabled, setEnabled };
}
