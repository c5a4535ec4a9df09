/** definitions: adds the `KPI定義` sheet generated from the recognised table, for people to edit. */
import { t } from '../catalogue';
import { fitCellText } from '../apply-rules';
import { DEFINITIONS_SHEET, definitionRows } from '../definitions';
import type { CellEdit, EditPlan } from '../plan';
import { type PlanInput } from './context';
import { printLayout, stamp, type ReportMeta } from './report';

const WIDTHS = [48, 8, 8, 8, 12, 10, 10, 12, 10, 8, 8, 10, 16, 22];

export function planDefinitions(input: PlanInput, meta: ReportMeta = {}): EditPlan {
  const { lang } = input;
  if (input.sheets.some((s) => s.name === DEFINITIONS_SHEET)) {
    return {
      command: 'definitions',
      summary: t(lang, 'plan.definitions.exists.summary', { sheet: DEFINITIONS_SHEET }),
      edits: [],
      notices: [t(lang, 'plan.definitions.exists.notice', { sheet: DEFINITIONS_SHEET })],
    };
  }
  const rows = definitionRows(input.model, input.analysis);
  // Row 2 (empty in definitionRows) says where the sheet comes from and when.
  const made = [meta.file ? `ファイル: ${meta.file}` : '', meta.now ? `作成日時: ${stamp(meta.now)}` : ''].filter(Boolean).join('　');
  if (made) rows[1] = [made, ...rows[1].slice(1)];
  const header = [DEFINITIONS_SHEET, meta.file, meta.now ? stamp(meta.now) : ''].filter(Boolean).join('  ');
  const print = printLayout(3, [1, 14], header);
  const edits: CellEdit[] = [{ kind: 'addSheet', sheet: DEFINITIONS_SHEET, visibility: 'visible', rows, print }];
  WIDTHS.forEach((width, i) => edits.push({ kind: 'setColumnWidth', sheet: DEFINITIONS_SHEET, col: i + 1, width }));
  const kpis = rows.filter((r, i) => i >= 3 && typeof r[13] === 'string').length;
  const plan: EditPlan = {
    command: 'definitions',
    summary: t(lang, 'plan.definitions.summary', { sheet: DEFINITIONS_SHEET, kpis }),
    edits,
    notices: [],
  };
  return fitCellText(plan, lang);
}
