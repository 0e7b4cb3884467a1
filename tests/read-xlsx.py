#!/usr/bin/python3
# read-xlsx.py: prints what an .xlsx file really holds, as JSON, so the C
# tests can check a report cell by cell with an independent reader.
#
# Usage: read-xlsx.py FILE
# Exit status 77 (with a reason on stderr) when openpyxl is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
except ImportError as e:
    print(f"openpyxl is not importable: {e}", file=sys.stderr)
    sys.exit(77)

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat()
    return value


def raw_numbers(path):
    """The literal <v> text of every numeric cell, by sheet file order, so a
    test can see the exact decimal written and not a float's guess."""
    raw = []
    with zipfile.ZipFile(path) as z:
        names = sorted(
            (n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
            key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)),
        )
        for name in names:
            cells = {}
            root = ET.fromstring(z.read(name))
            for c in root.iter(f"{{{NS['m']}}}c"):
                v = c.find("m:v", NS)
                if v is not None and c.get("t") in (None, "n"):
                    cells[c.get("r")] = v.text
            raw.append(cells)
    return raw


def n_charts(path):
    """How many native charts the file holds."""
    with zipfile.ZipFile(path) as z:
        return sum(1 for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))


def main():
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    raw = raw_numbers(path)
    out = {
        "sheet_names": wb.sheetnames,
        "properties": {
            "title": wb.properties.title,
            "creator": wb.properties.creator,
            "company": None,
        },
        "sheets": {},
        "charts": n_charts(path),
    }
    for index, ws in enumerate(wb.worksheets):
        cws = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells[cell.coordinate] = {
                    "value": plain(cell.value),
                    "cached": plain(cws[cell.coordinate].value),
                    "type": cell.data_type,
                    "is_date": bool(cell.is_date),
                    "number_format": cell.number_format,
                    "bold": bool(cell.font and cell.font.b),
                    "italic": bool(cell.font and cell.font.i),
                    "font_size": float(cell.font.sz) if cell.font and cell.font.sz else None,
                    "font_name": cell.font.name if cell.font else None,
                    "color": (cell.font.color.rgb if cell.font and cell.font.color
                              and isinstance(cell.font.color.rgb, str) else None),
                    "wrap": bool(cell.alignment and cell.alignment.wrap_text),
                    "link": cell.hyperlink.location if cell.hyperlink else None,
                    "raw": raw[index].get(cell.coordinate) if index < len(raw) else None,
                }
        ps = ws.page_setup
        out["sheets"][ws.title] = {
            "cells": cells,
            "freeze_panes": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref,
            "max_row": ws.max_row,
            "max_column": ws.max_column,
            "row_heights": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height},
            "column_widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            # The widths a report asked for, summed: a run of columns of one
            # width is one entry, and libxlsxwriter stores each width with
            # Calibri 11's padding of 5 pixels (0.7109375) added.
            "total_width": sum((v.width - 0.7109375) * ((v.max or v.min or 1) - (v.min or 1) + 1)
                               for v in ws.column_dimensions.values() if v.width),
            "print": {
                "paper_size": int(ps.paperSize) if ps.paperSize is not None else None,
                "orientation": ps.orientation,
                # An absent attribute means 1 (ECMA-376 18.3.1.64), which
                # is what Excel does and what libxlsxwriter relies on.
                "fit_to_width": 1 if ps.fitToWidth is None else int(ps.fitToWidth),
                "fit_to_height": 1 if ps.fitToHeight is None else int(ps.fitToHeight),
                "fit_to_page": bool(ws.sheet_properties.pageSetUpPr
                                    and ws.sheet_properties.pageSetUpPr.fitToPage),
                "print_title_rows": ws.print_title_rows,
                "header_center": ws.oddHeader.center.text,
                "footer_right": ws.oddFooter.right.text,
            },
        }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
