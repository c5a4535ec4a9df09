/**
 * Variants of the bundled sample as other offices lay the same table out, built with exceljs:
 * columns reordered, 西暦 headers, other header words, full-width brackets, offset tables, one sheet per
 * goal, numbers with unit formats, rates as numbers or formulas, merges removed, no label column.
 * Each returns a new workbook; `roundTrip` writes and re-reads it as a real .xlsx.
 */
import ExcelJS from 'exceljs';
import { loadSampleWorkbook, SAMPLE_SHEET } from './sample';

type Cell = { row: number; col: number };
type MapCell = (row: number, col: number) => Cell | null;
type MapValue = (v: ExcelJS.CellValue, at: Cell, src: ExcelJS.Cell) => { value: ExcelJS.CellValue; numFmt?: string };

/** Sample columns (1-based) of the published layout. */
export const COL = { name: 1, label: 2, baseline: 3, target: 4, r1: 5, r2: 6, cost: 7, r3: 8, r4: 9, r5: 10, r6: 11, department: 12, remark: 13, sheetNo: 14 };

export async function sampleSheet(): Promise<ExcelJS.Worksheet> {
  return (await loadSampleWorkbook()).getWorksheet(SAMPLE_SHEET)!;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(':');
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const p = one(a);
  const q = one(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Copies src into dst through a cell mapping (values, number formats, merges whose corners map). */
export function copySheet(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet, map: MapCell = (row, col) => ({ row, col }), mapValue?: MapValue, rows?: [number, number]): void {
  const [from, to] = rows ?? [1, src.rowCount];
  for (let r = from; r <= to; r++) {
    const row = src.getRow(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const at = map(r, c);
      if (!at) return;
      const out = mapValue ? mapValue(cell.value, at, cell) : { value: cell.value };
      const d = dst.getCell(at.row, at.col);
      d.value = out.value;
      const fmt = out.numFmt ?? cell.numFmt;
      if (fmt) d.numFmt = fmt;
    });
  }
  for (const ref of src.model.merges ?? []) {
    const m = parseRange(ref);
    if (m.top < from || m.bottom > to) continue;
    const a = map(m.top, m.left);
    const b = map(m.bottom, m.right);
    if (!a || !b) continue;
    dst.mergeCells(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col));
  }
}

async function variant(build: (src: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const src = await sampleSheet();
  const wb = new ExcelJS.Workbook();
  build(src, wb);
  return wb;
}

const text = (v: ExcelJS.CellValue) => (typeof v === 'string' ? v : null);

/** Header cells and 2-row KPI pairs stay; columns move: 担当課/シートNo first after the name, years before the target. */
export function reorderedColumns(): Promise<ExcelJS.Workbook> {
  // new position of each old column (1-based): name, label, sheetNo, department, R1..R6, baseline, target, cost, remark
  const order = [COL.name, COL.label, COL.sheetNo, COL.department, COL.r1, COL.r2, COL.r3, COL.r4, COL.r5, COL.r6, COL.baseline, COL.target, COL.cost, COL.remark];
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    copySheet(src, ws, (row, col) => ({ row, col: order.indexOf(col) + 1 }));
  });
}

/** Rewrites header texts; `replace` gets each header cell's text. */
function headerVariant(replace: (t: string) => string, name = SAMPLE_SHEET): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(name);
    const headerRows = new Set<number>();
    src.eachRow((row, r) => {
      if (String(row.getCell(1).value ?? '').startsWith('重要業績評価指標')) headerRows.add(r);
    });
    copySheet(src, ws, undefined, (v, at) => ({ value: headerRows.has(at.row) && text(v) ? replace(text(v)!) : v }));
  });
}

/** 西暦 headers: R1 → 2019年度, 基準値 (H30) → 基準値 (2018年度), 目標値 (R6) → 目標値 (2024年度). */
export function westernYearHeaders(): Promise<ExcelJS.Workbook> {
  return headerVariant((t) => t.replace(/H30/, '2018年度').replace(/R(\d)$/, (_m, n) => `${2018 + Number(n)}年度`).replace(/\(R6\)/, '(2024年度)').replace(/^R(\d)$/, (_m, n) => `${2018 + Number(n)}年度`));
}

/** Other words for the same headers: 現状値, 所管課, シート番号, 備 考, 令和元年度 … */
export function otherHeaderWords(): Promise<ExcelJS.Workbook> {
  return headerVariant((t) =>
    t
      .replace(/^基準値/, '現状値')
      .replace(/^担当課$/, '所管課')
      .replace(/^シート ?No\.$/, 'シート番号')
      .replace(/^備 ?考$/, '備　考')
      .replace(/^R1$/, '令和元年度')
      .replace(/^R(\d)$/, (_m, n) => `令和${n}年度`),
  );
}

const FULL = (s: string) => s.replace(/[()0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Full-width brackets and digits in headers and KPI names: 基準値（Ｈ３０）, Ｒ１, 新規創業件数（Ｈ２７～累計）. */
export function fullWidthText(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    copySheet(src, ws, undefined, (v, at) => ({ value: text(v) && (at.col === COL.name || /^(基準値|目標値|R\d|シート)/.test(text(v)!)) ? FULL(text(v)!) : v }));
  });
}

/** The whole sheet moved down `rows` and right `cols` (tables start at column B). */
export function offsetTables(rows = 3, cols = 1): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    ws.getCell(1, 1).value = '令和2年度 進捗状況（庁内資料）';
    copySheet(src, ws, (row, col) => ({ row: row + rows, col: col + cols }));
  });
}

/** One sheet per goal: 全体目標 on its own sheet, then 基本目標①…④ of 個別目標 each on a sheet. */
export function sheetPerGoal(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const starts: { row: number; name: string }[] = [];
    let inIndividual = false;
    src.eachRow((row, r) => {
      const t = String(row.getCell(1).value ?? '');
      if (t.startsWith('■全体目標')) starts.push({ row: r, name: '全体目標' });
      if (t.startsWith('■個別目標')) inIndividual = true;
      const goal = /^基本目標([①-④])/.exec(t);
      if (inIndividual && goal) starts.push({ row: r, name: `個別目標${goal[1]}` });
    });
    starts.forEach((s, i) => {
      const end = (starts[i + 1]?.row ?? src.rowCount + 1) - 1;
      const ws = wb.addWorksheet(s.name);
      copySheet(src, ws, (row, col) => ({ row: row - s.row + 1, col }), undefined, [s.row, end]);
    });
  });
}

const NUMBER_WITH_UNIT = /^(\d[\d,]*(?:\.\d+)?)([^\d]*)$/;
const VALUE_COLS = new Set([COL.baseline, COL.target, COL.r1, COL.r2, COL.r3, COL.r4, COL.r5, COL.r6]);

/** Numbers as real numbers: "26件" → 26 formatted #,##0"件", "40.4%" → 0.404 formatted 0.0%, rates "68.9%" → 0.689 formatted 0.0%. */
export function numbersWithFormats(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    copySheet(src, ws, undefined, (v, at, cell) => {
      const t = text(v);
      if (!t || !VALUE_COLS.has(at.col)) return { value: v };
      const label = String(src.getCell(cell.row, COL.label).value ?? '');
      const m = NUMBER_WITH_UNIT.exec(t);
      if (!m) return { value: v };
      const n = Number(m[1].replace(/,/g, ''));
      const decimals = (m[1].split('.')[1] ?? '').length;
      const digits = decimals ? `0.${'0'.repeat(decimals)}` : '0';
      if (m[2] === '%') return { value: Math.round(n * 10 ** (decimals + 2)) / 10 ** (decimals + 4), numFmt: `${digits}%` };
      if (label === '達成率') return { value: v };
      return { value: n, numFmt: m[2] ? `#,##${digits}"${m[2]}"` : `#,##${digits}` };
    });
  });
}

function colLetter(c: number): string {
  return String.fromCharCode(64 + c);
}

/** numbersWithFormats, then each numeric rate as the formula actual ÷ target with its cached result. */
export async function ratesAsFormulas(): Promise<ExcelJS.Workbook> {
  const wb = await numbersWithFormats();
  const ws = wb.getWorksheet(SAMPLE_SHEET)!;
  ws.eachRow((row, r) => {
    if (ws.getCell(r, COL.label).value !== '達成率') return;
    for (const c of [COL.r1, COL.r2]) {
      const cell = ws.getCell(r, c);
      const actual = ws.getCell(r - 1, c).value;
      const target = ws.getCell(r - 1, COL.target).value;
      if (typeof cell.value !== 'number' || typeof actual !== 'number' || typeof target !== 'number') continue;
      cell.value = { formula: `${colLetter(c)}${r - 1}/$${colLetter(COL.target)}${r - 1}`, result: cell.value };
    }
  });
  return wb;
}

/** All merges removed: the KPI name, 担当課, 備考 and シートNo. stay in the 実績値 row only (or are repeated). */
export function mergesRemoved(repeatName = false): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    copySheet(src, ws);
    for (const ref of src.model.merges ?? []) {
      const m = parseRange(ref);
      ws.unMergeCells(m.top, m.left, m.bottom, m.right);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) ws.getCell(r, c).value = null;
      if (repeatName && m.left === COL.name && m.right === COL.name && m.bottom === m.top + 1) ws.getCell(m.bottom, COL.name).value = ws.getCell(m.top, COL.name).value;
    }
  });
}

/** No 実績値/達成率 label column: pairs are told apart by the merged name and the rates. */
export function noLabelColumn(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    copySheet(src, ws, (row, col) => (col === COL.label ? null : { row, col: col > COL.label ? col - 1 : col }));
  });
}

/** Writes and re-reads a workbook, as a user's file would arrive. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/**
 * Two-row headers: role words merged over both rows, years as numbers (2019 …) under merged 実績値
 * groups, base/target years in the second row, a line break in the KPI header.
 */
export function twoRowHeaders(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    const headers: number[] = [];
    src.eachRow((row, r) => {
      if (String(row.getCell(1).value ?? '').startsWith('重要業績評価指標')) headers.push(r);
    });
    const shift = (r: number) => headers.filter((h) => h < r).length;
    copySheet(src, ws, (row, col) => (headers.includes(row) ? null : { row: row + shift(row), col }));
    for (const h of headers) {
      const top = h + shift(h);
      const put = (r: number, c: number, v: ExcelJS.CellValue) => (ws.getCell(r, c).value = v);
      put(top, COL.name, '重要業績評価指標\n(KPI)');
      ws.mergeCells(top, COL.name, top + 1, COL.label);
      put(top, COL.baseline, '基準値');
      put(top + 1, COL.baseline, '(H30)');
      put(top, COL.target, '目標値');
      put(top + 1, COL.target, '(R6)');
      put(top, COL.r1, '実績値');
      ws.mergeCells(top, COL.r1, top, COL.r2);
      put(top, COL.r3, '実績値');
      ws.mergeCells(top, COL.r3, top, COL.r6);
      [COL.r1, COL.r2, COL.r3, COL.r4, COL.r5, COL.r6].forEach((c, i) => put(top + 1, c, 2019 + i));
      for (const [c, v] of [[COL.cost, '事業費\n(千円)'], [COL.department, '担当課'], [COL.remark, '備考'], [COL.sheetNo, 'シート\nNo.']] as const) {
        put(top, c, v);
        ws.mergeCells(top, c, top + 1, c);
      }
    }
  });
}

/** Two tables side by side: the 個別目標 tables moved to the right of the 全体目標 tables (column Q on). */
export function sideBySide(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    let individual = 0;
    src.eachRow((row, r) => {
      if (String(row.getCell(1).value ?? '').startsWith('■個別目標')) individual = r;
    });
    copySheet(src, ws, (row, col) => (row < individual ? { row, col } : null));
    copySheet(src, ws, (row, col) => (row >= individual ? { row: row - individual + 1, col: col + 16 } : null));
  });
}

/** The year the era changed written both ways: "H31/R1" for R1. */
export function transitionYearLabel(): Promise<ExcelJS.Workbook> {
  return headerVariant((t) => (t === 'R1' ? 'H31/R1' : t));
}

/** A 目安値 row before every pair (the expected value of R6 = the target), the name merged over all three rows. */
export function expectedRows(): Promise<ExcelJS.Workbook> {
  return variant((src, wb) => {
    const ws = wb.addWorksheet(SAMPLE_SHEET);
    const pairs: number[] = [];
    src.eachRow((row, r) => {
      if (row.getCell(COL.label).value === '実績値') pairs.push(r);
    });
    const shift = (r: number) => pairs.filter((p) => p <= r).length;
    copySheet(src, ws, (row, col) => ({ row: row + shift(row), col }));
    for (const p of pairs) {
      const actual = p + shift(p);
      ws.unMergeCells(actual, COL.name, actual + 1, COL.name);
      ws.getCell(actual - 1, COL.name).value = ws.getCell(actual, COL.name).value;
      ws.getCell(actual, COL.name).value = null;
      ws.mergeCells(actual - 1, COL.name, actual + 1, COL.name);
      ws.getCell(actual - 1, COL.label).value = '目安値';
      ws.getCell(actual - 1, COL.r6).value = src.getCell(p, COL.target).value;
    }
  });
}
