/** `kpi-progress link <in.xlsx> -o <out.xlsx> [--management <管理.xlsx>] [--dry-run] [--sheet NAME]` */
import * as path from 'path';
import { planLink } from '../../core/plans/link';
import { openXlsxHostFile } from '../../xlsx/node';
import { makeWriteCommand } from './write-common';

/** The management workbook's path as a link from the output file's folder ("management-sheets.xlsx"). */
export function relativeLink(fromFile: string, target: string): string {
  return path.relative(path.dirname(path.resolve(fromFile)), path.resolve(target)).split(path.sep).join('/');
}

export const linkCommand = makeWriteCommand({
  name: 'link',
  summary: 'cli.summary.link',
  usage: 'kpi-progress link <in.xlsx> -o <out.xlsx> [--management <management.xlsx>] [--dry-run] [--sheet NAME] [--lang en]',
  valued: ['management'],
  async plan(input, args) {
    const file = args.options.management;
    if (typeof file !== 'string') return planLink(input, { surface: 'cli' });
    const mgmt = await openXlsxHostFile(file);
    const sheets = (await mgmt.listSheets()).filter((s) => s.visibility === 'visible').map((s) => s.name);
    return planLink(input, { surface: 'cli', management: { file: relativeLink(args.output ?? args.input, file), sheets } });
  },
});
