#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with translatable strings, sorted, and
nothing that does not exist. Prints TAP. Usage: test-potfiles.py SOURCE_ROOT"""

import os
import re
import sys

root = sys.argv[1]
marker = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"|<_?(?:summary|description)\b')
listed = [l.strip() for l in open(os.path.join(root, "po", "POTFILES.in"))
          if l.strip() and not l.startswith("#")]

candidates = []
for top in ("src", "data"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if name.endswith((".c", ".ui", ".in", ".gschema.xml")):
                path = os.path.relpath(os.path.join(dirpath, name), root)
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    text = f.read()
                if name.endswith(".c"):
                    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                if marker.search(text):
                    candidates.append(path)

missing = sorted(set(candidates) - set(listed))
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))

print("1..3")
print(("ok" if not missing else "not ok") + " 1 - every file with translatable strings is listed")
for p in missing:
    print(f"# missing from po/POTFILES.in: {p}")
print(("ok" if not stale else "not ok") + " 2 - every listed file exists")
for p in stale:
    print(f"# listed but absent: {p}")
print(("ok" if listed == sorted(listed) else "not ok") + " 3 - po/POTFILES.in is sorted")
