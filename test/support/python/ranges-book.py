"""A workbook holding every kind of range a column insert must move (issue #16), made by openpyxl.

Sheet 表: a KPI-like table A10:N20 (years in columns D..K, 目標値 L, 担当課 M, シートNo. N) with
print area, print titles, autofilter, a defined name, conditional formats, validations, merges,
column widths, a hyperlink, a note, a chart, a column page break, a table right of it and frozen
panes. Sheet 他 refers to 表 in formulas and a cross-sheet validation list.
Usage: ranges-book.py OUT.xlsx
"""
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break, ColBreak
from openpyxl.worksheet.table import Table

wb = Workbook()
ws = wb.active
ws.title = '表'
other = wb.create_sheet('他')
headers = ['番号', 'KPI', '基準値'] + [f'R{y}' for y in range(1, 9)] + ['目標値', '担当課', 'シートNo.']
for c, h in enumerate(headers, start=1):
    ws.cell(row=10, column=c, value=h).font = Font(bold=True)
for r in range(11, 21):
    ws.cell(row=r, column=1, value=r - 10)
    ws.cell(row=r, column=2, value=f'KPI {r - 10}')
    ws.cell(row=r, column=3, value=100)
    for c in range(4, 12):
        ws.cell(row=r, column=c, value=(r * c) % 97).fill = PatternFill('solid', fgColor='FFEECC')
    ws.cell(row=r, column=12, value=200)
    ws.cell(row=r, column=13, value='企画課')
    ws.cell(row=r, column=14, value=f'{r - 10:02d}')
ws['P11'] = '=K11/L11'
ws['P12'] = '=SUM(D12:K12)'
ws['P13'] = '=$N$13&"番"'
ws['A1'] = '進捗状況一覧表'
ws.merge_cells('A1:N1')
ws.merge_cells('K5:K6')
ws.column_dimensions['K'].width = 14
ws.column_dimensions['L'].width = 9
ws.column_dimensions['N'].width = 7
ws.print_area = 'A10:N20'
ws.print_title_cols = 'A:B'
ws.print_title_rows = '10:10'
ws.auto_filter.ref = 'A10:N20'
ws.auto_filter.add_filter_column(12, ['企画課'])
ws.conditional_formatting.add('D11:K20', CellIsRule(operator='lessThan', formula=['$C11'], fill=PatternFill('solid', fgColor='FFC7CE')))
ws.conditional_formatting.add('N11:N20', FormulaRule(formula=['LEN($N11)<2'], fill=PatternFill('solid', fgColor='FFC7CE')))
dv = DataValidation(type='whole', operator='between', formula1='0', formula2='1000')
dv.add('D11:K20')
ws.add_data_validation(dv)
dv2 = DataValidation(type='list', formula1='$M$11:$M$20')
dv2.add('M11:M20')
ws.add_data_validation(dv2)
ws['N11'].hyperlink = '#他!A1'
ws['L12'].comment = Comment('目標の根拠', '企画課')
ws.col_breaks.append(Break(id=12))
ws.freeze_panes = 'D11'
wb.defined_names.append(DefinedName('KPI表', attr_text="'表'!$A$10:$N$20"))
wb.defined_names.append(DefinedName('目標列', attr_text="'表'!$L$11:$L$20"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=4, max_col=11, min_row=11, max_row=11), from_rows=True)
chart.set_categories(Reference(ws, min_col=4, max_col=11, min_row=10, max_row=10))
ws.add_chart(chart, 'R2')
# a table right of the KPI table
ws['R30'] = '区分'
ws['S30'] = '件数'
ws['R31'] = 'a'
ws['S31'] = 1
ws.add_table(Table(displayName='区分表', ref='R30:S31'))
other['A1'] = "='表'!L11*2"
other['A2'] = '=SUM(表!D11:K11)'
other['A3'] = '=表!B11'
dv3 = DataValidation(type='list', formula1="'表'!$M$11:$M$20")
dv3.add('B1')
other.add_data_validation(dv3)
wb.save(sys.argv[1])
