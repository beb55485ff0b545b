#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`evident-cli export` in every format, each read back: the self-assessment
handed in (imported again: the same items, the answers given), Evident's
CSV (a new project: the same items and state), Jira's CSV (the same
items), the spreadsheet (inspected); failures leave the older file.

Usage: test-cli-export.py PATH/TO/evident-cli PATH/TO/evident-test-fixture
(prints TAP).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from cli_tap import check, edit, finish, run

FIXTURE = sys.argv[2]
ITEM_KEYS = ("ref", "chapter", "section", "title", "points", "mandatory")


def items(project):
    p = run("items", project, "--json")
    return json.loads(p.stdout) if p.returncode == 0 else []


def export(project, fmt, out):
    p = run("export", project, "--format", fmt, out)
    check(f"export --format {fmt}",
          p.returncode == 0 and p.stderr == "" and os.path.exists(out)
          and p.stdout.startswith("Exported "), p.stdout + p.stderr)


def new(project, checklist):
    p = run("new", project, "--checklist", checklist)
    check(f"new from {os.path.basename(checklist)}", p.returncode == 0, p.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-export-")
    workbook = os.path.join(tmp, "self-assessment.xlsx")
    subprocess.run([FIXTURE, "aws", workbook], check=True)
    project = os.path.join(tmp, "audit.evident")
    new(project, workbook)

    runbook = os.path.join(tmp, "runbook.pdf")
    with open(runbook, "wb") as f:
        f.write(b"%PDF-1.4 runbook")
    edit(project, [
        ("OPSP-002", "--status", "met", "--response", "Alerts page the on-call engineer.",
         "--owner", "Ann Example <ann@example.com>", "--complexity", "medium",
         "--due", "2026-03-31", "--note", "Internal: ask Bob"),
        ("SECP-001", "--status", "not-applicable", "--reason", "The customer runs it"),
        ("SECP-002", "--status", "ready", "--response", "Retention, 13 months."),
    ], "the answers are given")
    p = run("attach", project, "OPSP-002", runbook)
    check("a file is attached", p.returncode == 0, p.stderr)

    # The hand-in, read back.
    handed_in = os.path.join(tmp, "handed-in.xlsx")
    export(project, "aws-xlsx", handed_in)
    again = os.path.join(tmp, "again.evident")
    new(again, handed_in)
    before = {i["ref"]: i for i in items(project)}
    after = {i["ref"]: i for i in items(again)}
    check("aws-xlsx read back: the same items",
          list(before) == list(after)
          and all(before[r][k] == after[r][k] for r in before for k in ITEM_KEYS),
          json.dumps(after))
    check("aws-xlsx read back: Met? Yes for met and not applicable, No for the rest",
          [after[r]["status"] for r in ("OPSP-001", "OPSP-002", "SECP-001", "SECP-002",
                                         "OPSP-003")]
          == ["met", "met", "met", "not-met", "not-met"], json.dumps(after))
    check("aws-xlsx read back: the responses with the reason and the evidence",
          after["OPSP-002"]["response"]
          == "Alerts page the on-call engineer.\n\nEvidence:\n- runbook.pdf"
          and after["SECP-001"]["response"] == "Not applicable: The customer runs it"
          and after["SECP-002"]["response"] == "Retention, 13 months."
          and "Internal" not in json.dumps(after), json.dumps(after))

    # Evident's CSV: a new project with the same items and state.
    csv = os.path.join(tmp, "export.csv")
    export(project, "csv", csv)
    copy = os.path.join(tmp, "copy.evident")
    new(copy, csv)
    check("csv read back: the same items and state, responses and extra fields",
          items(copy) == items(project), json.dumps(items(copy)))
    history = run("history", copy).stdout
    check("csv read back: the state is the start, not edits", history.strip() == "", history)
    p = run("export", copy, "--format", "csv", os.path.join(tmp, "again.csv"))
    with open(csv, "rb") as a, open(os.path.join(tmp, "again.csv"), "rb") as b:
        check("csv: exported again, the same file", a.read() == b.read())

    # Jira's CSV: the same items.
    jira = os.path.join(tmp, "jira.csv")
    export(project, "jira-csv", jira)
    with open(jira, encoding="utf-8") as f:
        text = f.read()
    check("jira-csv: summary with the reference, labels, custom fields, the assignee's address",
          text.startswith("Summary,Issue Type,Status,Description,Assignee,Due Date,Labels,Labels,"
                          "Custom field (Points),Custom field (Mandatory)")
          and "OPSP-002 Monitoring and alerting,Task,Done," in text
          and ",ann@example.com,2026-03-31,chapter-1,section-1.1," in text, text[:600])
    from_jira = os.path.join(tmp, "jira.evident")
    new(from_jira, jira)
    jira_items = {i["ref"]: i for i in items(from_jira)}
    check("jira-csv read back: the same items",
          list(jira_items) == list(before)
          and all(before[r][k] == jira_items[r][k] for r in before for k in ITEM_KEYS),
          json.dumps(jira_items))

    # The spreadsheet, inspected.
    sheet = os.path.join(tmp, "audit.xlsx")
    export(project, "xlsx", sheet)
    p = run("inspect", sheet, "--json")
    report = json.loads(p.stdout) if p.returncode == 0 else {}
    check("xlsx: a workbook of the items and a summary, read as the same items",
          report.get("items") == 9 and [s["name"] for s in report["sheets"]]
          == ["Items", "Summary"] and [s["status"] for s in report["sheets"]]
          == ["used", "no-header"] and report["problems"] == []
          and report["sheets"][0]["mapping"]["evidence"] == "Expected evidence",
          p.stdout + p.stderr)

    # Failures: the older file stays.
    out = os.path.join(tmp, "older.xlsx")
    with open(out, "w") as f:
        f.write("older")
    p = run("export", copy, "--format", "aws-xlsx", out)
    with open(out) as f:
        kept = f.read()
    check("aws-xlsx of a project without a workbook: exit 1, the older file kept",
          p.returncode == 1 and "was not imported from a workbook" in p.stderr
          and kept == "older", p.stderr)
    names = sorted(os.listdir(tmp))
    check("nothing left beside the files", all(not n.startswith(".") for n in names), str(names))

    shutil.rmtree(tmp)
    finish()


main()
