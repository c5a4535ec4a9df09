/**
 * The two things the Excel host needs from Office: running a batch and asking which API sets exist.
 * Injected so tests run the same code against the strict double in test/support/fake-excel.ts.
 */
import type { OfficeFileDocument } from './file';

export interface ExcelEnv {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context (Excel.run(context, …)), e.g. to remove an event handler. */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ('ExcelApi', '1.13'). */
  isSetSupported(name: string, version: string): boolean;
  /** Office.context.document, for the workbook as a file (src/excel/file.ts); absent where there is none. */
  readonly document?: OfficeFileDocument;
}

/** The real Office environment (only valid inside Excel, after Office.onReady). */
export function officeEnv(): ExcelEnv {
  return {
    run: (options, batch) => Excel.run(options, batch),
    runIn: (context, batch) => Excel.run(context, batch),
    get document() {
      return typeof Office === 'undefined' ? undefined : (Office.context?.document ?? undefined);
    },
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}
