/** `kpi-progress definitions <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME]` */
import * as path from 'path';
import { planDefinitions } from '../../core/plans/definitions';
import { makeWriteCommand } from './write-common';

export const definitionsCommand = makeWriteCommand({
  name: 'definitions',
  summary: { ja: '「KPI定義」シートを作る（編集して検査の基準にできる）', en: 'add the editable "KPI定義" (KPI definitions) sheet' },
  usage: 'kpi-progress definitions <in.xlsx> -o <out.xlsx> [--dry-run] [--sheet NAME] [--lang en]',
  plan: (input, args) => planDefinitions(input, { file: path.basename(args.input), now: new Date() }),
});
