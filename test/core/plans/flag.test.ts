import { readFileSync } from 'fs';
import { XlsxHost } from '../../../src/xlsx/host';
import { loadWorkbook } from '../../../src/app';
import { FLAG_COLOURS, NOTE_TAG, planFlag, planUnflag } from '../../../src/core/plans/flag';
import { runCommand } from '../../../src/core/session';
import { UNDO_SHEET } from '../../../src/core/undo';
import { diffWorkbooks } from '../../support/workbook-diff';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../../support/sample';

describe('flag / unflag', () => {
  test('behind KPIs get a fill by grade and a note on their latest rate cell; unflag restores the original formats and notes', async () => {
    const bytes = readFileSync(SAMPLE_PROGRESS);
    const host = await XlsxHost.fromBuffer(bytes);
    const ws = host.workbook.getWorksheet(SAMPLE_SHEET)!;
    ws.getCell('F16').note = '担当者のメモ'; // a person's note stays in front of ours
    ws.getCell('F16').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    host.modelEdited();
    const before = await host.toBuffer();
    const input = await loadWorkbook(await XlsxHost.fromBuffer(before));
    const behind = Object.entries(input.analysis.kpis).filter(([, a]) => a.status === 'behind');
    const plan = planFlag(input);
    expect(plan.edits.filter((e) => e.kind === 'setFill')).toHaveLength(behind.length);
    const kpi = input.model.sheets[0].kpis.find((k) => k.rateRow === 16)!;
    const a = input.analysis.kpis[kpi.id];
    expect(a.status).toBe('behind');
    const fill = plan.edits.find((e) => e.kind === 'setFill' && e.row === 16);
    expect(fill).toMatchObject({ col: 6, fill: FLAG_COLOURS[(a.grade ?? 'none') as 'B'] });
    const note = plan.edits.find((e) => e.kind === 'setNote' && e.row === 16);
    expect(note).toMatchObject({ col: 6 });
    expect(note!.kind === 'setNote' && note!.note).toMatch(new RegExp(`^担当者のメモ\\n\\n${NOTE_TAG}${kpi.name.replace(/[()]/g, '.')}（R2）: .*実績 10件`));
    // Every note names its KPI and year and shows the figures behind its grade; no negative percentage.
    const notes = plan.edits.filter((e) => e.kind === 'setNote').map((e) => (e as { note: string }).note);
    for (const n of notes) {
      expect(n).toMatch(/（(R|H)\d+）: /);
      expect(n).not.toMatch(/-\d+(\.\d+)?%/);
    }
    expect(notes.filter((n) => /→ [BCD]。/.test(n)).length).toBeGreaterThan(notes.length / 2);
    // nothing flagged that is achieved or on track
    for (const e of plan.edits) {
      const k = input.model.sheets[0].kpis.find((x) => x.rateRow === (e as { row: number }).row)!;
      expect(input.analysis.kpis[k.id].status).toBe('behind');
    }
    await runCommand(host, plan);
    const flagged = await XlsxHost.fromBuffer(await host.toBuffer());
    expect(flagged.workbook.getWorksheet(SAMPLE_SHEET)!.getCell('F16').fill).toMatchObject({ fgColor: { argb: `FF${(fill as { fill: string }).fill.slice(1)}` } });
    const unflag = planUnflag(await loadWorkbook(flagged));
    expect(unflag.edits).toHaveLength(plan.edits.length);
    await runCommand(flagged, unflag);
    expect(await diffWorkbooks(before, await flagged.toBuffer(), { ignoreSheets: [UNDO_SHEET] })).toEqual([]);
  });

  test('unflag leaves a mark a person changed after flag', async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
    const plan = planFlag(await loadWorkbook(host));
    await runCommand(host, plan);
    const first = plan.edits.find((e) => e.kind === 'setFill')!;
    host.workbook.getWorksheet(SAMPLE_SHEET)!.getCell((first as { row: number }).row, (first as { col: number }).col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    const unflag = planUnflag(await loadWorkbook(host));
    expect(unflag.edits).toHaveLength(plan.edits.length - 1);
    expect(unflag.notices[0]).toContain('1 件は色やメモが変更済み');
  });
});
