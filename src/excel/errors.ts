/** Errors the Excel host reports to the UI, as catalogue messages (src/core/catalogue/errors.ts). */
import { MessageError } from '../core/catalogue';

export function sheetNotFound(sheet: string): MessageError {
  return new MessageError('error.sheet-not-found', { sheet });
}

/** Excel refused a block of writes (e.g. a merged cell an old Excel could not report): say what to do. */
export function writeRefused(error: unknown, block: number, blocks: number): MessageError {
  const why = error instanceof Error ? error.message : String(error);
  return new MessageError('error.write-refused', { why, block, blocks });
}
