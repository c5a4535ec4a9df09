/** sheet-number: a missing or malformed シートNo., or one naming no known management sheet. */
import type { Finding } from '../findings';
import type { Kpi, ProgressModel } from '../model';
import { finding, tableOf, type KpiCheck, type RuleContext } from './context';

/** The number a sheet name or シートNo. carries ("08", "シート08", "No.8" → 8); null when none or longer. */
export function sheetNumber(s: string): number | null {
  const runs = s.normalize('NFKC').match(/\d+/g);
  return runs && runs.length === 1 && runs[0].length <= 3 ? Number(runs[0]) : null;
}

/**
 * The management sheets among other sheet names: numbered ones, not Excel's leftover "Sheet1", and
 * only when they answer at least half of the table's numbers (otherwise they are something else).
 */
function knownSheets(names: string[] | undefined, wanted: () => Set<number>): string[] {
  const numbered = (names ?? []).filter((n) => sheetNumber(n) !== null && !/^sheet\s*\d+$/i.test(n.trim()));
  // without numbered sheets there is nothing to answer: the table's numbers are not even gathered
  if (numbered.length === 0) return [];
  const have = new Set(numbered.map(sheetNumber));
  const all = wanted();
  const answered = [...all].filter((n) => have.has(n)).length;
  return answered * 2 >= all.size ? numbered : [];
}

/** NFKC of a シートNo.; ASCII (most of them) is its own NFKC form. */
function nfkc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFKC');
  return s;
}

/** One to three ASCII digits ("08", "115"). */
function plainNumber(s: string): boolean {
  if (s.length === 0 || s.length > 3) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The シートNo. numbers of every KPI of the model. */
function modelSheetNumbers(model: ProgressModel): Set<number> {
  const out = new Set<number>();
  for (const sheet of model.sheets) {
    for (const k of sheet.kpis) {
      const n = sheetNumber(k.sheetNo ?? '');
      if (n !== null) out.add(n);
    }
  }
  return out;
}

/** The cell a finding names: the シートNo. cell, or the KPI's row in that column (made only for a finding). */
function cellOf(kpi: Kpi, col: number): { row: number; col: number } {
  return kpi.sheetNoCell ?? { row: kpi.row, col };
}

export function sheetNumberRule(ctx: RuleContext): KpiCheck {
  // Judged over the whole model, so that re-checking a single KPI decides alike.
  // cached on the index: a live re-check of one KPI must not rescan 10,000 (see BENCHMARKS.md)
  const wanted = () => (ctx.index.sheetNumbers ??= modelSheetNumbers(ctx.model));
  const known = knownSheets(ctx.managementSheets, wanted);
  const numbers = new Set(known.map(sheetNumber));
  const totals = ctx.index.parts;
  return (kpi: Kpi, out: Finding[]) => {
    const col = tableOf(ctx, kpi)?.columns.sheetNo;
    if (!col) return;
    const text = nfkc(kpi.sheetNo ?? '').trim();
    if (text === '') {
      // A total made of breakdown rows points to its parts' sheets.
      if (!totals.has(kpi.id)) out.push(finding(ctx, 'sheet-number', 'warning', kpi, cellOf(kpi, col), 'sheet-number.missing', {}));
      return;
    }
    // most are one to three digits, which both patterns pass alike (not a dash, well formed): no regular
    // expression run for them (each run allocates; about 1 MB per 10,000 KPIs)
    if (!plainNumber(text)) {
      if (/^[-－―ー]$/.test(text)) return;
      if (!/^(No\.?\s*)?\d{1,3}$/i.test(text)) {
        out.push(finding(ctx, 'sheet-number', 'warning', kpi, cellOf(kpi, col), 'sheet-number.malformed', { text }));
        return;
      }
    }
    if (known.length > 0 && !numbers.has(sheetNumber(text))) {
      const list = known.length > 6 ? `${known.slice(0, 3).join(', ')} … ${known[known.length - 1]}` : known.join(', ');
      out.push(finding(ctx, 'sheet-number', 'warning', kpi, cellOf(kpi, col), 'sheet-number.unknown', { text, known: list }));
    }
  };
}
