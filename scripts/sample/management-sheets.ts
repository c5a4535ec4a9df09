/**
 * The 進行管理シート sample: one worksheet per sheet number the progress table cites ("01"…"33"),
 * each a small form with the measure (施策), its projects (事業等), departments and KPIs.
 * Built from the same parsed table so that every シートNo. of the sample has a sheet to link to.
 */
import type ExcelJS from 'exceljs';
import type { ParsedTable } from './parse-table';
import { LINE_POINTS, a4Landscape, font, solidFill, thin, wrappedLines } from './style';

export interface ManagementKpi {
  name: string;
  baseline: string;
  target: string;
  department: string;
}

export interface ManagementSheet {
  sheetNo: string;
  goal: string;
  area: string;
  measure: string;
  projects: string;
  kpis: ManagementKpi[];
}

const SHEET_NO = /^\d{2}$/;

/** Groups the KPIs by sheet number; the 個別目標 part names the measure, 全体目標 only fills gaps. */
export function managementSheetsOf(table: ParsedTable): ManagementSheet[] {
  const byNo = new Map<string, ManagementSheet>();
  for (const pass of ['■個別目標', '■全体目標']) {
    let part = '';
    const ctx = { goal: '', area: '', measure: '', projects: '' };
    const seenThisPass = new Set<string>();
    for (const b of table.blocks) {
      if (b.kind === 'part') part = b.text;
      else if (b.kind === 'goal') Object.assign(ctx, { goal: b.text, area: '', measure: '', projects: '' });
      else if (b.kind === 'area') Object.assign(ctx, { area: b.text, measure: '', projects: '' });
      else if (b.kind === 'measure') Object.assign(ctx, { measure: stripLabel(b.text), projects: '' });
      else if (b.kind === 'projects') ctx.projects = stripLabel(b.text);
      else if (b.kind === 'kpi' && part === pass) {
        const no = b.actual[13];
        if (!SHEET_NO.test(no)) continue;
        let sheet = byNo.get(no);
        if (sheet && !seenThisPass.has(no)) continue; // filled by the 個別目標 pass already
        if (!sheet) {
          sheet = { sheetNo: no, ...ctx, kpis: [] };
          byNo.set(no, sheet);
        }
        seenThisPass.add(no);
        if (sheet.kpis.some((k) => k.name === b.actual[0])) continue; // a (再掲) repeat
        sheet.kpis.push({ name: b.actual[0], baseline: b.actual[2], target: b.actual[3], department: b.actual[11] });
      }
    }
  }
  return [...byNo.values()].sort((a, b) => a.sheetNo.localeCompare(b.sheetNo));
}

/** "施 策：キャリア教育の推進" → "キャリア教育の推進". */
function stripLabel(text: string): string {
  return text.replace(/^[^：]*：/, '').trim();
}

const WIDTHS = [16, 40, 13, 13, 22];
const LABEL_FILL = 'FFE2EFDA';
const FORM_UNITS = WIDTHS.slice(1).reduce((a, b) => a + b, 0);

export function addManagementSheet(wb: ExcelJS.Workbook, m: ManagementSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(m.sheetNo);
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells('A1:D1');
  Object.assign(ws.getCell('A1'), { value: '小千谷市総合戦略(改訂版) 進行管理シート', font: font(14, true) });
  ws.getRow(1).height = 24;
  labelled(ws, 'E1', 'シートNo. ' + m.sheetNo, true);
  ws.getCell('E1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell('E1').font = font(12, true);

  let row = 3;
  const departments = [...new Set(m.kpis.flatMap((k) => k.department.split(/\s+/)).filter(Boolean))].join('、');
  for (const [label, value] of [
    ['基本目標', m.goal],
    ['施策の方向', m.area],
    ['施策', m.measure],
    ['事業等', m.projects],
    ['担当課', departments],
  ]) {
    formRow(ws, row++, label, value);
  }

  row++;
  Object.assign(ws.getCell(row, 1), { value: '■重要業績評価指標 (KPI)', font: font(11, true) });
  row++;
  const header = ['重要業績評価指標 (KPI)', '', '基準値 (H30)', '目標値 (R6)', '担当課'];
  ws.mergeCells(row, 1, row, 2);
  header.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    if (h) cell.value = h;
    Object.assign(cell, { font: font(10, true), fill: solidFill(LABEL_FILL), border: thin });
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  row++;
  for (const k of m.kpis) {
    ws.mergeCells(row, 1, row, 2);
    [k.name, '', k.baseline, k.target, k.department].forEach((v, i) => {
      const cell = ws.getCell(row, i + 1);
      if (v) cell.value = v;
      Object.assign(cell, { font: font(10), border: thin });
      cell.alignment = i >= 2 && i <= 3 ? { horizontal: 'right', vertical: 'middle' } : { vertical: 'middle', wrapText: true };
    });
    ws.getRow(row).height = wrappedLines(k.name, WIDTHS[0] + WIDTHS[1]) * LINE_POINTS + 4;
    row++;
  }

  row++;
  for (const label of ['取組内容 (R2)', '成果と課題', '今後の方向性']) {
    formRow(ws, row, label, '');
    ws.getRow(row).height = 60;
    row++;
  }
  a4Landscape(ws, row - 1, 'E');
  return ws;
}

/** A label cell on the left and a value merged across the rest of the form. */
function formRow(ws: ExcelJS.Worksheet, row: number, label: string, value: string): void {
  labelled(ws, `A${row}`, label, true);
  ws.mergeCells(row, 2, row, 5);
  const cell = ws.getCell(row, 2);
  if (value) cell.value = value;
  cell.font = font(10);
  cell.alignment = { vertical: value ? 'middle' : 'top', wrapText: true };
  for (let c = 2; c <= 5; c++) ws.getCell(row, c).border = thin;
  ws.getRow(row).height = Math.max(18, wrappedLines(value, FORM_UNITS) * LINE_POINTS + 4);
}

function labelled(ws: ExcelJS.Worksheet, address: string, text: string, boxed: boolean): void {
  const cell = ws.getCell(address);
  cell.value = text;
  cell.font = font(10, true);
  cell.alignment = { vertical: 'middle' };
  if (boxed) {
    cell.fill = solidFill(LABEL_FILL);
    cell.border = thin;
  }
}
