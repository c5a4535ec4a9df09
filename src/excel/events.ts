/**
 * Live checking: worksheet onChanged (ExcelApi 1.7) reported as sheet + address, only for the local
 * user's changes:
 * - not a co-author's: "the Event object will contain a source property that indicates whether the
 *   event was triggered locally by the current user (Local) or by the remote coauthor (Remote)"
 *   (learn.microsoft.com excel-add-ins-events, coauthoring). Each co-author's own pane checks their
 *   edits; if every open pane answered every edit, rates would be written by all of them at once.
 * - not the add-in's own writes: where ExcelApi 1.14 reports triggerSource, "ThisLocalAddin" says so
 *   and nothing else is ours (a user's Ctrl+Z of our write, even a moment later, is the user's); on
 *   older Excel the WriteGuard's ranges and time window decide.
 * Numbers are not passed as valueAfter: typing "50%" also changes the format.
 */
import type { CellChange } from '../core/host';
import type { ExcelEnv } from './env';
import type { WriteGuard } from './guard';

export type { CellChange } from '../core/host';

/** Is this event a change the local user made (not a co-author, not this add-in)? */
export function isLocalUserChange(event: Pick<Excel.WorksheetChangedEventArgs, 'source' | 'triggerSource' | 'address'>, sheet: string, guard: WriteGuard): boolean {
  if (event.source === 'Remote') return false;
  if (event.triggerSource !== undefined) return event.triggerSource !== 'ThisLocalAddin';
  return !guard.isOwn(sheet, event.address);
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
        if (!isLocalUserChange(event, name, guard)) return;
        const valueAfter = event.changeType === 'RangeEdited' || event.changeType === undefined ? knownValueAfter(event) : undefined;
        const change: CellChange = { sheet: name, address: event.address };
        if (valueAfter !== undefined) change.valueAfter = valueAfter;
        if (event.changeType && event.changeType !== 'RangeEdited') change.kind = 'structure';
        handler(change);
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
