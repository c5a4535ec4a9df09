/** Errors the host reports to the UI: one sentence in each language saying what and how to fix. */
export class ExcelHostError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(`${ja} / ${en}`);
    this.name = 'ExcelHostError';
  }
}

export function sheetNotFound(sheet: string): ExcelHostError {
  return new ExcelHostError(
    `シート「${sheet}」が見つかりません。名前が変わっていないか確認し、もう一度読み込んでください。`,
    `Sheet "${sheet}" was not found. Check whether it was renamed, then reload.`,
  );
}

/** Excel refused a block of writes (e.g. a merged cell an old Excel could not report): say what to do. */
export function writeRefused(error: unknown, block: number, blocks: number): ExcelHostError {
  const why = error instanceof Error ? error.message : String(error);
  const part = block === 0 ? '' : `（${blocks} 回中 ${block + 1} 回目。それまでの書き込みは反映済み）`;
  const partEn = block === 0 ? '' : ` (block ${block + 1} of ${blocks}; earlier blocks were written)`;
  return new ExcelHostError(
    `Excelが書き込みを拒否しました${part}: ${why}。Excelの「元に戻す」(Ctrl+Z) で戻せます。結合セルやシートの保護を確認して、もう一度実行してください。`,
    `Excel refused the writes${partEn}: ${why}. Excel's Undo (Ctrl+Z) reverts them. Check merged cells and sheet protection, then run it again.`,
  );
}
