/**
 * link: each シートNo. cell becomes a hyperlink to its 進行管理シート — a sheet of the same workbook
 * named by the number ("01", "1", "No.01", "シート01" …) or a sheet of a separate management workbook,
 * linked relative to the table's file. Reports numbers without a sheet and sheets no KPI points to.
 */
import { t } from '../catalogue';
import { cellAddress } from '../snapshot';
import { linkTarget, type CellEdit, type EditPlan, type EditSubject, type LinkSpec } from '../plan';
import { extrasAt, snapshotOf, type PlanInput } from './context';

export interface ManagementWorkbook {
  /** Path written into the link, relative to the progress sheet's file ("management-sheets.xlsx"). */
  file: string;
  sheets: string[];
}

export interface LinkOptions {
  /** Who reads the notices: the CLI names its flags, the task pane its own settings. */
  surface?: 'pane' | 'cli';
  management?: ManagementWorkbook;
}

/** The number a management sheet's name stands for ("08", "No.8", "シート08" → 8); null for other names. */
export function managementSheetNumber(name: string): number | null {
  const m = /^(?:No\.?|№|(?:進行管理)?シート(?:No\.?)?)?\s*(\d{1,3})$/i.exec(name.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

/** The number a シートNo. cell holds ("08", "No.8"); null for "-", blanks and other text. */
export function sheetNoNumber(text: string | null): number | null {
  if (!text) return null;
  const m = /^(?:No\.?)?\s*(\d{1,3})$/i.exec(text.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

function byNumber(names: string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const n of names) {
    const k = managementSheetNumber(n);
    if (k !== null && !out.has(k)) out.set(k, n);
  }
  return out;
}

export function planLink(input: PlanInput, options: LinkOptions = {}): EditPlan {
  const { lang } = input;
  const tableSheets = new Set(input.model.sheets.map((s) => s.sheet));
  const local = byNumber(input.sheets.filter((s) => s.visibility !== 'veryHidden' && !tableSheets.has(s.name)).map((s) => s.name));
  const external = byNumber(options.management?.sheets ?? []);
  const used = new Set<string>();
  const missing = new Map<string, string[]>();
  const edits: CellEdit[] = [];
  let already = 0;
  for (const sheet of input.model.sheets) {
    const s = snapshotOf(input, sheet.sheet);
    // a シートNo. cell shared by several KPIs (merged over a measure) is linked once, named by its first KPI
    const done = new Map<string, EditSubject>();
    for (const kpi of sheet.kpis) {
      const at = kpi.sheetNoCell;
      const n = sheetNoNumber(kpi.sheetNo);
      const shared = at ? done.get(cellAddress(at.row, at.col)) : undefined;
      if (shared) shared.moreKpis = (shared.moreKpis ?? 0) + 1;
      if (!at || n === null || shared) continue;
      const about: EditSubject = { kpi: kpi.name, field: 'sheetNo' };
      done.set(cellAddress(at.row, at.col), about);
      let link: LinkSpec | null = null;
      const tooltip = t(lang, 'plan.link.tooltip', { sheetNo: kpi.sheetNo });
      if (local.has(n)) {
        link = { sheet: local.get(n)!, cell: 'A1', tooltip };
        used.add(`#${local.get(n)}`);
      } else if (options.management && external.has(n)) {
        link = { sheet: external.get(n)!, cell: 'A1', file: options.management.file, tooltip };
        used.add(`${options.management.file}#${external.get(n)}`);
      }
      if (!link) {
        missing.set(kpi.sheetNo!, [...(missing.get(kpi.sheetNo!) ?? []), `${sheet.sheet}!${cellAddress(at.row, at.col)}`]);
        continue;
      }
      if (extrasAt(s, at.row, at.col).hyperlink === linkTarget(link)) {
        already++;
        continue;
      }
      edits.push({ kind: 'setHyperlink', sheet: sheet.sheet, row: at.row, col: at.col, link, about });
    }
  }
  const unused = [
    ...[...local.values()].filter((n) => !used.has(`#${n}`)),
    ...(options.management ? [...external.values()].filter((n) => !used.has(`${options.management!.file}#${n}`)).map((n) => `${options.management!.file}: ${n}`) : []),
  ];
  const notices: string[] = [];
  if (local.size === 0 && external.size === 0) {
    notices.push(t(lang, options.surface === 'cli' ? 'plan.link.no-management.cli' : 'plan.link.no-management.pane'));
  }
  if (missing.size) {
    const list = [...missing].map(([n, cells]) => `${n} (${cells.join(', ')})`);
    notices.push(t(lang, 'plan.link.missing', { count: missing.size, list: list.join('; ') }));
  }
  if (unused.length) notices.push(t(lang, 'plan.link.unused', { sheets: unused.join(', ') }));
  if (already) notices.push(t(lang, 'plan.link.already', { n: already }));
  return {
    command: 'link',
    summary: t(lang, 'plan.link.summary', { n: edits.length }),
    edits,
    notices,
  };
}
