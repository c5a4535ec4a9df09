/** Registry of CLI commands: one module per command; add yours here. */
import type { CliCommand } from '../io';
import { checkCommand } from './check';
import { addYearCommand } from './add-year';
import { definitionsCommand } from './definitions';
import { fillCommand } from './fill';
import { flagCommand, unflagCommand } from './flag';
import { linkCommand } from './link';
import { reportCommand } from './report';
import { cleanCommand, undoCommand } from './undo';
import { diffCommand } from './diff';
import { mergeCommand } from './merge';
import { splitCommand } from './split';

export const commands: CliCommand[] = [
  checkCommand,
  fillCommand,
  flagCommand,
  unflagCommand,
  linkCommand,
  addYearCommand,
  definitionsCommand,
  reportCommand,
  undoCommand,
  cleanCommand,
  diffCommand,
  splitCommand,
  mergeCommand,
];

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
