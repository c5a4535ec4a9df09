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
