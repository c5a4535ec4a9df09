/** Saving a workbook file by patching its package (src/xlsx/ooxml): what stops a save. */
import { msg } from './entry';

export const SAVE_MESSAGES = {
  /** `ja`/`en`: what cannot be kept, listed in each language. */
  'save.unkept': msg(
    (p: { ja: string; en: string }) =>
      `保存しませんでした: このブックには保存時に保てないものがあります（${p.ja}）。ファイルは書き込んでいません。Excel で変更するか、これらを外してから実行してください。`,
    (p) => `Not saved: the file holds what this tool cannot keep when it saves (${p.en}); nothing was written. Make the change in Excel, or remove these first.`,
  ),
};
