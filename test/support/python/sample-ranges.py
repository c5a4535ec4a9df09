"""The bundled sample with ranges over its table added by openpyxl (issue #16, add-year widening):
autofilter, print titles, defined names (the table; its year columns, ending at the newest year),
a conditional format and a validation over the year columns, a validation on 担当課.
Usage: sample-ranges.py IN.xlsx OUT.xlsx SHEET"""
import sys
from openpyxl import load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

wb = load_workbook(sys.argv[1])
ws = wb[sys.argv[3]]
q = "'" + ws.title.replace("'", "''") + "'"
ws.auto_filter.ref = 'A10:N412'
# print titles as Excel writes them ($A:$C; openpyxl's own print_title_cols leaves out the $)
wb.defined_names.append(DefinedName('_xlnm.Print_Titles', localSheetId=wb.sheetnames.index(ws.title), attr_text=f'{q}!$A:$C,{q}!$10:$11'))
wb.defined_names.append(DefinedName('KPI表', attr_text=f'{q}!$A$10:$N$412'))
wb.defined_names.append(DefinedName('年度列', attr_text=f'{q}!$D$12:$K$412'))
ws.conditional_formatting.add('D12:K412', CellIsRule(operator='lessThan', formula=['0'], fill=PatternFill('solid', fgColor='FFC7CE')))
dv = DataValidation(type='decimal', operator='greaterThanOrEqual', formula1='0')
dv.add('D12:K412')
ws.add_data_validation(dv)
dv2 = DataValidation(type='textLength', operator='lessThanOrEqual', formula1='40')
dv2.add('M12:M412')
ws.add_data_validation(dv2)
wb.save(sys.argv[2])
