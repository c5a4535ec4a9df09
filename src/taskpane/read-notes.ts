/** What the host could not read completely, as message-bar sentences: truncated sheets, read warnings. */
import { t } from '../core/catalogue';
import type { Lang } from '../core/findings';
import type { GridSnapshot } from '../core/snapshot';

export function readNotes(snapshots: GridSnapshot[], lang: Lang): string[] {
  const notes: string[] = [];
  for (const s of snapshots) {
    if (s.truncated) notes.push(t(lang, 'pane.truncated', { sheet: s.sheet, rows: s.truncated.rows, cols: s.truncated.cols, reason: s.truncated.reason }));
    for (const w of s.readWarnings ?? []) notes.push(t(lang, `read.${w}`, { sheet: s.sheet }));
  }
  return notes;
}
