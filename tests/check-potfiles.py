#!/usr/bin/env python3
# check-potfiles.py: po/POTFILES.in lists exactly the files with
# translatable strings, so no window or report text is left out of a
# translation and no listed file has gone missing.
#
# Usage: check-potfiles.py SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = []
for line in (root / "po" / "POTFILES.in").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.append(line)

# _ ("…"), N_ ("…"), C_ ("ctx", "…") and ngettext in C; translatable="yes"
# in templates. Tests and benchmarks are not shipped and not translated.
c_mark = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|g_dngettext|ngettext)\s*\(\s*"')
ui_mark = re.compile(r'translatable="yes"')

needed = set()
for path in sorted((root / "src").rglob("*.c")):
    if c_mark.search(path.read_text(errors="replace")):
        needed.add(path.relative_to(root).as_posix())
for path in sorted((root / "ui").glob("*.ui")):
    if ui_mark.search(path.read_text(errors="replace")):
        needed.add(path.relative_to(root).as_posix())

problems = []
for name in sorted(needed - set(listed)):
    problems.append(f"{name}: has translatable strings but is not in po/POTFILES.in")
for name in listed:
    if not (root / name).exists():
        problems.append(f"po/POTFILES.in: {name} does not exist")
if len(set(listed)) != len(listed):
    problems.append("po/POTFILES.in: a file is listed twice")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
