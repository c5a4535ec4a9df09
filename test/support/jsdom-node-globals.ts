/**
 * Node globals jsdom's test environment leaves out but the code under test (exceljs, the Excel host's
 * payload sizes) uses in a browser, where they exist. Import first in a jsdom test.
 */
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.setImmediate ??= (f: () => void) => setTimeout(f, 0);
g.clearImmediate ??= (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
