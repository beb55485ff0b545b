#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checklist files through `evident-cli new` and `inspect`, as a user meets
them: AWS's workbook with no options, other shapes with --map, --sheet,
--header-row and --mandatory-level, and every kind of bad input refused
with one line naming the file and the place, no project created.

Usage: test-cli-import.py PATH/TO/evident-cli PATH/TO/evident-test-fixture
(prints TAP). The workbooks are made by evident-test-fixture, from the
builders the core's tests use.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from cli_tap import check, finish, run

FIXTURE = sys.argv[2]

# Refused: the fixture, and what the message must name.
REFUSED = [
    ("zip-bomb", ["times its size"]),
    ("entity-expansion", ["sheet “Checks”", "document type declaration"]),
    ("external-entity", ["xl/sharedStrings.xml", "document type declaration"]),
    ("dtd", ["xl/sharedStrings.xml"]),
    ("encrypted", ["password"]),
    ("xls", [".xls"]),
    ("not-a-zip", ["not an Excel workbook"]),
    ("missing-part", ["sheet “Absent”", "xl/worksheets/sheet2.xml"]),
    ("no-header", ["Sheet “Figures”", "no row names the columns"]),
    ("duplicate", ["Sheet “Operations”, row 6", "OPSP-002", "row 5"]),
]


def fixture(folder, name):
    path = os.path.join(folder, f"{name}.xlsx")
    p = subprocess.run([FIXTURE, name, path], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return path


def items(project):
    p = run("items", project, "--json")
    return {i["ref"]: i for i in json.loads(p.stdout)} if p.returncode == 0 else {}


def one_line_naming(p, parts):
    return (p.returncode == 1 and p.stderr.startswith("evident-cli: ")
            and p.stderr.count("\n") == 1 and all(part in p.stderr for part in parts))


def test_refused(tmp):
    for name, parts in REFUSED:
        folder = os.path.join(tmp, name)
        os.mkdir(folder)
        workbook = fixture(folder, name)
        project = os.path.join(folder, "audit.evident")

        p = run("new", project, "--checklist", workbook)
        check(f"new refuses {name}: one line naming the file and the place",
              one_line_naming(p, [f"{name}.xlsx", *parts]), p.stderr)
        check(f"new refuses {name}: no project, nothing left beside it",
              sorted(os.listdir(folder)) == [f"{name}.xlsx"], str(os.listdir(folder)))

        p = run("inspect", workbook)
        check(f"inspect {name}: exit 1, the same place named",
              one_line_naming(p, [f"{name}.xlsx", *parts]), p.stdout + p.stderr)
        p = run("inspect", workbook, "--json")
        check(f"inspect --json {name}: exit 1", p.returncode == 1, p.stderr)


def test_aws(tmp):
    workbook = fixture(tmp, "aws")
    project = os.path.join(tmp, "aws.evident")

    p = run("inspect", workbook)
    check("inspect: the layout, the sheets, the mapping, the chapters, the skipped rows",
          p.returncode == 0 and "AWS self-assessment workbook" in p.stdout
          and "Introduction  Skipped: no item header" in p.stdout
          and "--map ref=ID,requirement=Requirement Description,met=Met?,"
              "response=Partner Response" in p.stdout
          and "Items: 9, 7 of them mandatory; scoring: pass-fail" in p.stdout
          and "Sheet “Operations”, row 3  Heading" in p.stdout, p.stdout + p.stderr)
    check("inspect creates nothing", sorted(os.listdir(tmp)) == ["aws.xlsx"],
          str(os.listdir(tmp)))

    p = run("inspect", workbook, "--json")
    report = json.loads(p.stdout) if p.returncode == 0 else {}
    check("inspect --json: layout, sheets, chapters, skipped rows, no problems",
          report.get("layout") == "aws-workbook" and report.get("items") == 9
          and [s["status"] for s in report["sheets"]] == ["no-header", "used", "used"]
          and report["sheets"][1]["header"]["row"] == 2
          and [c["number"] for c in report["chapters"]] == ["1", "2"]
          and {"sheet": 1, "row": 3, "place": "Sheet “Operations”, row 3", "reason": "band"}
          in report["skipped"] and report["problems"] == [], p.stdout)

    p = run("new", project, "--checklist", workbook)
    check("new: an AWS workbook needs no options (pass/fail)",
          p.returncode == 0 and p.stdout == f"Created “{project}” with 9 items in 2 chapters "
          "(pass/fail)\n", p.stdout + p.stderr)
    got = items(project)
    check("new: the answers in the workbook are the state",
          got["OPSP-001"]["status"] == "met"
          and got["OPSP-001"]["response"]
          == "Runbooks live in the operations wiki; the index is attached."
          and got["SECP-003"]["status"] == "not-met" and got["OPSP-002"]["status"] == "not-started"
          and got["OPSP-002"]["response"] is None, json.dumps(got["OPSP-001"]))

    p = run("new", os.path.join(tmp, "business.evident"), "--checklist", workbook,
            "--sheet", "business", "--mode", "points")
    business = items(os.path.join(tmp, "business.evident"))
    rules = json.loads(run("score", os.path.join(tmp, "business.evident"), "--json").stdout)
    check("--sheet takes one sheet (any case); --mode overrides the checklist's",
          p.returncode == 0 and sorted(business) == ["BUSP-001", "BUSP-002"]
          and rules["checklist"]["mode"] == "points", p.stdout + p.stderr)

    p = run("new", os.path.join(tmp, "none.evident"), "--checklist", workbook, "--sheet", "Nope")
    check("--sheet with a sheet that is not there names the sheets there are",
          one_line_naming(p, ["“Nope”", "“Operations”", "“Business”"])
          and not os.path.exists(os.path.join(tmp, "none.evident")), p.stderr)

    # The response, edited and in the history.
    p = run("set", project, "OPSP-002", "--response", "Alerts page the on-call engineer.")
    got = items(project)
    history = run("history", project, "OPSP-002").stdout
    check("set --response: the response, in the history",
          p.returncode == 0
          and got["OPSP-002"]["response"] == "Alerts page the on-call engineer."
          and "response" in history and "— → Alerts page the on-call engineer." in history,
          p.stderr + history)
    p = run("set", project, "OPSP-002", "--owner", "Ann Example <ann@example.com>")
    check("set --owner “Name <address>”: the name is the owner",
          p.returncode == 0 and items(project)["OPSP-002"]["owner"] == "Ann Example", p.stderr)
    p = run("set", project, "OPSP-002", "--owner", "Bob <bob at example>")
    check("set --owner with a bad address: exit 1, names it",
          one_line_naming(p, ["bob at example"]), p.stderr)


MAPPED = """Internal checklist, version 2
Kennung,Anforderung,Stufe,Bereich
K-1,Keys are rotated every year.,1,Crypto
K-2,Keys are kept in a hardware module.,2,Crypto
K-3,Access is reviewed quarterly.,1,Access
"""


def test_mapped(tmp):
    csv = os.path.join(tmp, "mapped.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write(MAPPED)
    project = os.path.join(tmp, "mapped.evident")
    options = ["--header-row", "2", "--map", "ref=Kennung,requirement=Anforderung,level=Stufe"]

    p = run("inspect", csv)
    check("inspect: a file whose columns it does not know is not importable (exit 1)",
          p.returncode == 1 and "1 problem stops the import:" in p.stdout
          and one_line_naming(p, ["mapped.csv"]), p.stdout + p.stderr)

    p = run("inspect", csv, *options, "--mandatory-level", "1")
    check("inspect with --header-row and --map: importable, levels offered",
          p.returncode == 0 and "Items: 3, 2 of them mandatory" in p.stdout
          and "Levels 1 to 2 (--mandatory-level 1)" in p.stdout, p.stdout + p.stderr)

    p = run("new", project, "--checklist", csv, *options, "--mandatory-level", "1")
    got = items(project)
    check("new with --map, --header-row and --mandatory-level",
          p.returncode == 0 and sorted(got) == ["K-1", "K-2", "K-3"]
          and p.stdout.endswith(" with 3 items in 1 chapter (pass/fail)\n")
          and got["K-1"]["mandatory"] and not got["K-2"]["mandatory"]
          and got["K-1"]["title"] == "Keys are rotated every year"
          and {"name": "Bereich", "value": "Crypto"} in got["K-1"]["extra"],
          p.stdout + p.stderr + json.dumps(got))

    p = run("new", os.path.join(tmp, "x.evident"), "--checklist", csv, "--header-row", "2",
            "--map", "ref=Kennung,requirement=Anforderung", "--mandatory-level", "1")
    check("--mandatory-level without a level column: exit 1, says what to map",
          one_line_naming(p, ["mapped.csv", "--map level=COLUMN"])
          and not os.path.exists(os.path.join(tmp, "x.evident")), p.stderr)

    p = run("new", os.path.join(tmp, "x.evident"), "--checklist", csv, "--header-row", "2",
            "--map", "ref=Nummer")
    check("--map naming a column the header lacks: exit 1, names it",
          one_line_naming(p, ["Nummer"]) and not os.path.exists(os.path.join(tmp, "x.evident")),
          p.stderr)
    p = run("new", os.path.join(tmp, "x.evident"), "--checklist", csv, "--map", "colour=Kennung")
    check("--map with an unknown field: usage error", p.returncode == 2, p.stderr)


def test_values(tmp):
    workbook = fixture(tmp, "formulas-dates")
    project = os.path.join(tmp, "values.evident")
    out = os.path.join(tmp, "values.csv")

    p = run("new", project, "--checklist", workbook)
    got = items(project)
    run("export", project, "--format", "csv", out)
    with open(out, encoding="utf-8-sig") as f:
        exported = f.read()
    check("formulas give their cached values, inline and shared strings their text",
          p.returncode == 0 and got["FD-1"]["points"] == 10 and got["FD-2"]["points"] == 15
          and got["FD-1"]["title"] == "Inline title" and got["FD-2"]["title"] == "Shared rich title",
          p.stderr + json.dumps(got))
    check("a date cell is an ISO date", ",2026-03-31," in exported and ",2026-04-01," in exported,
          exported)


def test_hidden(tmp):
    workbook = fixture(tmp, "hidden-rows")
    project = os.path.join(tmp, "hidden.evident")

    p = run("inspect", workbook)
    check("inspect lists the hidden rows it skips",
          p.returncode == 0
          and "Skipped: 2 hidden rows on sheet “Checks” (unhide them in the workbook to import them)"
          in p.stdout, p.stdout + p.stderr)
    p = run("new", project, "--checklist", workbook)
    got = items(project)
    check("new: hidden rows give no items; 1.10 formatted 0.00 is 1.10",
          p.returncode == 0 and sorted(got) == ["1.1", "1.10", "1.4"]
          and got["1.10"]["title"] == "Review the register", p.stderr + json.dumps(got))


def test_large(tmp):
    workbook = fixture(tmp, "rows-100000")
    project = os.path.join(tmp, "large.evident")

    p = run("inspect", workbook, "--json")
    report = json.loads(p.stdout) if p.returncode == 0 else {}
    check("inspect: 100,000 rows", report.get("items") == 100000, p.stderr)
    p = run("new", project, "--checklist", workbook)
    check("new: 100,000 items", p.returncode == 0 and "100000 items in 10 chapters" in p.stdout,
          p.stdout + p.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-import-")
    for test in (test_refused, test_aws, test_mapped, test_values, test_hidden, test_large):
        folder = os.path.join(tmp, test.__name__)
        os.mkdir(folder)
        test(folder)
    shutil.rmtree(tmp)
    finish()


main()
