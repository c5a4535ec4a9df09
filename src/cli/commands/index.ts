/** Registry of CLI commands: one module per command; add yours here. */
import type { CliCommand } from '../io';
import { checkCommand } from './check';

export const commands: CliCommand[] = [checkCommand];

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
