/**
 * The yearly round (issue #17) as the pane and the CLI both run it: the copies per 担当課 and the
 * answers read back with their round record. The .xlsx writer is passed in, so that the pane can load
 * exceljs only when asked.
 */
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import type { ProgressModel } from '../core/model';
import { planRound, roundId, ROUND_SHEET, type DepartmentShare, type RoundPlan, type RoundRecord } from '../core/compare/round';
import type { Answer } from '../core/compare/merge';
import { loadWorkbook } from './load';

/** A department name as a file name part: characters Windows refuses become "_". */
export function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export interface RoundCopyOptions {
  year?: number;
  nextYear?: boolean;
  due?: string | null;
  contact?: string | null;
  password?: string;
  lang: Lang;
}

export type CopyWriter = (master: Uint8Array, model: ProgressModel, share: DepartmentShare, record: RoundRecord, options: { lang: Lang; password?: string }) => Promise<Uint8Array>;

/** The round and, lazily, each department's copy `<stem>_<担当課>.xlsx`. */
export function roundCopies(master: Uint8Array, model: ProgressModel, stem: string, write: CopyWriter, options: RoundCopyOptions): { round: RoundPlan; copies: { share: DepartmentShare; file: string; bytes: () => Promise<Uint8Array> }[] } {
  const round = planRound(model, { year: options.year, nextYear: options.nextYear });
  const copies = round.departments.map((share) => {
    const record: RoundRecord = {
      master: stem, department: share.department, year: round.year, nextYear: round.nextYear, id: roundId(stem, round.year, share.department),
      due: options.due ?? null, contact: options.contact ?? null,
    };
    return { share, file: `${stem}_${fileSafe(share.department)}.xlsx`, bytes: () => write(master, model, share, record, { lang: options.lang, password: options.password }) };
  });
  return { round, copies };
}

/** A workbook file's stem ("進捗_R2.xlsx" → "進捗_R2"). */
export function fileStem(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.xlsx?m?$/i, '');
}

/** An answer as the loader reads it, plus its round record (a veryHidden sheet the loader skips). */
export async function readAnswer(host: ProgressHost, file: string, lang: Lang): Promise<Answer> {
  const input = await loadWorkbook(host, { lang });
  const hasRecord = (await host.listSheets()).some((s) => s.name === ROUND_SHEET);
  return { file, model: input.model, snapshots: hasRecord ? [...input.snapshots, await host.readSnapshot(ROUND_SHEET)] : input.snapshots };
}
