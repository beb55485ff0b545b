#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of `evident-cli heatmap`: exit codes, JSON shape, numbers,
the aligned table.

Usage: test-cli-heatmap.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import os
import re
import tempfile

from cli_tap import check, edit, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
1.3,1.0,Basics,1,Start,Gamma,50,no
2.1,2.0,Security,2,Keys,Delta,300,yes
2.2,2.0,Security,2,Keys,Epsilon,200,no
2.3,2.0,Security,2,Keys,Zeta,150,no
3.1,3.0,Billing,3,Costs,Eta,200,yes
"""

# With --penalty 100. Rows sorted ignoring case, Unassigned last; columns
# low, medium, high, unrated.
#
#   ref  owner          complexity  points  M  status          open?  at risk
#   1.1  Security lead  high          100   M  not-started     open   100 + 100 = 200
#   1.2  Security lead  high           50      met             done
#   1.3  Security lead  high           50      in-progress     open   50
#   2.1  audit lead     low           300   M  ready           done
#   2.2  audit lead     medium        200      not-met         open   200
#   2.3  —              low           150      not-applicable  done
#   3.1  —              unrated       200   M  not-started     open   200 + 100 = 300
EDITS = [
    ("1.1", "--owner", "Security lead", "--complexity", "high"),
    ("1.2", "--owner", "Security lead", "--complexity", "high", "--status", "met"),
    ("1.3", "--owner", "Security lead", "--complexity", "high", "--status", "in-progress"),
    ("2.1", "--owner", "audit lead", "--complexity", "low", "--status", "ready"),
    ("2.2", "--owner", "audit lead", "--complexity", "medium", "--status", "not-met"),
    ("2.3", "--complexity", "low", "--status", "not-applicable", "--reason", "Held already"),
]

OWNERS = ["audit lead", "Security lead", "Unassigned"]
COMPLEXITIES = ["low", "medium", "high", "unrated"]
EXPECTED = {
    "open": {
        "cells": [[0, 1, 0, 0],      # 2.2
                  [0, 0, 2, 0],      # 1.1, 1.3
                  [0, 0, 0, 1]],     # 3.1
        "row_totals": [1, 2, 1],
        "column_totals": [0, 1, 2, 1],
        "total": 4,
    },
    "risk": {
        "cells": [[0, 200, 0, 0],    # 2.2: 200
                  [0, 0, 250, 0],    # 1.1: 200, 1.3: 50
                  [0, 0, 0, 300]],   # 3.1: 200 + 100; 2.3 n/a: nothing
        "row_totals": [200, 250, 300],
        "column_totals": [0, 200, 250, 300],
        "total": 750,
    },
    "done": {
        "cells": [[100, 0, None, None],       # 2.1 ready of 2.1; 2.2 not-met
                  [None, None, 33.3, None],   # 1.2 of 1.1–1.3: 33.33…
                  [100, None, None, 0]],      # 2.3 n/a counts; 3.1 open
        "row_totals": [50, 33.3, 50],         # 1 of 2, 1 of 3, 1 of 2
        "column_totals": [100, 0, 33.3, 0],   # 2 of 2, 0 of 1, 1 of 3, 0 of 1
        "total": 42.9,                        # 3 of 7 = 42.857…
    },
}


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-heatmap-")
    project, _ = new_project(tmp, CHECKLIST, "--penalty", "100")
    edit(project, EDITS, "set assigns owners, complexities and statuses")

    for metric, expected in EXPECTED.items():
        p = run("heatmap", project, "--metric", metric, "--json")
        try:
            data = json.loads(p.stdout) if p.returncode == 0 else {}
        except json.JSONDecodeError:
            data = {}
        check(f"heatmap --metric {metric} --json: shape",
              list(data.keys()) == ["metric", "owners", "complexities", "cells", "row_totals",
                                    "column_totals", "total"]
              and data["metric"] == metric and data["owners"] == OWNERS
              and data["complexities"] == COMPLEXITIES
              and len(data["cells"]) == len(OWNERS)
              and all(len(row) == len(COMPLEXITIES) for row in data["cells"]),
              p.stdout + p.stderr)
        check(f"heatmap --metric {metric} --json: numbers",
              {k: data.get(k) for k in expected} == expected, p.stdout + p.stderr)

    p = run("heatmap", project, "--metric", "done", "--json")
    check("shares are printed with at most one decimal",
          p.returncode == 0 and "33.3," in p.stdout and "42.9" in p.stdout
          and not re.search(r"\d\.\d\d", p.stdout), p.stdout)

    p = run("heatmap", project, "--json")
    check("the metric is open by default",
          p.returncode == 0 and json.loads(p.stdout)["metric"] == "open", p.stdout + p.stderr)

    p = run("heatmap", project)
    lines = p.stdout.rstrip("\n").split("\n")
    table = lines[2:] if len(lines) > 2 else []
    check("the table has a header, one row per owner, Unassigned, then totals",
          p.returncode == 0 and len(table) == 5
          and table[0].split()[:1] == ["Owner"]
          and [row[:len(name)] for row, name in zip(table[1:], OWNERS + ["Total"])]
          == OWNERS + ["Total"], p.stdout + p.stderr)
    check("the table is aligned", len({len(row) for row in table}) == 1, p.stdout)
    check("the table carries the numbers",
          len(table) == 5 and table[2].split()[-5:] == ["0", "0", "2", "0", "2"]
          and table[4].split()[-5:] == ["0", "1", "2", "1", "4"], p.stdout)

    p = run("heatmap", project, "--metric", "done")
    check("the done table shows shares and a dash for empty cells",
          p.returncode == 0 and "33.3 %" in p.stdout and "—" in p.stdout, p.stdout)

    p = run("heatmap", project, "--metric", "bogus")
    check("an unknown metric is a usage error (exit 2)",
          p.returncode == 2 and "metric" in p.stderr, p.stderr)
    p = run("heatmap")
    check("a missing project is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("heatmap", project, "extra")
    check("too many arguments is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("heatmap", os.path.join(tmp, "missing.evident"))
    check("a project that does not exist is an error (exit 1)",
          p.returncode == 1 and "missing.evident" in p.stderr, p.stderr)
    p = run("heatmap", "--help")
    check("heatmap --help", p.returncode == 0 and "Usage" in p.stdout
          and "--metric" in p.stdout, p.stdout + p.stderr)
    p = run("--help")
    check("the command list names heatmap", p.returncode == 0 and "heatmap" in p.stdout,
          p.stdout)

    finish()


main()
