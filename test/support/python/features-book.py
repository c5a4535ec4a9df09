"""Builds a workbook holding what real office files hold (issue #16), from the bundled sample, with
Debian's openpyxl: a chart, a drop-down over one range, a hyperlink with display text, fit-to-page
and centring, notes by real authors. Usage: features-book.py <in.xlsx> <out.xlsx>"""
import sys
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]

chart = BarChart()
chart.title = 'R2 実績'
chart.add_data(Reference(ws, min_col=6, min_row=11, max_row=20), titles_from_data=False)
ws.add_chart(chart, 'P2')

dv = DataValidation(type='list', formula1='"A,B,C,D"', allow_blank=True)
dv.add('L11:L412')
ws.add_data_validation(dv)

ws['A3'].hyperlink = Hyperlink(ref='A3', location="'進捗状況一覧表'!A10", display='表の先頭へ', tooltip='表へ移動')

ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.print_options.horizontalCentered = True
ws.print_options.verticalCentered = True

ws['B3'].comment = Comment('企画政策課の確認済み', '山田 太郎')
ws['M19'].comment = Comment('R3 に見直し予定', '佐藤 花子')

# the list a cross-sheet (x14) validation points to; the test adds that validation by hand
lists = wb.create_sheet('リスト')
for i, v in enumerate(['A', 'B', 'C', 'D'], start=1):
    lists.cell(row=i, column=1, value=v)

wb.save(sys.argv[2])
