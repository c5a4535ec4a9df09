/** Column inserts and deletes the .xlsx writer refuses (src/xlsx/ooxml/columns.ts). */
import { msg } from './entry';

export const COLUMN_MESSAGES = {
  'columns.table-inside': msg(
    (p: { sheet: string; table: string; column: string }) => `テーブル「${p.table}」（${p.sheet}）の中の ${p.column} 列に列を挿入・削除することはできません`,
    (p) => `cannot insert or delete column ${p.column} inside the table "${p.table}" (${p.sheet})`,
  ),
};
