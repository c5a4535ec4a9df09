/**
 * The app layer (docs/ARCHITECTURE.md): what the task pane, the ribbon commands, the browser preview
 * and the CLI share between the hosts and the core — loading a workbook into a PlanInput, the
 * planners by command, applying with undo, live re-checks, and the add-in's settings.
 * UIs import from here, never from each other.
 */
export type { PlanInput } from '../core/plans/context';
export { loadWorkbook, loadWorkbookAtOnce, analyseSnapshots, candidateSheets, type LoadOptions } from './load';
export { actionCommands, recheckKpis, replaceSnapshot, type ActionCommand, type EngineContext } from './engine';
export { applyWithUndo, isAvailable, planCommand, undoLastAction, workbookAfterApply, workbookAfterUndo, CommandUnavailableError } from './commands';
export { emptyNewestYears, externalManagement, planAddYearConfirmed, planners, type Planner } from './planners';
export { defaultSettings, memorySettingsStore, normaliseSettings, type AddinSettings, type SettingsStore } from './settings';
export { effectiveDefinitions } from './effective-definitions';
export { fileSafe, fileStem, readAnswer, roundCopies, type CopyWriter, type RoundCopyOptions } from './round';
