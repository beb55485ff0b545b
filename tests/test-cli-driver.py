#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of what every evident-cli command shares: --help with the
defaults the command really uses, exit status 0, 1 or 2 with one line on
standard error naming the place, wrong usage caught before any file is
touched, and the shape of every JSON output.

Usage: test-cli-driver.py PATH/TO/evident-cli  (prints TAP)
"""

import hashlib
import json
import os
import re
import shutil
import tempfile

from cli_tap import check, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
2.1,2.0,Security,2,Keys,Gamma,300,yes
"""

COMMANDS = ["new", "inspect", "items", "set", "score", "history", "check", "heatmap", "attach",
            "evidence", "extract", "verify", "cleanup", "export"]


def snapshot(folder):
    """Every file in @folder with its contents."""
    return {name: open(os.path.join(folder, name), "rb").read()
            for name in sorted(os.listdir(folder))}


def default_of(help_text, option):
    """The default that --help states for @option."""
    match = re.search(rf"--{option}=\S+\s.*\(default:? ([^)]+)\)", help_text)
    return match.group(1) if match else None


def test_help():
    p = run("--help")
    listing = {}
    for line in p.stdout.splitlines():
        words = line.split()
        if line.startswith("  ") and words and words[0] in COMMANDS:
            listing[words[0]] = re.split(r"\s{2,}", line.strip())[-1]
    check("--help lists every command with its summary",
          p.returncode == 0 and sorted(listing) == sorted(COMMANDS), p.stdout)

    for command in COMMANDS:
        p = run(command, "--help")
        lines = p.stdout.splitlines()
        first = "FILE" if command == "inspect" else "PROJECT"
        check(f"{command} --help: usage line, the summary of the command list",
              p.returncode == 0 and len(lines) > 3
              and lines[1].startswith(f"  evident-cli {command} [OPTION…] {first}")
              and lines[3] == listing.get(command), p.stdout + p.stderr)

    for command in ("items", "score", "heatmap", "evidence"):
        p = run(command, "--help")
        check(f"{command} --help offers --json", "--json" in p.stdout, p.stdout)
    for command in ("new", "set", "history", "check", "attach", "extract", "verify", "cleanup"):
        p = run(command, "--help")
        check(f"{command} --help offers no --json", "--json" not in p.stdout, p.stdout)
    p = run("set", "--help")
    check("set --help names every field", all(f"--{o}=" in p.stdout for o in (
        "status", "owner", "complexity", "reason", "note", "due")), p.stdout)


def test_defaults(tmp, csv):
    """What --help calls the default is what the command does without the option."""
    help_new = run("new", "--help").stdout
    project = os.path.join(tmp, "defaults.evident")
    run("new", project, "--checklist", csv)
    rules = json.loads(run("score", project, "--json").stdout)["checklist"]
    for option, key in (("pass-score", "pass_score"), ("penalty", "mandatory_penalty")):
        shown = default_of(help_new, option)
        check(f"new --help: the default of --{option} is the one a project gets",
              shown is not None and shown == str(rules[key]),
              f"--help says {shown}, the project has {rules[key]}")
    check("the defaults are the documented rules (900, 200, points)",
          (rules["pass_score"], rules["mandatory_penalty"], rules["mode"])
          == (900, 200, "points"), json.dumps(rules))

    # The mode comes from the checklist: pass/fail when no item has points.
    check("new --help: the mode comes from the checklist",
          default_of(help_new, "mode") == "pass-fail when no item has points, else points",
          help_new)
    no_points = os.path.join(tmp, "no-points.csv")
    with open(no_points, "w", encoding="utf-8") as f:
        f.write("ref,chapter,title\nA-1,A,First\nA-2,A,Second\n")
    for options, mode in (([], "pass-fail"), (["--mode", "points"], "points")):
        derived = os.path.join(tmp, f"no-points-{mode}.evident")
        run("new", derived, "--checklist", no_points, *options)
        rules = json.loads(run("score", derived, "--json").stdout)["checklist"]
        check(f"a checklist without points, {' '.join(options) or 'no --mode'}: {mode}",
              rules["mode"] == mode, json.dumps(rules))
    shown = default_of(run("heatmap", "--help").stdout, "metric")
    metric = json.loads(run("heatmap", project, "--json").stdout)["metric"]
    check("heatmap --help: the default metric is the one used", shown == metric,
          f"--help says {shown}, heatmap uses {metric}")

    shown = default_of(run("attach", "--help").stdout, "kind")
    run("attach", project, "1.1", "https://example.com/a")
    kind = json.loads(run("evidence", project, "--json").stdout)[0]["kind"]
    check("attach --help: the default kind is the one given", shown == kind,
          f"--help says {shown}, attach gave {kind}")


def exit_cases(tmp, project, sha):
    """(command line, exit status, what stderr must name) for every command."""
    missing = os.path.join(tmp, "missing.evident")
    report = os.path.join(tmp, "report.pdf")
    csv = os.path.join(tmp, "list.csv")
    out = os.path.join(tmp, "out.pdf")
    return [
        (["new", os.path.join(tmp, "new.evident"), "--checklist", csv], 0, None),
        (["new", project, "--checklist", csv], 1, "audit.evident"),
        (["new", os.path.join(tmp, "x.evident"), "--checklist", os.path.join(tmp, "no.csv")],
         1, "no.csv"),
        (["new", missing], 2, None),
        (["new", missing, "--checklist", csv, "--mode", "bogus"], 2, None),
        (["new", missing, "--checklist", csv, "--pass-score", "-5"], 2, None),
        (["items", project], 0, None),
        (["items", missing], 1, "missing.evident"),
        (["items", project, "extra"], 2, None),
        (["set", project, "1.2", "--owner", "Ann"], 0, None),
        (["set", project, "9.9", "--status", "met"], 1, "9.9"),
        (["set", project, "1.2", "--status", "not-applicable"], 1, "audit.evident"),
        (["set", missing, "1.2", "--status", "met"], 1, "missing.evident"),
        (["set", project, "1.2"], 2, None),
        (["set", missing, "1.2", "--status", "bogus"], 2, None),
        (["set", missing, "1.2", "--complexity", "bogus"], 2, None),
        (["set", project], 2, None),
        (["score", project], 0, None),
        (["score", missing], 1, "missing.evident"),
        (["score", project, "--bogus"], 2, None),
        (["history", project, "1.2"], 0, None),
        (["history", project, "9.9"], 1, "9.9"),
        (["history", project, "1.2", "extra"], 2, None),
        (["check", project], 0, None),
        (["check", missing], 1, "missing.evident"),
        (["check"], 2, None),
        (["heatmap", project, "--metric", "done"], 0, None),
        (["heatmap", missing], 1, "missing.evident"),
        (["heatmap", missing, "--metric", "bogus"], 2, None),
        (["attach", project, "1.1", report], 0, None),
        (["attach", project, "9.9", report], 1, "9.9"),
        (["attach", project, "1.1", os.path.join(tmp, "gone.pdf")], 1, "gone.pdf"),
        (["attach", missing, "1.1", report, "--kind", "bogus"], 2, None),
        (["attach", project, "1.1"], 2, None),
        (["evidence", project, "1.1"], 0, None),
        (["evidence", project, "9.9"], 1, "9.9"),
        (["evidence", project, "1.1", "extra"], 2, None),
        (["extract", project, sha[:8], out], 0, None),
        (["extract", project, "0" * 64, os.path.join(tmp, "none.pdf")], 1, "0" * 64),
        (["extract", project, sha], 2, None),
        (["verify", project], 0, None),
        (["verify", missing], 1, "missing.evident"),
        (["verify", project, "extra"], 2, None),
        (["cleanup", project], 0, None),
        (["cleanup", missing], 1, "missing.evident"),
        (["cleanup", project, "--bogus"], 2, None),
        (["inspect", csv], 0, None),
        (["inspect", csv, "--json"], 0, None),
        (["inspect", os.path.join(tmp, "no.csv")], 1, "no.csv"),
        (["inspect", csv, "--map", "title=Title,ref=Nope"], 1, "Nope"),
        (["inspect", csv, "--map", "bogus=Title"], 2, None),
        (["inspect", csv, "--header-row", "-1"], 2, None),
        (["inspect"], 2, None),
        (["export", project, "--format", "csv", os.path.join(tmp, "out.csv")], 0, None),
        (["export", project, "--format", "aws-xlsx", os.path.join(tmp, "out.xlsx")], 1,
         "export as XLSX"),
        (["export", missing, "--format", "csv", os.path.join(tmp, "m.csv")], 1,
         "missing.evident"),
        (["export", project, os.path.join(tmp, "f.csv")], 2, None),
        (["export", project, "--format", "pdf", os.path.join(tmp, "f.pdf")], 2, None),
        (["export", project, "--format", "csv"], 2, None),
    ]


def test_exit_codes(tmp, project, sha):
    for args, status, named in exit_cases(tmp, project, sha):
        before = snapshot(tmp) if status == 2 else None
        p = run(*args)
        label = " ".join(os.path.basename(a) if os.sep in a else a for a in args)
        if status == 0:
            check(f"exit 0: {label}", p.returncode == 0 and p.stderr == "", p.stderr)
        elif status == 1:
            check(f"exit 1, one line naming the place: {label}",
                  p.returncode == 1 and p.stderr.startswith("evident-cli: ")
                  and p.stderr.count("\n") == 1 and named in p.stderr, p.stderr)
        else:
            check(f"exit 2 with the command's usage, nothing touched: {label}",
                  p.returncode == 2 and p.stdout == ""
                  and f"evident-cli {args[0]} [OPTION…]" in p.stderr
                  and snapshot(tmp) == before, p.stderr)

    for args, status in ((["frobnicate"], 2), ([], 2), (["--version"], 0), (["help"], 0)):
        p = run(*args)
        check(f"evident-cli {' '.join(args)}: exit {status}", p.returncode == status, p.stderr)


def keys_and_types(value):
    """The shape of a JSON object: its keys in order, with their types."""
    return [(k, type(v).__name__) for k, v in value.items()]


def test_json_shapes(project):
    items = json.loads(run("items", project, "--json").stdout)
    check("items --json: an array of objects of one shape",
          isinstance(items, list) and len(items) == 3
          and keys_and_types(items[0]) == [
              ("ref", "str"), ("chapter", "str"), ("section", "str"), ("title", "str"),
              ("points", "int"), ("mandatory", "bool"), ("status", "str"),
              ("owner", "NoneType"), ("complexity", "str"), ("response", "NoneType"),
              ("recheck", "bool"), ("recheck_status", "NoneType"), ("extra", "list"),
              ("estimate", "NoneType")]
          and items[1]["owner"] == "Ann", json.dumps(items))

    score = json.loads(run("score", project, "--json").stdout)
    check("score --json: the top level",
          list(score) == ["checklist", "views", "chapters", "at_risk"], json.dumps(score))
    check("score --json: the checklist",
          keys_and_types(score["checklist"]) == [
              ("title", "str"), ("version", "str"), ("mode", "str"), ("max_score", "int"),
              ("pass_score", "int"), ("mandatory_penalty", "int")], json.dumps(score))
    check("score --json: the views",
          list(score["views"]) == ["confirmed", "projected", "best"]
          and all(keys_and_types(v) == [("score", "int"), ("pass", "bool")]
                  for v in score["views"].values()), json.dumps(score["views"]))
    check("score --json: the chapters",
          all(keys_and_types(c) == [("number", "str"), ("title", "str"), ("items", "int"),
                                    ("points", "int"), ("confirmed", "int"),
                                    ("projected", "int")] for c in score["chapters"])
          and len(score["chapters"]) == 2, json.dumps(score["chapters"]))
    check("score --json: the items at risk",
          score["at_risk"] and all(keys_and_types(a) == [("ref", "str"),
                                                         ("points_at_risk", "int")]
                                   for a in score["at_risk"]), json.dumps(score["at_risk"]))

    evidence = json.loads(run("evidence", project, "--json").stdout)
    files = [e for e in evidence if e["url"] is None]
    links = [e for e in evidence if e["url"] is not None]
    names = ["ref", "title", "kind", "filename", "content_type", "size", "sha256", "url",
             "added", "verified"]
    check("evidence --json: files and links have the same keys",
          files and links and all(list(e) == names for e in evidence), json.dumps(evidence))
    check("evidence --json: a file's values",
          [t for _, t in keys_and_types(files[0])] == [
              "str", "str", "str", "str", "str", "int", "str", "NoneType", "str", "bool"],
          json.dumps(files[0]))
    check("evidence --json: a link has no size and no SHA-256",
          links[0]["size"] is None and links[0]["sha256"] is None, json.dumps(links[0]))

    for metric, cell in (("open", "int"), ("risk", "int"), ("done", "float")):
        heatmap = json.loads(run("heatmap", project, "--metric", metric, "--json").stdout)
        check(f"heatmap --metric {metric} --json: the shape",
              list(heatmap) == ["metric", "owners", "complexities", "cells", "row_totals",
                                "column_totals", "total"]
              and heatmap["complexities"] == ["low", "medium", "high", "unrated"]
              and all(len(row) == 4 for row in heatmap["cells"])
              and len(heatmap["cells"]) == len(heatmap["owners"]) == len(heatmap["row_totals"])
              and (metric == "done" or type(heatmap["total"]).__name__ == cell),
              json.dumps(heatmap))


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-driver-")
    report = os.path.join(tmp, "report.pdf")
    data = b"%PDF-1.4 driver test"
    with open(report, "wb") as f:
        f.write(data)
    project, csv = new_project(tmp, CHECKLIST, "--title", "Driver")
    run("attach", project, "2.1", report)
    run("attach", project, "1.2", "https://example.com/runbook", "--title", "Runbook")

    test_help()
    test_defaults(tmp, csv)
    test_exit_codes(tmp, project, hashlib.sha256(data).hexdigest())
    test_json_shapes(project)

    shutil.rmtree(tmp)

    finish()


main()
