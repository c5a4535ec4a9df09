/**
 * Registry of CLI commands: one module per command, loaded only when its command runs or the help
 * lists them all (`check` loads none of the writers, planners and savers); add yours here.
 */
import type { CliCommand } from '../io';

const registry: { name: string; load: () => Promise<CliCommand> }[] = [
  { name: 'check', load: async () => (await import('./check')).checkCommand },
  { name: 'fill', load: async () => (await import('./fill')).fillCommand },
  { name: 'flag', load: async () => (await import('./flag')).flagCommand },
  { name: 'unflag', load: async () => (await import('./flag')).unflagCommand },
  { name: 'link', load: async () => (await import('./link')).linkCommand },
  { name: 'add-year', load: async () => (await import('./add-year')).addYearCommand },
  { name: 'definitions', load: async () => (await import('./definitions')).definitionsCommand },
  { name: 'report', load: async () => (await import('./report')).reportCommand },
  { name: 'undo', load: async () => (await import('./undo')).undoCommand },
  { name: 'clean', load: async () => (await import('./undo')).cleanCommand },
  { name: 'diff', load: async () => (await import('./diff')).diffCommand },
  { name: 'split', load: async () => (await import('./split')).splitCommand },
  { name: 'merge', load: async () => (await import('./merge')).mergeCommand },
];

/** Every command (loads them all: for the help). */
export async function allCommands(): Promise<CliCommand[]> {
  return Promise.all(registry.map((c) => c.load()));
}

/** The command of that name, its module loaded now; undefined for an unknown name. */
export async function findCommand(name: string): Promise<CliCommand | undefined> {
  return registry.find((c) => c.name === name)?.load();
}
