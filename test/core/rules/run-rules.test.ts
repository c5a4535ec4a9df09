/**
 * runRules looks at each KPI once with every rule (one pass), yet lists the findings as the rules are
 * ordered, each rule's in KPI order: the same list as running each rule over the sheet on its own.
 */
import { recognise } from '../../../src/core/recognise';
import { analyse } from '../../../src/core/analyse';
import { RULES, runRules } from '../../../src/core/rules';
import { buildIndex, everyKpi, type RuleContext } from '../../../src/core/rules/context';
import { sampleSnapshots } from '../../support/sample';

test('one pass over the KPIs lists the findings rule by rule, as each rule alone finds them', async () => {
  const model = recognise(await sampleSnapshots());
  const analysis = analyse(model);
  const sheet = model.sheets[0];
  const statuses = new Map(sheet.kpis.map((k) => [k, { status: analysis.kpis[k.id].status, grade: null, progress: null, year: analysis.kpis[k.id].year, pathValue: analysis.kpis[k.id].pathValue, elapsed: null, pathRatio: null, basis: null }]));
  const ctx: RuleContext = { model, sheet, lang: 'en', rounding: analysis.rounding[sheet.sheet], statuses, index: buildIndex(model) };
  const alone = RULES.flatMap((rule) => everyKpi(rule.check)(ctx));
  const together = runRules(ctx);
  expect(together).toEqual(alone);
  // several rules find something, and their findings are not interleaved
  const order = together.map((f) => RULES.findIndex((r) => r.id === f.rule));
  expect(new Set(order).size).toBeGreaterThan(3);
  expect(order).toEqual([...order].sort((a, b) => a - b));
});
