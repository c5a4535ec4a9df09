/** Pure task pane logic: i18n, theme, settings, findings grouping, live-check targeting, plan text. */
import type { Analysis } from '../../src/core/analyse';
import type { KpiDefinitions } from '../../src/core/definitions';
import type { Finding } from '../../src/core/findings';
import { capabilityGaps } from '../../src/taskpane/components/CapabilityNotes';
import { effectiveDefinitions } from '../../src/app';
import type { ProgressModel } from '../../src/core/model';
import type { EditPlan } from '../../src/core/plan';
import { filterFindings, groupFindings } from '../../src/taskpane/findings-view';
import { langFromDisplayLanguage } from '../../src/taskpane/lang';
import { t } from '../../src/core/catalogue';
import { describeResult } from '../../src/taskpane/useWorkbench';
import { statusLabel } from '../../src/taskpane/status';
import { restrictToKpis, rowsOf, touchedKpis } from '../../src/taskpane/live';
import { changedCellCount, editTarget } from '../../src/taskpane/plan-view';
import { normaliseSettings } from '../../src/app';
import { goalOf, median, summarise, yearRange } from '../../src/taskpane/summary';
import { themeFromBackground } from '../../src/taskpane/theme';
import { displayValue } from '../../src/preview/display';

const finding = (rule: Finding['rule'], severity: Finding['severity'], cell: string, message: string): Finding => ({
  rule,
  severity,
  sheet: '進捗',
  cell,
  kpi: null,
  message,
});

const planOf = (command: EditPlan['command'], edits: EditPlan['edits']): EditPlan => ({ command, summary: 's', notices: [], edits });

describe('i18n', () => {
  it.each([
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'ja'],
    [undefined, 'ja'],
  ])('Office display language %s → %s (Japanese unless English)', (display, lang) => {
    expect(langFromDisplayLanguage(display)).toBe(lang);
  });

  it('has the tab names in both languages, from the one catalogue', () => {
    expect(t('en', 'pane.tab.findings')).toBe('Findings');
    expect(t('ja', 'pane.tab.findings')).toBe('点検');
  });

  it('gives English counts their plural, Japanese counts 件 and セル', () => {
    expect(t('en', 'pane.applied', { n: 1 })).toBe('Changed 1 cell.');
    expect(t('en', 'pane.applied', { n: 47 })).toBe('Changed 47 cells.');
    expect(t('ja', 'pane.applied', { n: 47 })).toBe('47 セルを変更しました。');
    expect(t('en', 'pane.undone', { n: 1 })).toBe('Undid the last action (1 change).');
    expect(t('ja', 'pane.undone', { n: 3 })).toBe('直前の操作を元に戻しました（3 件）。');
    expect(t('en', 'pane.findings.count', { n: 2 })).toBe('2 findings');
    expect(t('en', 'pane.plan.more-cells', { n: 1 })).toBe('1 more cell');
  });

  it('words an apply result with its skips in the pane language', () => {
    const result = { applied: 3, skipped: [{ edit: { kind: 'setValue', sheet: 'S', cell: 'A1', value: 1 }, reason: 'changed', detail: 'セルが変更されています' }] } as never;
    expect(describeResult(result, 'ja')).toEqual({ intent: 'warning', text: '3 セルを変更し、1 セルは変更しませんでした（セルが変更されています）。' });
    expect(describeResult(result, 'en')).toEqual({ intent: 'warning', text: 'Changed 3 cells; left 1 unchanged (セルが変更されています).' });
  });

  it('shares the status words with the rest of the product', () => {
    expect(statusLabel('on-track', 'ja')).toBe('順調');
    expect(statusLabel('behind', 'en')).toBe('Behind');
  });
});

describe('theme and settings', () => {
  it.each([
    ['#1F1F1F', 'dark'],
    ['#FFFFFF', 'light'],
    ['#E6E6E6', 'light'],
    ['not a colour', 'light'],
  ])('Office background %s → %s theme', (colour, theme) => {
    expect(themeFromBackground(colour)).toBe(theme);
  });

  it('falls back to defaults for malformed stored settings', () => {
    expect(normaliseSettings({ gradeBands: { A: 50, B: 80, C: 10 }, rateMethod: 'x' as never, lang: 'fr' as never })).toEqual({
      gradeBands: { A: 100, B: 80, C: 50 },
      grading: 'auto',
      rateMethod: 'auto',
      managementWorkbook: '',
      lang: null,
    });
    expect(normaliseSettings({ gradeBands: { A: 90, B: 70, C: 40 }, grading: 'path', rateMethod: 'gap', managementWorkbook: ' 管理.xlsx ', lang: 'en' })).toEqual({
      gradeBands: { A: 90, B: 70, C: 40 },
      grading: 'path',
      rateMethod: 'gap',
      managementWorkbook: '管理.xlsx',
      lang: 'en',
    });
  });
});

describe('findings view', () => {
  const list = [
    finding('missing-remark', 'info', 'M10', '備考がありません'),
    finding('rate-mismatch', 'error', 'E11', '達成率が違います'),
    finding('unit-mismatch', 'warning', 'F20', '単位が違います'),
    finding('rate-mismatch', 'error', 'F11', '達成率が違います'),
    finding('not-a-number', 'error', 'G30', '数値ではありません'),
  ];

  it('groups errors first, rules by count', () => {
    const groups = groupFindings(list);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 3],
      ['warning', 1],
      ['info', 1],
    ]);
    expect(groups[0].rules.map((r) => [r.rule, r.findings.length])).toEqual([
      ['rate-mismatch', 2],
      ['not-a-number', 1],
    ]);
  });

  it('filters by severity and by text in cell, message or KPI name', () => {
    expect(filterFindings(list, { severity: 'error', text: '' })).toHaveLength(3);
    expect(filterFindings(list, { severity: 'all', text: 'f11' }).map((f) => f.cell)).toEqual(['F11']);
    expect(filterFindings(list, { severity: 'all', text: '単位' }).map((f) => f.cell)).toEqual(['F20']);
    const withKpi = [{ ...list[0], kpi: '進捗!10' }];
    expect(filterFindings(withKpi, { severity: 'all', text: '観光' }, () => '観光入込客数')).toHaveLength(1);
  });
});

describe('live checking', () => {
  const model = {
    unrecognised: [],
    sheets: [{ sheet: '進捗', tables: [], structure: [], kpis: [{ id: '進捗!10', sheet: '進捗', row: 10, rateRow: 11 }, { id: '進捗!12', sheet: '進捗', row: 12, rateRow: 13 }] }],
  } as unknown as ProgressModel;

  it('finds the KPIs an edit touches', () => {
    expect(rowsOf('F10:G12')).toEqual([10, 11, 12]);
    expect(rowsOf('進捗!$F$13')).toEqual([13]);
    expect(touchedKpis(model, { sheet: '進捗', address: 'F10' })).toEqual(['進捗!10']);
    expect(touchedKpis(model, { sheet: '進捗', address: 'F11:F12' })).toEqual(['進捗!10', '進捗!12']);
    expect(touchedKpis(model, { sheet: '他', address: 'F10' })).toEqual([]);
  });

  it('keeps only rate-row writes of those KPIs', () => {
    const plan = planOf('fill', [
      { kind: 'setCell', sheet: '進捗', row: 11, col: 5, expect: null, content: { value: 0.5 } },
      { kind: 'setCell', sheet: '進捗', row: 13, col: 5, expect: null, content: { value: 0.7 } },
    ]);
    const only = restrictToKpis(plan, model, ['進捗!12']);
    expect(only.edits).toHaveLength(1);
    expect(only.edits[0]).toMatchObject({ row: 13 });
  });
});

describe('plan preview text', () => {
  it('names the cell of each edit and counts distinct cells', () => {
    const plan = planOf('flag', [
      { kind: 'setFill', sheet: '進捗', row: 11, col: 5, fill: '#FFC7CE' },
      { kind: 'setNote', sheet: '進捗', row: 11, col: 5, note: '達成率が違います' },
      { kind: 'insertColumn', sheet: '進捗', col: 11, formatFrom: 10 },
    ]);
    expect(editTarget(plan.edits[0])).toBe('進捗!E11');
    expect(editTarget(plan.edits[2])).toBe('進捗!col11');
    expect(changedCellCount(plan)).toBe(2);
  });
});

describe('preview grid display', () => {
  it('shows percents, grouped numbers and text like Excel', () => {
    expect(displayValue(0.6893, '0.0%')).toBe('68.9%');
    expect(displayValue(12345, '#,##0')).toBe('12,345');
    expect(displayValue('R6着手予定', null)).toBe('R6着手予定');
    expect(displayValue(null, null)).toBe('');
    expect(displayValue(0.1 + 0.2, 'General')).toBe('0.3');
  });
});

describe('overview summary', () => {
  const kpi = (id: string, goal: string) => ({ id, sheet: 'S', path: ['個別目標', goal, 'i 人材育成'] });
  const model = {
    unrecognised: [{ sheet: 'メモ', reason: 'no table' }],
    sheets: [
      {
        sheet: 'S',
        structure: [],
        tables: [{ columns: { years: [{ year: 2020 }, { year: 2019 }] } }, { columns: { years: [{ year: 2021 }] } }],
        kpis: [kpi('a', '基本目標① しごと'), kpi('b', '基本目標① しごと'), kpi('c', '基本目標①しごと'), kpi('d', '基本目標② ひと')],
      },
    ],
  } as unknown as ProgressModel;
  const assessment = (status: string, grade: string | null, progress: number | null) => ({ rates: {}, status, grade, progress, method: 'ratio', year: null, pathValue: null });
  const analysis = {
    findings: [],
    rounding: {},
    kpis: { a: assessment('achieved', 'A', 1.2), b: assessment('behind', 'D', -8), c: assessment('on-track', 'B', 0.5), d: assessment('qualitative', null, null) },
  } as unknown as Analysis;

  it('counts by status and grade, years per sheet, and the median progress per basic goal', () => {
    expect(goalOf({ path: ['全体目標', '基本目標③ 結婚'] })).toBe('基本目標③');
    expect(goalOf({ path: ['全体目標'] })).toBeNull();
    const s = summarise(model, analysis);
    expect(s.sheets).toEqual([{ sheet: 'S', tables: 2, kpis: 4, years: [2019, 2020, 2021] }]);
    expect(s.byStatus).toEqual({ achieved: 1, 'on-track': 1, 'behind': 1, 'no-data': 0, qualitative: 1 });
    expect(s.byGrade).toEqual({ A: 1, B: 1, C: 0, D: 1, none: 1 });
    // The −800 % outlier does not drag goal ① below zero: the median is 50 %.
    expect(s.progressByGoal).toEqual([
      { goal: '基本目標①', kpis: 3, measured: 3, median: 0.5, byStatus: expect.any(Object) },
      { goal: '基本目標②', kpis: 1, measured: 0, median: null, byStatus: expect.any(Object) },
    ]);
    // The stacked bar: every KPI of a goal counted once, by its status.
    const perGoal = s.progressByGoal.map((g) => Object.values(g.byStatus).reduce((a, b) => a + b, 0));
    expect(perGoal).toEqual(s.progressByGoal.map((g) => g.kpis));
    const total = Object.fromEntries(Object.keys(s.byStatus).map((k) => [k, s.progressByGoal.reduce((a, g) => a + g.byStatus[k as keyof typeof g.byStatus], 0)]));
    expect(total).toEqual(s.byStatus);
    expect(median([1, 3])).toBe(2);
    expect(yearRange([2019, 2024])).toBe('2019–2024');
  });
});

describe('settings folded into KPI definitions', () => {
  const model = { unrecognised: [], sheets: [{ sheet: 'S', tables: [], structure: [], kpis: [{ id: 'S!10', name: '新規創業件数' }, { id: 'S!12', name: '転入者数' }] }] } as unknown as ProgressModel;
  const defs: KpiDefinitions = {
    sheet: 'KPI定義',
    bands: { A: 1, B: 0.9, C: 0.6 },
    problems: [],
    kpis: [{ name: '転入者数', unit: '人', direction: null, cumulative: null, method: 'ratio', baseline: { value: null, year: null }, target: { value: null, year: null }, min: null, max: null, sheetNo: null, department: null, row: 2 }],
  };

  it('changes nothing at the defaults', () => {
    expect(effectiveDefinitions(defs, model, normaliseSettings(null))).toBe(defs);
    expect(effectiveDefinitions(undefined, model, normaliseSettings(null))).toBeUndefined();
  });

  it('applies custom grade bands (percent → fraction) and a rate method where the sheet sets none', () => {
    const out = effectiveDefinitions(defs, model, normaliseSettings({ gradeBands: { A: 90, B: 70, C: 40 }, rateMethod: 'gap' }))!;
    expect(out.bands).toEqual({ A: 0.9, B: 0.7, C: 0.4 });
    expect(out.kpis.map((k) => [k.name, k.method])).toEqual([
      ['転入者数', 'ratio'],
      ['新規創業件数', 'gap'],
    ]);
    expect(defs.kpis).toHaveLength(1);
  });

  it('a grading method chosen in 設定 wins over KPI定義; 自動 keeps the workbook\'s', () => {
    const withGrading = { ...defs, grading: 'path' as const };
    expect(effectiveDefinitions(withGrading, model, normaliseSettings({ grading: 'rate' }))!.grading).toBe('rate');
    expect(effectiveDefinitions(withGrading, model, normaliseSettings({ grading: 'auto' }))!.grading).toBe('path');
    expect(effectiveDefinitions(undefined, model, normaliseSettings({ grading: 'path' }))!.grading).toBe('path');
  });
});

describe('capability gaps', () => {
  const all = { notes: true, hyperlinks: true, merges: true, undoGroup: true, changeEvents: true };
  it('says plainly what an older Excel cannot do, in the UI language', () => {
    expect(capabilityGaps(all, 'ja', true)).toEqual([]);
    const ltsc = capabilityGaps({ ...all, notes: false, undoGroup: false }, 'ja', true);
    expect(ltsc).toHaveLength(2);
    expect(ltsc[0]).toContain('1.18');
    expect(capabilityGaps({ ...all, notes: false }, 'en', true)[0]).toMatch(/^Notes cannot be edited/);
  });
});
