/** Comparing editions of the progress table: matching KPIs across editions and the changes found. */
export { compareEditions, type CompareOptions } from './compare';
export { matchKpis, nameSimilarity, placeKpis, renameScore, RENAME_THRESHOLD, type KpiMatching, type Placed } from './match';
export { departmentKey, departments, sameFigure, sheetNoKey } from './figures';
export * from './types';
