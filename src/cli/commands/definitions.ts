/** `kpi-progress definitions <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME]` */
import * as path from 'path';
import { planDefinitions } from '../../core/plans/definitions';
import { makeWriteCommand } from './write-common';

export const definitionsCommand = makeWriteCommand({
  name: 'definitions',
  summary: 'cli.summary.definitions',
  usage: 'kpi-progress definitions <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME] [--lang en]',
  plan: (input, args) => planDefinitions(input, { file: path.basename(args.input), now: new Date() }),
});
