"""Prints as JSON the ranges of one sheet that a column insert moves, as openpyxl reads them.
Usage: sheet-ranges.py BOOK.xlsx SHEET"""
import json
import sys
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter


def covered(validations):
    """Cells each rule covers, as one rectangle when they form one (a writer may split a range)."""
    cells = {}
    for v in validations:
        key = f'{v.type} {v.operator or ""} {v.formula1}'
        for rng in v.sqref.ranges:
            for row in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    cells.setdefault(key, set()).add((row, col))
    out = {}
    for key, s in cells.items():
        r0, r1 = min(r for r, _ in s), max(r for r, _ in s)
        c0, c1 = min(c for _, c in s), max(c for _, c in s)
        whole = len(s) == (r1 - r0 + 1) * (c1 - c0 + 1)
        out[key] = f'{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}' if whole else sorted(s)
    return out

wb = load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps({
    'print_area': ws.print_area,
    'print_title_cols': ws.print_title_cols,
    'print_title_rows': ws.print_title_rows,
    'auto_filter': ws.auto_filter.ref,
    'names': {d.name: d.attr_text for d in wb.defined_names.definedName if not d.name.startswith('_xlnm')},
    'conditional': sorted(str(cf.sqref) for cf in ws.conditional_formatting),
    'validations': covered(ws.data_validations.dataValidation),
    'header': [ws.cell(row=10, column=c).value for c in range(1, 17)],
}, ensure_ascii=False))
