/**
 * Column insert/delete on the original package (issue #16): a workbook made by Debian's openpyxl
 * (test/support/python/ranges-book.py) holding every kind of range a column move must carry, read
 * back by openpyxl (read-ranges.py) after the patch. Excel's rules are cited in shift.test.ts; here:
 * everything moves together, a range across the new column widens, a range ending left of it widens
 * only when the plan asks (add-year at a table's right edge), delete after insert gives every range
 * back, and a table whose columns would change is refused by name.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { OoxmlPackage } from '../../../src/xlsx/ooxml/package';
import { deleteColumn, insertColumn } from '../../../src/xlsx/ooxml/columns';
import { UnpatchableError } from '../../../src/xlsx/ooxml/cells';
import { convertWithLibreOffice } from '../../support/libreoffice';

const PY = '/usr/bin/python3';
const SUPPORT = join(__dirname, '../../support/python');
const dir = mkdtempSync(join(tmpdir(), 'kpi-cols-'));
const at = (n: string) => join(dir, n);

type Ranges = Record<string, unknown> & { formulas: Record<string, unknown>; header: unknown[]; widths: Record<string, number> };

function read(file: string): Ranges {
  return JSON.parse(execFileSync(PY, [join(SUPPORT, 'read-ranges.py'), file], { encoding: 'utf8' })) as Ranges;
}

/** The openpyxl book, with a shared formula group added by hand (openpyxl writes none): P16:R16 = J16, K16, L16. */
async function book(): Promise<Uint8Array> {
  execFileSync(PY, [join(SUPPORT, 'ranges-book.py'), at('book.xlsx')]);
  const zip = await JSZip.loadAsync(readFileSync(at('book.xlsx')));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const shared = '<c r="P16"><f t="shared" ref="P16:R16" si="0">J16*2</f></c><c r="Q16"><f t="shared" si="0"/></c><c r="R16"><f t="shared" si="0"/></c>';
  zip.file('xl/worksheets/sheet1.xml', xml.replace(/(<row r="16"[^>]*>[\s\S]*?)(<\/row>)/, `$1${shared}$2`));
  // a calculation chain as Excel writes one (openpyxl writes none): it lists P11 by address
  zip.file('xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="P11" i="1"/></calcChain>');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  return zip.generateAsync({ type: 'uint8array' });
}

async function patched(bytes: Uint8Array, edit: (pkg: OoxmlPackage) => Promise<void>, name: string): Promise<{ file: string; zip: JSZip }> {
  const pkg = await OoxmlPackage.open(bytes);
  await edit(pkg);
  const out = await pkg.toBytes();
  writeFileSync(at(name), out);
  return { file: at(name), zip: await JSZip.loadAsync(out) };
}

const part = (zip: JSZip, p: string) => zip.file(p)!.async('string');

let original: Uint8Array;
let before: Ranges;
beforeAll(async () => {
  original = await book();
  writeFileSync(at('original.xlsx'), original);
  before = read(at('original.xlsx'));
});

describe('a column inserted inside the table (add-year after R8, before 目標値)', () => {
  let inserted: { file: string; zip: JSZip };
  let after: Ranges;
  beforeAll(async () => {
    expect((await JSZip.loadAsync(original)).file('xl/calcChain.xml')).not.toBeNull();
    inserted = await patched(original, (pkg) => insertColumn(pkg, '表', 12, 11), 'inserted.xlsx');
    after = read(inserted.file);
  });

  test('print area, autofilter, names, merges over the table widen; シートNo. stays in print', () => {
    expect(after.print_area).toEqual(['$A$10:$O$20']);
    expect(after.auto_filter).toBe('A10:O20');
    // the 担当課 filter (13th column from A) moves with its column
    expect(after.filter_columns).toEqual([13]);
    expect(after.names).toEqual({ KPI表: "'表'!$A$10:$O$20", 目標列: "'表'!$M$11:$M$20" });
    expect(after.merges).toEqual(['A1:O1', 'K5:K6', 'L5:L6']);
    expect(after.print_title_cols).toBe('A:B');
    expect(after.print_title_rows).toBe('10:10');
  });

  test('conditional formats and validations right of the insert move with their formulas; the one ending left of it stays', () => {
    expect(after.conditional).toEqual(['D11:K20', 'O11:O20']);
    expect(after.conditional_formulas).toEqual(['$C11', 'LEN($O11)<2']);
    expect(after.validations).toEqual([['D11:K20', '0'], ['N11:N20', '$N$11:$N$20']]);
    expect(after.other_validations).toEqual([['B1', "'表'!$N$11:$N$20"]]);
  });

  test('cells, formulas on every sheet, notes, breaks, table, widths and the new column styled like its neighbour', () => {
    expect(after.header).toEqual([...(before.header as unknown[]).slice(0, 11), null, ...(before.header as unknown[]).slice(11, 15)]);
    expect(after.formulas).toEqual({ P11: null, P12: null, P13: null, Q11: '=K11/M11', Q12: '=SUM(D12:K12)', Q13: '=$O$13&"番"' });
    expect(after.other_formulas).toEqual(["='表'!M11*2", '=SUM(表!D11:K11)', '=表!B11']);
    expect(after.comments).toEqual([['M12', '目標の根拠']]);
    expect(after.col_breaks).toEqual([13]);
    expect(after.tables).toEqual({ 区分表: 'S30:T31' });
    expect(after.freeze).toBe('D11');
    expect(after.widths).toMatchObject({ K: 14, L: 14, M: 9, O: 7 });
    expect(after.fill_L11).toBe('00FFEECC');
    expect(after.charts).toBe(1);
  });

  test('parts of the sheet: chart anchor, note shape; a shared formula across the insert is unshared; calcChain gone', async () => {
    const drawing = await part(inserted.zip, 'xl/drawings/drawing1.xml');
    expect(/<(?:xdr:)?from><(?:xdr:)?col>(\d+)</.exec(drawing)?.[1]).toBe('18');
    const vml = await part(inserted.zip, 'xl/drawings/commentsDrawing1.vml');
    expect(/Column>(\d+)</.exec(vml)?.[1]).toBe('12');
    const sheet = await part(inserted.zip, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<c r="Q16"><f>J16*2</f></c><c r="R16"><f>K16*2</f></c><c r="S16"><f>M16*2</f></c>');
    expect(inserted.zip.file('xl/calcChain.xml')).toBeNull();
    expect(await part(inserted.zip, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await part(inserted.zip, '[Content_Types].xml')).not.toContain('calcChain');
  });

  test('LibreOffice opens the patched file and reads the moved cells where they are', () => {
    const [csv] = convertWithLibreOffice([inserted.file], at('lo'), { to: 'csv:Text - txt - csv (StarCalc):44,34,76' });
    const rows = readFileSync(csv, 'utf8').split('\n').map((l) => l.split(','));
    expect(rows[9].slice(10, 14)).toEqual(['R8', '', '目標値', '担当課']);
    expect(rows[10][12]).toBe('200');
  }, 180000);

  test('deleting the column again gives every range, cell and part back', async () => {
    const back = await patched(readFileSync(inserted.file), (pkg) => deleteColumn(pkg, '表', 12), 'back.xlsx');
    expect(read(back.file)).toEqual(before);
    const chart = await part(back.zip, 'xl/charts/chart1.xml');
    expect(chart).toContain("'表'!$D$11:$K$11");
  });
});

describe('a column inserted right of the table (the table ends at its newest year)', () => {
  test('Excel semantics: ranges ending left of the insert stay; asked to widen, they take the new column; delete narrows them back', async () => {
    const plain = read((await patched(original, (pkg) => insertColumn(pkg, '表', 15, 14), 'edge.xlsx')).file);
    expect(plain.print_area).toEqual(['$A$10:$N$20']);
    const wide = await patched(original, (pkg) => insertColumn(pkg, '表', 15, 14, { widenRightEdge: true }), 'edge-wide.xlsx');
    const r = read(wide.file);
    expect(r.print_area).toEqual(['$A$10:$O$20']);
    expect(r.auto_filter).toBe('A10:O20');
    expect(r.names).toEqual({ KPI表: "'表'!$A$10:$O$20", 目標列: "'表'!$L$11:$L$20" });
    expect(r.conditional).toEqual(['D11:K20', 'N11:O20']);
    // formulas in cells are the user's: never widened
    expect(r.formulas).toMatchObject({ Q11: '=K11/L11', Q12: '=SUM(D12:K12)' });
    const back = await patched(readFileSync(wide.file), (pkg) => deleteColumn(pkg, '表', 15), 'edge-back.xlsx');
    expect(read(back.file)).toEqual(before);
  });
});

describe('tables', () => {
  test('a column inside a table is refused by name, before anything changes', async () => {
    const pkg = await OoxmlPackage.open(original);
    await expect(insertColumn(pkg, '表', 19, 18)).rejects.toThrow(UnpatchableError);
    await expect(deleteColumn(pkg, '表', 18)).rejects.toThrow(/区分表/);
    expect(pkg.changedParts()).toEqual([]);
  });
});
