#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of evident-cli: exit codes, messages, JSON output.

Usage: test-cli.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import os
import tempfile

from cli_tap import check, finish, new_project, run


# A small checklist whose scores are computed by hand below.
CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
2.1,2.0,Security,2,Keys,Gamma,300,yes
2.2,2.0,Security,2,Keys,Delta,550,no
"""


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-")
    project, csv = new_project(tmp, CHECKLIST, "--title", "Test audit",
                               "--checklist-version", "4.1", "--pass-score", "600",
                               "--penalty", "100")

    p = run("new", project, "--checklist", csv)
    check("new refuses an existing file (exit 1, names it)",
          p.returncode == 1 and "audit.evident" in p.stderr and p.stderr.count("\n") == 1,
          p.stderr)

    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "w") as f:
        f.write(CHECKLIST + "3.1,3.0,X,3,Y,Eps,ten,no\n")
    other = os.path.join(tmp, "other.evident")
    p = run("new", other, "--checklist", bad)
    check("a malformed checklist names the file and line, creates nothing",
          p.returncode == 1 and "bad.csv" in p.stderr and "Line 6" in p.stderr
          and not os.path.exists(other), p.stderr)
    check("no leftover files after a failed import",
          sorted(os.listdir(tmp)) == ["audit.evident", "bad.csv", "list.csv"],
          str(os.listdir(tmp)))

    p = run("new", other)
    check("new without --checklist is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("frobnicate")
    check("an unknown command is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("score")
    check("a missing argument is a usage error (exit 2)", p.returncode == 2, p.stderr)
    for command in ("new", "items", "set", "score", "history", "check"):
        p = run(command, "--help")
        check(f"{command} --help", p.returncode == 0 and "Usage" in p.stdout, p.stderr)

    p = run("items", project, "--json")
    items = json.loads(p.stdout) if p.returncode == 0 else []
    check("items --json lists every item with its fields",
          [i["ref"] for i in items] == ["1.1", "1.2", "2.1", "2.2"]
          and items[0] == {"ref": "1.1", "chapter": "1.0", "section": "1", "title": "Alpha",
                           "points": 100, "mandatory": True, "status": "not-started",
                           "owner": None, "complexity": "none", "response": None,
                           "recheck": False, "recheck_status": None, "extra": [],
                           "estimate": None},
          p.stdout + p.stderr)

    p = run("set", project, "1.1", "--status", "met", "--owner", "Audit lead",
            "--complexity", "high")
    check("set edits an item", p.returncode == 0, p.stderr)
    p = run("set", project, "2.1", "--status", "ready")
    check("set a second item", p.returncode == 0, p.stderr)
    p = run("set", project, "2.2", "--status", "not-applicable")
    check("not-applicable without a reason is refused (exit 1, names the item)",
          p.returncode == 1 and "2.2" in p.stderr, p.stderr)
    p = run("set", project, "2.2", "--status", "bogus")
    check("an unknown status is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("set", project, "9.9", "--status", "met")
    check("an unknown item is an error naming it (exit 1)",
          p.returncode == 1 and "9.9" in p.stderr, p.stderr)
    p = run("set", project, "1.2", "--status", "not-applicable", "--reason", "Held already")
    check("not-applicable with a reason is taken", p.returncode == 0, p.stderr)

    p = run("score", project, "--json")
    score = json.loads(p.stdout) if p.returncode == 0 else {}
    # confirmed: 1.1 (100) + 1.2 n/a (50) = 150; mandatory 2.1 not counted: -100 → 50
    # projected: + 2.1 ready (300) = 450; no mandatory open → 450
    # best: every item but not-met: 1000
    check("score --json follows the rules",
          score.get("checklist") == {"title": "Test audit", "version": "4.1", "mode": "points",
                                     "max_score": 1000, "pass_score": 600,
                                     "mandatory_penalty": 100}
          and score["views"] == {"confirmed": {"score": 50, "pass": False},
                                 "projected": {"score": 450, "pass": False},
                                 "best": {"score": 1000, "pass": True}},
          p.stdout + p.stderr)
    check("score --json per chapter",
          score.get("chapters") == [
              {"number": "1.0", "title": "Basics", "items": 2, "points": 150,
               "confirmed": 150, "projected": 150},
              {"number": "2.0", "title": "Security", "items": 2, "points": 850,
               "confirmed": 0, "projected": 300}],
          json.dumps(score.get("chapters")))
    # at risk: only 2.2 is not counted in the projected view: 550 (not mandatory)
    check("score --json at risk", score.get("at_risk") == [{"ref": "2.2", "points_at_risk": 550}],
          json.dumps(score.get("at_risk")))

    p = run("score", project)
    check("score prints the three views", p.returncode == 0 and "Confirmed" in p.stdout
          and "Projected" in p.stdout, p.stdout)

    p = run("history", project, "1.1")
    lines = p.stdout.strip().splitlines()
    check("history of one item: one line per field changed",
          p.returncode == 0 and len(lines) == 3
          and any("status" in l and "not-started → met" in l for l in lines), p.stdout)

    p = run("check", project)
    check("check passes on a sound project", p.returncode == 0, p.stderr)

    text = os.path.join(tmp, "notes.evident")
    with open(text, "w") as f:
        f.write("just text\n" * 20)
    before = open(text, "rb").read()
    p = run("score", text)
    check("a file that is not a project is refused and left untouched",
          p.returncode == 1 and "not an Evident project" in p.stderr
          and open(text, "rb").read() == before
          and not os.path.exists(text + "-wal"), p.stderr)

    pf = os.path.join(tmp, "pf.evident")
    run("new", pf, "--checklist", csv, "--mode", "pass-fail")
    run("set", pf, "1.1", "--status", "met")
    p = run("score", pf, "--json")
    views = json.loads(p.stdout)["views"] if p.returncode == 0 else {}
    # confirmed: 1 of 4 counted = 25 %, mandatory 2.1 open → fails
    # best: 4 of 4 = 100 %, passes
    check("pass-fail mode: share in percent, pass needs every mandatory item",
          views.get("confirmed") == {"score": 25, "pass": False}
          and views.get("best") == {"score": 100, "pass": True}, p.stdout + p.stderr)
    run("set", pf, "2.1", "--status", "met")
    p = run("score", pf, "--json")
    views = json.loads(p.stdout)["views"] if p.returncode == 0 else {}
    check("pass-fail mode passes at 50 % once every mandatory item is met",
          views.get("confirmed") == {"score": 50, "pass": True}, p.stdout + p.stderr)

    p = run("--version")
    check("--version", p.returncode == 0 and p.stdout.startswith("evident-cli "), p.stdout)

    finish()


main()
