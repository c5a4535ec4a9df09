/**
 * Office document settings as each runtime sees them. "The get, set, and remove methods operate only
 * on the in-memory copy of the settings property bag" and saveAsync stores "the in-memory copy" in
 * the document (learn.microsoft.com, persisting-add-in-state-and-settings). The ribbon's function file
 * and the task pane are separate runtimes (no shared runtime in our manifest), so each holds its own
 * copy, loaded when it starts; refreshAsync re-reads the document's. The docs do not say whether a
 * save merges keys; the stricter reading: it replaces the document's bag with the saving copy.
 */
import type { DocumentSettings } from '../../src/excel/settings';

export class FakeDocument {
  /** The settings as stored in the document. */
  stored: Record<string, unknown> = {};
  saves = 0;

  /** A runtime starting now (task pane opened, ribbon command run): its copy of the settings. */
  runtime(): DocumentSettings & { copy: Record<string, unknown> } {
    const doc = this;
    const copy: Record<string, unknown> = structuredClone(this.stored);
    return {
      copy,
      get: (k) => (k in copy ? copy[k] : null),
      set: (k, v) => void (copy[k] = v),
      remove: (k) => void delete copy[k],
      saveAsync(cb) {
        doc.stored = structuredClone(copy);
        doc.saves++;
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
      refreshAsync(cb) {
        for (const k of Object.keys(copy)) delete copy[k];
        Object.assign(copy, structuredClone(doc.stored));
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
    };
  }
}
