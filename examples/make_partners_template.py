#!/usr/bin/python3
"""Writes examples/partners.xlsx: a partner roster as a coalition's backbone keeps it in Excel.

A `Partners` sheet with title rows above the header, the partners' own words for sectors,
a `Partners with` column listing other partners (some pairs listed from both sides, in
their own spelling), community-led and lived-experience marks, a contact person with role,
email and phone (personal data: no shared output shows it without --people names), and
columns xsector keeps as attributes; a `Sectors` sheet mapping the words no taxonomy knows;
a `Governance` sheet giving the steering committee's seats. `xsector report partners.xlsx
-o report/` reads it as it is.

Usage: make_partners_template.py OUT.xlsx   (needs python3-openpyxl)
"""
import sys

import openpyxl
from openpyxl.styles import Font

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Partners"
ws.append(["Riverbend Health Equity Zone: partner roster"])
ws.append(["Kept by the backbone (Riverbend Community Action). Last updated 2024-05-31."])
header = ["Organization", "Sector", "Partners with", "Level", "Community led", "Lived experience",
          "Contact person", "Role", "Email", "Phone", "Joined"]
ws.append(header)
rows = [
    ["Riverbend Community Action", "Community action agency",
     "Mercy Hospital; County Health Dept; Tenant Voices; Riverbend Schools; Food Pantry", "collaborating",
     "yes", "no", "Dana Cole", "HEZ coordinator", "dcole@rca.example", "555-0100", "2019"],
    ["Mercy Hospital", "Hospital", "County Health Dept, Valley Behavioral Health, riverbend community action",
     "cooperating", "no", "no", "Ana Ruiz", "Community health director", "ana.ruiz@mercy.example", "555-0101",
     "2019"],
    ["County Health Dept", "health department", "Mercy Hospital; Riverbend Schools; Transit Authority",
     "coordinating", "no", "no", "Luis Park", "Epidemiologist", "lpark@county.example", None, "2019"],
    ["Riverbend  Schools", "K-12 schools", "county health dept; Parks & Recreation", "coordinating", "no", "no",
     "Ben Okafor", "Wellness lead", "ben.okafor@rbs.example", None, "2020"],
    ["The Food Pantry", "Food bank", "Grace Church; St. Mark's Church", "cooperating", "yes", "no",
     None, None, None, None, "2020"],
    ["Grace Church", "Faith community", "food pantry", "collaborating", "yes", "no",
     "Rev. Amy Lin", "Pastor", None, "555-0140", "2021"],
    ["St. Mark's Church", "Faith community", None, None, "yes", "no", None, None, None, None, "2023"],
    ["Tenant Voices", "Tenant union", "Riverbend Community Action | Housing Authority", "collaborating", "x", "x",
     "Dee Marsh", "Organizer", "dee@tenantvoices.example", None, "2021"],
    ["Housing Authority", "Housing", "Tenant Voices", "networking", "no", "no", None, None, None, None, "2022"],
    ["Valley Behavioral Health", "Counseling center", "Mercy Hospital", None, "no", "no", None, None, None, None,
     "2022"],
    ["Transit Authority", "Transit agency", None, None, "no", "no", None, None, None, None, "2023"],
    ["Parks & Recreation", "City government", "Riverbend Schools", None, "no", "no", None, None, None, None,
     "2023"],
    ["Residents' Council", "Resident group", "Tenant Voices; Riverbend Community Action", "cooperating", "x", "x",
     None, None, None, None, "2022"],
]
for row in rows:
    ws.append(row)
sectors = wb.create_sheet("Sectors")
sectors.append(["Value", "Sector"])
sectors.append(["Community action agency", "community-based"])
sectors.append(["Tenant union", "community-based"])
sectors.append(["Resident group", "residents"])
governance = wb.create_sheet("Governance")
governance.append(["Body", "Rule", "Quota", "Member", "Votes"])
governance.append(["Steering committee", "majority", None, "Riverbend Community Action", 1])
governance.append(["Steering committee", None, None, "Mercy Hospital", 1])
governance.append(["Steering committee", None, None, "County Health Dept", 1])
governance.append(["Steering committee", None, None, "Tenant Voices", 1])
governance.append(["Steering committee", None, None, "Residents' Council", 1])
ws["A1"].font = Font(bold=True, size=14)
for sheet, first in ((ws, 3), (sectors, 1), (governance, 1)):
    for cell in sheet[first]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{first + 1}"
    for column in sheet.iter_cols(min_row=first):
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(width, 50) + 2
wb.save(sys.argv[1])
