"""Prints as JSON what ranges-book.py put in a workbook, as openpyxl reads it back.
Usage: read-ranges.py BOOK.xlsx"""
import json
import sys
from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
ws = wb['表']
other = wb['他']
out = {
    'print_area': ws.print_area,
    'print_title_cols': ws.print_title_cols,
    'print_title_rows': ws.print_title_rows,
    'auto_filter': ws.auto_filter.ref,
    'filter_columns': [f.colId for f in ws.auto_filter.filterColumn],
    'names': {d.name: d.attr_text for d in wb.defined_names.definedName if d.name in ('KPI表', '目標列')},
    'conditional': sorted(str(cf.sqref) for cf in ws.conditional_formatting),
    'conditional_formulas': sorted(f for cf in ws.conditional_formatting for r in cf.rules for f in r.formula),
    'validations': sorted([str(v.sqref), v.formula1 or ''] for v in ws.data_validations.dataValidation),
    'other_validations': [[str(v.sqref), v.formula1] for v in other.data_validations.dataValidation],
    'merges': sorted(str(m) for m in ws.merged_cells.ranges),
    'widths': {k: ws.column_dimensions[k].width for k in ['K', 'L', 'M', 'N', 'O']},
    'hyperlinks': [[h.ref, h.location] for h in ws._hyperlinks] if ws._hyperlinks else [[c.coordinate, c.hyperlink.location] for row in ws.iter_rows() for c in row if c.hyperlink],
    'comments': [[c.coordinate, c.comment.text] for row in ws.iter_rows() for c in row if c.comment],
    'col_breaks': [b.id for b in ws.col_breaks.brk],
    'freeze': ws.freeze_panes,
    'tables': {t.displayName: t.ref for t in ws.tables.values()},
    'formulas': {a: ws[a].value for a in ['P11', 'P12', 'P13', 'Q11', 'Q12', 'Q13']},
    'other_formulas': [other['A1'].value, other['A2'].value, other['A3'].value],
    'header': [ws.cell(row=10, column=c).value for c in range(1, 17)],
    'row11': [ws.cell(row=11, column=c).value for c in range(1, 17)],
    'fill_L11': ws['L11'].fill.fgColor.rgb,
    'charts': len(ws._charts),
}
print(json.dumps(out, ensure_ascii=False))
