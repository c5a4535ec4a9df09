/**
 * The published text itself as a grid (one TAB-separated line per row, no merges, the table of
 * contents included) gives the same findings as the bundled workbook built from it: the rules do not
 * depend on how the sample was laid out.
 */
import { analyse } from '../../src/core/analyse';
import { recognise } from '../../src/core/recognise';
import { publishedTextSnapshot } from '../support/sample';
import { analyseSample } from './support/sample-analysis';

test('same rules fire on the same KPIs, whether read from the text or from the sample workbook', async () => {
  const text = analyse(recognise([publishedTextSnapshot()]));
  const sample = await analyseSample();
  const byName = (r: { analysis: typeof text; model: ReturnType<typeof recognise> }) => {
    const names = new Map(r.model.sheets.flatMap((s) => s.kpis).map((k) => [k.id, k.name]));
    return r.analysis.findings.map((f) => `${f.rule} ${names.get(f.kpi ?? '')}`);
  };
  const fromText = byName({ analysis: text, model: recognise([publishedTextSnapshot()]) });
  expect(fromText).toEqual(byName(sample));
  expect(fromText.length).toBe(39);
});
