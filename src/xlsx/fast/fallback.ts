/**
 * What the read-only reader throws when a package is anything but what it reads exactly as exceljs
 * does: the caller then opens the whole workbook through exceljs (src/xlsx/load.ts), so the snapshot
 * can never differ. The reason is for tests and debugging only, never shown to the user.
 */
export class Unread extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unread';
  }
}

export function unread(reason: string): never {
  throw new Unread(reason);
}
