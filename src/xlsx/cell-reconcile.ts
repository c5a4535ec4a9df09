/**
 * Node only (installed by exceljs-workbook.ts, which the web build replaces): exceljs's load step
 * for each cell, `CellXform.reconcile` (exceljs 4.4.0, lib/xlsx/xform/sheet/cell-xform.js, pinned in
 * package.json), without its two lookups of the cell's address in the sheet's links and notes when
 * the sheet has neither.
 *
 * Why: the address of each cell is a fresh string from the XML parser, and looking it up as an object
 * key makes V8 hash and internalise it, twice per cell: about 0.2–0.35 s of CPU to open the
 * 10,000-KPI sheet (328,000 cells), most sheets having no link or note at all.
 *
 * How, without a copy of exceljs's code: the step uses the address only for those two lookups and to
 * note where a shared formula's master cell is; when both tables are empty the step runs with the
 * address set aside (both lookups then miss, as they would have) and the master's address is noted
 * afterwards. Every other cell goes through exceljs's step as it is. test/xlsx/cell-reconcile.test.ts
 * compares the loaded sheets with exceljs's own step.
 */

interface CellModel {
  address?: string;
  type?: number;
  shareType?: string;
  ref?: string;
  si?: string;
}

interface ReconcileOptions {
  hyperlinkMap?: Record<string, unknown>;
  commentsMap?: Record<string, unknown>;
  formulae: Record<string, string | undefined>;
}

type Reconcile = (this: unknown, model: CellModel, options: ReconcileOptions) => void;

interface CellXformPrototype {
  reconcile: Reconcile;
  [ORIGINAL]?: Reconcile;
}

/** exceljs's own step, kept on the prototype once replaced (tests compare with it). */
export const ORIGINAL = Symbol.for('kpi-progress.cellReconcile');

/** exceljs's Enums.ValueType.Formula. */
const FORMULA = 6;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs's cell xform (no types for lib files)
const cellXform = (require('exceljs/lib/xlsx/xform/sheet/cell-xform') as { prototype: CellXformPrototype }).prototype;

/** No key at all, own or inherited (an inherited one would answer a lookup too). */
function isEmpty(table: Record<string, unknown>): boolean {
  for (const _ in table) return false;
  return true;
}

/** Makes exceljs's cell step skip the link and note lookups of sheets without any; once per process. */
export function useQuickCellReconcile(): void {
  if (cellXform[ORIGINAL]) return;
  const reconcile = cellXform.reconcile;
  // whether the tables of the sheet being read are both empty, decided once per pair of tables
  let links: unknown = null;
  let notes: unknown = null;
  let neither = false;
  cellXform.reconcile = function (model: CellModel, options: ReconcileOptions): void {
    const { hyperlinkMap, commentsMap } = options;
    if (hyperlinkMap !== links || commentsMap !== notes) {
      links = hyperlinkMap;
      notes = commentsMap;
      neither = typeof hyperlinkMap === 'object' && hyperlinkMap !== null && isEmpty(hyperlinkMap) && (!commentsMap || isEmpty(commentsMap));
    }
    if (!neither) return reconcile.call(this, model, options);
    const address = model.address;
    const master = model.type === FORMULA && model.shareType === 'shared' && !!model.ref;
    const si = model.si;
    model.address = undefined;
    try {
      reconcile.call(this, model, options);
    } finally {
      model.address = address;
    }
    if (master) options.formulae[si as string] = address;
  };
  cellXform[ORIGINAL] = reconcile;
}
