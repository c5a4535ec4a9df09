/** Hand-made definitions (KPI定義 rows) for the fast unit tests. */
import { emptyDefinition, type KpiDefinition } from '../../../src/core/definitions';

export function makeDef(over: Partial<KpiDefinition> = {}): KpiDefinition {
  return { ...emptyDefinition('テストKPI', 2), ...over };
}
