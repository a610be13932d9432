#!/usr/bin/python3
"""Writes examples/partners.xlsx, the template workbook for `xsector import`: a Members sheet
with the columns xsector recognises (and two it keeps as attributes) and a Ties sheet.

Usage: make_partners_template.py OUT.xlsx   (needs python3-openpyxl)
"""
import datetime
import sys

import openpyxl
from openpyxl.styles import Font

wb = openpyxl.Workbook()
members = wb.active
members.title = "Members"
members.append(["Organization", "Sector", "Community Led", "Lived Experience", "Funding", "Tags", "Contact",
                "Joined"])
members.append(["County Health Department", "public-health", False, False, 50000, "lead agency", "A. Rivera",
                datetime.date(2021, 3, 1)])
members.append(["Valley Clinic", "health-care", False, False, 120000, "fqhc", "J. Doe", datetime.date(2021, 3, 1)])
members.append(["Northside Schools", "education", False, False, None, None, None, datetime.date(2022, 9, 1)])
members.append(["Neighbors United", "community-based", True, True, None, "tenant organizing", "M. Chen", None])
members.append(["Resident Council", "residents", True, True, None, None, None, datetime.date(2023, 1, 15)])
ties = wb.create_sheet("Ties")
ties.append(["From", "To", "Level", "Direction", "Kinds"])
ties.append(["County Health Department", "Valley Clinic", "collaborating", "undirected", "information|funding"])
ties.append(["County Health Department", "Northside Schools", "coordinating", "undirected", None])
ties.append(["Valley Clinic", "Neighbors United", "cooperating", "directed", "referrals"])
ties.append(["Neighbors United", "Resident Council", "collaborating", "undirected", None])
for ws in (members, ties):
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for column in ws.columns:
        ws.column_dimensions[column[0].column_letter].width = max(len(str(c.value or "")) for c in column) + 2
wb.save(sys.argv[1])
