#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of evident-cli's tables: every column starts (or, aligned
right, ends) at the same place on screen in every row, whatever the text
holds: umlauts, an ellipsis, combining accents, Chinese and Japanese
characters (two cells wide each), line breaks.

Usage: test-cli-columns.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import os
import re
import shutil
import tempfile
import unicodedata

from cli_tap import check, edit, finish, new_project, run


# References, titles and chapters of every width. "Zwei\nZeilen" spans two
# lines in the file; "Übersicht\u0301" carries a combining accent.
CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Grundlagen,1,Start,Prüfung der Geschäftsführung…,100,yes
Ü-1,1.0,Grundlagen,1,Start,Übersicht\u0301,50,no
監-2,2.0,監査,2,鍵,監査の証拠,300,yes
10.10.10,2.0,監査,2,鍵,"Zwei
Zeilen",5,no
"""

EDITS = [
    ("1.1", "--owner", "Jürgen Müller", "--status", "met", "--complexity", "high"),
    ("Ü-1", "--owner", "山田太郎", "--status", "ready", "--note", "Erste Zeile\nzweite Zeile"),
    ("監-2", "--owner", "Ann", "--status", "in-progress", "--complexity", "low"),
    ("10.10.10", "--status", "not-applicable", "--reason", "Gilt nicht für uns…"),
]

ATTACH = [
    ("1.1", "bericht.pdf", "--title", "Bericht über die Prüfung", "--kind", "process"),
    ("監-2", "証拠.pdf", "--title", "監査の証拠", "--kind", "asset"),
    ("Ü-1", "https://example.com/übersicht", "--title", "Übersicht"),
    ("10.10.10", "bericht.pdf"),
]


def width(text):
    """Terminal cells, as a terminal draws them."""
    cells = 0
    for c in text:
        if unicodedata.category(c) in ("Mn", "Me") or c == "\u200b":
            continue
        cells += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return cells


def columns(line, cells):
    """The screen columns where each of @cells starts and ends in @line,
    found one after the other."""
    spans, pos = [], 0
    for cell in cells:
        pos = line.index(cell, pos)
        start = width(line[:pos])
        spans.append((start, start + width(cell)))
        pos += len(cell)
    return spans


def aligned(lines, rows, right=()):
    """Whether each column of @rows (the cells of each line, in order)
    starts at one place in every line, or ends at one place for the
    columns in @right. Returns (ok, detail)."""
    try:
        spans = [columns(line, cells) for line, cells in zip(lines, rows)]
    except ValueError as e:
        return False, f"a cell is missing: {e}"
    if len(lines) != len(rows):
        return False, f"{len(lines)} lines for {len(rows)} rows"
    for c in range(len(rows[0])):
        edge = 1 if c in right else 0
        places = {span[c][edge] for span in spans}
        if len(places) != 1:
            return False, f"column {c} at {sorted(places)}"
    return True, ""


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-columns-")
    for name in ("bericht.pdf", "証拠.pdf"):
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(b"%PDF-1.4 " + name.encode())
    project, _ = new_project(tmp, CHECKLIST, "--penalty", "100")
    edit(project, EDITS, "set edits the items")
    ok = True
    for ref, what, *args in ATTACH:
        p = run("attach", project, ref, what if what.startswith("https") else os.path.join(tmp, what),
                *args)
        ok = ok and p.returncode == 0
    check("attach adds the evidence", ok, p.stderr)

    # items: ref, status, points (right), M, owner, title
    items = json.loads(run("items", project, "--json").stdout)
    p = run("items", project)
    lines = p.stdout.splitlines()
    rows = [[i["ref"], i["status"], str(i["points"]), i["owner"] or "-",
             i["title"].replace("\n", " ")] for i in items]
    ok, detail = aligned(lines, rows, right={2})
    check("items: one line per item, a line break in a title included",
          p.returncode == 0 and len(lines) == len(items) == 4, p.stdout + p.stderr)
    check("items: columns aligned with umlauts, accents and wide characters", ok,
          detail + "\n" + p.stdout)

    # history: when, who, ref, field, old → new; newest first
    p = run("history", project)
    lines = p.stdout.splitlines()
    # Newest edit first; within an edit, the fields in reverse order. The
    # evidence added after the edits is in the history too.
    order = ["status", "owner", "complexity", "reason", "note", "due"]
    edits = [(ref, "evidence") for ref, *_ in reversed(ATTACH)]
    for ref, *args in reversed(EDITS):
        fields = sorted((opt[2:] for opt in args[::2]), key=order.index, reverse=True)
        edits += [(ref, field) for field in fields]
    rows = [[ref, field] for ref, field in edits]
    # Skip the time stamp and the user's name: search from the reference on.
    ok, detail = aligned([line[line.index("  ", 22):] for line in lines], rows)
    starts = {width(line[:line.index("  ", 22)]) for line in lines}
    check("history: one line per field changed, notes on one line",
          p.returncode == 0 and len(lines) == len(edits), p.stdout + p.stderr)
    check("history: columns aligned with umlauts and wide characters",
          ok and len(starts) == 1, detail + "\n" + p.stdout)
    p = run("history", project, "監-2")
    lines = p.stdout.splitlines()
    check("history REF: the item's fields only",
          p.returncode == 0 and len(lines) == 4 and all("監-2" in line for line in lines),
          p.stdout + p.stderr)

    # evidence: ref, kind, size (right), sha, ✓, title
    evidence = json.loads(run("evidence", project, "--json").stdout)
    p = run("evidence", project)
    lines = p.stdout.splitlines()
    rows = [[e["ref"], e["kind"], (e["sha256"] or "-")[:12]] for e in evidence]
    ok, detail = aligned(lines, rows)
    titles = {width(line[:line.rindex(e["title"])]) for line, e in zip(lines, evidence)}
    check("evidence: one line per piece", p.returncode == 0 and len(lines) == len(ATTACH),
          p.stdout + p.stderr)
    check("evidence: columns aligned with umlauts and wide characters",
          ok and len(titles) == 1, detail + f" titles at {sorted(titles)}\n" + p.stdout)

    # score: chapters (number, title, confirmed, projected, points) and at risk
    p = run("score", project)
    text = p.stdout.split("\n\n")
    chapters = text[2].splitlines()[1:] if len(text) > 2 else []
    ok, detail = aligned(chapters, [["1.0", "Grundlagen"], ["2.0", "監査"]])
    ends = {width(line) for line in chapters}
    check("score: chapter table aligned with wide characters",
          p.returncode == 0 and ok and len(ends) == 1, detail + "\n" + p.stdout)
    views = text[1].splitlines() if len(text) > 1 else []
    verdicts = {width(line[:re.search("  (passes|does not pass)", line).start()])
                for line in views}
    check("score: views aligned", len(views) == 3 and len(verdicts) == 1, p.stdout)

    # heatmap: every row as wide as the header (numbers aligned right)
    p = run("heatmap", project, "--metric", "risk")
    table = p.stdout.split("\n\n", 1)[1].splitlines() if "\n\n" in p.stdout else []
    check("heatmap: rows of one width with wide owner names",
          p.returncode == 0 and len(table) == 6 and len({width(row) for row in table}) == 1
          and any("山田太郎" in row for row in table), p.stdout + p.stderr)

    # The list of commands
    p = run("--help")
    listing = [line for line in p.stdout.splitlines() if line.startswith("  ")]
    summaries = {width(line[:line.rindex("  ") + 2]) for line in listing}
    check("the command list is aligned", p.returncode == 0 and len(listing) >= 12
          and len(summaries) == 1, p.stdout)

    shutil.rmtree(tmp)

    finish()


main()
