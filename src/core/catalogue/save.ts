/** Saving a workbook file by patching its package (src/xlsx/ooxml): what stops a save. */
import { msg } from './entry';

/** What cannot be kept, as save.unkept lists it: parts of the package and elements of a sheet (src/xlsx/keep-parts.ts). */
export const SAVE_PARTS = {
  'save.part.charts': msg(() => 'グラフ', () => 'charts'),
  'save.part.drawings': msg(() => '図形・グラフの描画', () => 'drawings (shapes, charts)'),
  'save.part.pivot-tables': msg(() => 'ピボットテーブル', () => 'pivot tables'),
  'save.part.external-links': msg(() => '外部リンク', () => 'external links'),
  'save.part.threaded-comments': msg(() => 'スレッド形式のコメント', () => 'threaded comments'),
  'save.part.custom-xml': msg(() => 'カスタム XML', () => 'custom XML'),
  'save.part.embedded': msg(() => '埋め込みオブジェクト・コントロール', () => 'embedded objects and controls'),
  'save.part.slicers': msg(() => 'スライサー', () => 'slicers'),
  'save.part.connections': msg(() => '外部データ接続', () => 'data connections'),
  'save.part.extensions': msg(() => 'Excel 2010 以降の拡張（別シート参照の入力規則、スパークライン等）', () => 'Excel 2010+ extensions (cross-sheet validation lists, sparklines …)'),
  'save.part.protection': msg(() => 'シートの保護', () => 'sheet protection'),
  'save.part.protected-ranges': msg(() => '保護範囲', () => 'protected ranges'),
  'save.part.shapes': msg(() => '図形・グラフ', () => 'shapes and charts'),
  'save.part.picture': msg(() => '背景画像', () => 'background picture'),
  'save.part.ole': msg(() => 'OLE オブジェクト', () => 'OLE objects'),
  'save.part.controls': msg(() => 'フォーム コントロール', () => 'form controls'),
  'save.part.tables': msg(() => 'テーブル', () => 'tables'),
  'save.part.breaks': msg(() => '改ページ', () => 'page breaks'),
  'save.part.validations': msg(() => '入力規則', () => 'data validations'),
  'save.part.conditional-formats': msg(() => '条件付き書式', () => 'conditional formats'),
  'save.part.autofilter': msg(() => 'オートフィルター', () => 'autofilter'),
};

export const SAVE_MESSAGES = {
  /** `ja`/`en`: what cannot be kept, named in each language (save.part.*). */
  'save.unkept': msg(
    (p: { ja: string[]; en: string[] }) =>
      `保存しませんでした: このブックには保存時に保てないものがあります（${p.ja.join('、')}）。ファイルは書き込んでいません。Excel で変更するか、これらを外してから実行してください。`,
    (p) => `Not saved: the file holds what this tool cannot keep when it saves (${p.en.join(', ')}); nothing was written. Make the change in Excel, or remove these first.`,
  ),
  ...SAVE_PARTS,
  // (English lists each kind once, Japanese names the sheet)
  'save.part.on-sheet': msg((p: { what: string; sheet: string }) => `${p.what}（${p.sheet}）`, (p) => p.what),
  // parts the patching save cannot read or find (src/xlsx/ooxml)
  'save.part.not-xml': msg((p: { part: string }) => `${p.part}（XML として読めません）`, (p) => `${p.part} (not readable as XML)`),
  'save.part.notes-drawing': msg((p: { part: string }) => `メモの描画 ${p.part}（XML として読めません）`, (p) => `the notes' drawing ${p.part} (not well-formed XML)`),
  'save.part.sheet-missing': msg((p: { sheet: string }) => `シート「${p.sheet}」（ファイルにありません）`, (p) => `the sheet ${p.sheet} (not in the file)`),
  'save.part.of-deleted-sheet': msg((p: { part: string; sheet: string }) => `削除するシート「${p.sheet}」の ${p.part}`, (p) => `${p.part} of the deleted sheet ${p.sheet}`),
};
