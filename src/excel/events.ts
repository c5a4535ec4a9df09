/**
 * Live checking: worksheet onChanged (ExcelApi 1.7) reported as sheet + address, without the
 * add-in's own writes (WriteGuard, and Excel's triggerSource "ThisLocalAddin" where 1.14 reports it).
 */
import type { ExcelEnv } from './env';
import type { WriteGuard } from './guard';

export interface CellChange {
  sheet: string;
  /** "F10" or "F10:G12". */
  address: string;
  /** A single cell's new text, true/false or null (emptied), from the event's details (ExcelApi 1.9);
   *  absent for ranges, numbers (typing "50%" also changes the format), errors and older Excel. */
  valueAfter?: string | boolean | null;
}

/** The new value a single-cell edit reports, when it is safe to use without reading the sheet. */
export function knownValueAfter(event: Excel.WorksheetChangedEventArgs): CellChange['valueAfter'] {
  const d = event.details;
  if (!d || event.address.includes(':')) return undefined;
  if (d.valueTypeAfter === 'Empty') return null;
  if (d.valueTypeAfter === 'String' && typeof d.valueAfter === 'string') return d.valueAfter === '' ? null : d.valueAfter;
  if (d.valueTypeAfter === 'Boolean' && typeof d.valueAfter === 'boolean') return d.valueAfter;
  return undefined;
}

export type Unsubscribe = () => Promise<void>;

/** Subscribes to the named sheets (all sheets when omitted); resolves to an unsubscribe function. */
export async function subscribeChanges(
  env: ExcelEnv,
  guard: WriteGuard,
  handler: (change: CellChange) => void,
  sheetNames?: string[],
): Promise<Unsubscribe> {
  const results = await env.run({}, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const wanted = sheets.items.filter((ws) => !sheetNames || sheetNames.includes(ws.name));
    const added = wanted.map((ws) => {
      const name = ws.name;
      return ws.onChanged.add(async (event) => {
        if (event.triggerSource === 'ThisLocalAddin' || guard.isOwn(name, event.address)) return;
        const valueAfter = knownValueAfter(event);
        handler(valueAfter === undefined ? { sheet: name, address: event.address } : { sheet: name, address: event.address, valueAfter });
      });
    });
    await context.sync();
    return added;
  });
  return async () => {
    const first = results[0];
    if (!first) return;
    // Handlers are removed in the context that added them, as Office requires.
    await env.runIn(first.context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
  };
}
