/** Pure task pane logic: i18n, theme, settings, findings grouping, live-check targeting, plan text. */
import type { Finding } from '../../src/core/findings';
import type { ProgressModel } from '../../src/core/model';
import type { EditPlan } from '../../src/core/plan';
import { filterFindings, groupFindings } from '../../src/taskpane/findings-view';
import { format, langFromDisplayLanguage, messages } from '../../src/taskpane/i18n';
import { en } from '../../src/taskpane/i18n/en';
import { ja } from '../../src/taskpane/i18n/ja';
import { OwnWrites, restrictToKpis, rowsOf, touchedKpis } from '../../src/taskpane/live';
import { changedCellCount, describeEdit } from '../../src/taskpane/plan-view';
import { normaliseSettings } from '../../src/taskpane/settings';
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

describe('i18n', () => {
  it('is Japanese unless Office says English', () => {
    expect(langFromDisplayLanguage('ja-JP')).toBe('ja');
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('en-GB')).toBe('en');
    expect(langFromDisplayLanguage('fr-FR')).toBe('ja');
    expect(langFromDisplayLanguage(undefined)).toBe('ja');
    expect(messages('en').tabFindings).toBe('Findings');
    expect(messages('ja').tabFindings).toBe('点検');
  });

  it('has every Japanese key in English, non-empty, with the same placeholders', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(en[key]).toBeTruthy();
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(en[key])).toEqual(holes(ja[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} 件 {x}', { n: 3 })).toBe('3 件 {x}');
  });
});

describe('theme and settings', () => {
  it('reads dark and light Office backgrounds', () => {
    expect(themeFromBackground('#1F1F1F')).toBe('dark');
    expect(themeFromBackground('#FFFFFF')).toBe('light');
    expect(themeFromBackground('#E6E6E6')).toBe('light');
    expect(themeFromBackground('not a colour')).toBe('light');
  });

  it('falls back to defaults for malformed stored settings', () => {
    expect(normaliseSettings({ gradeBands: { A: 50, B: 80, C: 10 }, rateMethod: 'x' as never, lang: 'fr' as never })).toEqual({
      gradeBands: { A: 100, B: 80, C: 50 },
      rateMethod: 'ratio',
      managementWorkbook: '',
      lang: null,
    });
    expect(normaliseSettings({ gradeBands: { A: 90, B: 70, C: 40 }, rateMethod: 'gap', managementWorkbook: ' 管理.xlsx ', lang: 'en' })).toEqual({
      gradeBands: { A: 90, B: 70, C: 40 },
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

  it('keeps only rate-row writes of those KPIs and ignores its own writes', () => {
    const plan: EditPlan = {
      command: 'fill',
      summary: 's',
      notices: [],
      edits: [
        { kind: 'setCell', sheet: '進捗', row: 11, col: 5, expect: null, content: { value: 0.5 } },
        { kind: 'setCell', sheet: '進捗', row: 13, col: 5, expect: null, content: { value: 0.7 } },
      ],
    };
    const only = restrictToKpis(plan, model, ['進捗!12']);
    expect(only.edits).toHaveLength(1);
    expect(only.edits[0]).toMatchObject({ row: 13 });
    const own = new OwnWrites(1000);
    own.note(only, 0);
    expect(own.isOwn({ sheet: '進捗', address: 'E13' }, 500)).toBe(true);
    expect(own.isOwn({ sheet: '進捗', address: 'E13' }, 5000)).toBe(false);
    expect(own.isOwn({ sheet: '進捗', address: 'E12:E13' }, 500)).toBe(false);
  });
});

describe('plan preview text', () => {
  it('describes edits by cell and counts distinct cells', () => {
    const plan: EditPlan = {
      command: 'flag',
      summary: 's',
      notices: [],
      edits: [
        { kind: 'setFill', sheet: '進捗', row: 11, col: 5, fill: '#FFC7CE' },
        { kind: 'setNote', sheet: '進捗', row: 11, col: 5, note: '達成率が違います' },
        { kind: 'insertColumn', sheet: '進捗', col: 11, formatFrom: 10 },
      ],
    };
    expect(describeEdit(plan.edits[0])).toEqual({ where: '進捗!E11', what: '■ #FFC7CE' });
    expect(describeEdit(plan.edits[2]).where).toBe('進捗!K:K');
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
