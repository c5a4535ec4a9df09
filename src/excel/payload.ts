/**
 * Excel on the web rejects a request or response above 5 MB. Reads are cut into row blocks sized by a
 * pessimistic bytes-per-cell estimate; writes are measured from the data actually sent.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Keep a margin for the JSON envelope Office.js adds around each operation. */
export const PAYLOAD_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.8);
/** values + formulas + numberFormat of one cell, JSON, UTF-8 (Japanese text is 3 bytes a character);
 *  measured ~30 on the sample, so this leaves a wide margin. */
export const READ_BYTES_PER_CELL = 90;
/** values alone (formulas and formats are then read only where special cells say they are). */
export const VALUE_BYTES_PER_CELL = 40;

export interface RowBlock {
  /** 0-based worksheet row index and row count. */
  rowIndex: number;
  rowCount: number;
}

/** Row blocks covering rowCount rows of colCount columns, each estimated under the budget. */
export function rowBlocks(rowIndex: number, rowCount: number, colCount: number, budget = PAYLOAD_BUDGET_BYTES, full = true): RowBlock[] {
  const perRow = Math.max(1, colCount) * (full ? READ_BYTES_PER_CELL : VALUE_BYTES_PER_CELL);
  const rowsPerBlock = Math.max(1, Math.floor(budget / perRow));
  const blocks: RowBlock[] = [];
  for (let r = 0; r < rowCount; r += rowsPerBlock) {
    blocks.push({ rowIndex: rowIndex + r, rowCount: Math.min(rowsPerBlock, rowCount - r) });
  }
  return blocks;
}

const encoder = new TextEncoder();

/** UTF-8 JSON size of a value about to be sent to Excel. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/** Excel's error codes for an oversized batch (see Excel JavaScript API error codes). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code);
}
