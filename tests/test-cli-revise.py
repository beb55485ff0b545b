#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A checklist revision through evident-cli, as a user meets it: `revise
--dry-run` (text and JSON) changing nothing, `revise` carrying the work,
`items --json` flagging re-checks, `set --confirm`, `versions`, `archive`
and `reattach`, pairs made and unmade by hand, the import's options, and
malformed or unrelated files refused before anything changes.

Usage: test-cli-revise.py PATH/TO/evident-cli  (prints TAP). The checklists
are tests/data/revision-*.csv.
"""

import hashlib
import json
import os
import tempfile

from cli_tap import check, edit, finish, run

DATA = os.path.join(os.environ["G_TEST_SRCDIR"], "data")
OLD = os.path.join(DATA, "revision-4.1.csv")
MINOR = os.path.join(DATA, "revision-4.1.1.csv")
NEW = os.path.join(DATA, "revision-4.2.csv")

MAPPING = [
    ("1.1", "1.1", "unchanged"),
    (None, "1.2", "new"),
    ("1.2", "1.3", "moved"),
    ("2.1", "2.1", "reworded"),
    ("2.2", "2.2", "reworded"),
    ("2.3", "2.3", "reworded"),
    ("2.3", "2.4", "split"),
    ("2.4", "2.5", "reworded"),
    ("3.2", "3.1", "reworded"),
    ("3.1", "3.2", "reworded"),
    (None, "4.1", "new"),
    ("4.1", "5.1", "moved"),
    ("4.2", "5.2", "moved"),
    ("1.3", None, "removed"),
    ("2.5", "2.5", "merged"),
]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def as_json(p):
    try:
        return json.loads(p.stdout) if p.returncode == 0 else None
    except ValueError:
        return None


def items(project):
    return {i["ref"]: i for i in as_json(run("items", project, "--json")) or []}


def evidence(project, ref):
    listed = as_json(run("evidence", project, ref, "--json")) or []
    return [e["title"] for e in listed]


def one_line(p, *parts):
    return (p.returncode == 1 and p.stderr.startswith("evident-cli: ")
            and p.stderr.count("\n") == 1 and all(part in p.stderr for part in parts))


def new_project(tmp, name="audit.evident", work=True):
    """Version 4.1 with some work done on it."""
    project = os.path.join(tmp, name)
    p = run("new", project, "--checklist", OLD, "--checklist-version", "4.1")
    check(f"new {name}", p.returncode == 0, p.stderr)
    if not work:
        return project
    report = os.path.join(tmp, "scan.pdf")
    with open(report, "w") as f:
        f.write("scan report")
    patch = os.path.join(tmp, "patch.pdf")
    with open(patch, "w") as f:
        f.write("patch report")
    edit(project, [
        ("1.2", "--status", "met", "--owner", "Bob", "--response", "The catalogue is online."),
        ("1.3", "--status", "in-progress", "--note", "Sponsor named"),
        ("2.1", "--status", "ready", "--owner", "Carol"),
        ("2.2", "--status", "met", "--note", "CAB minutes"),
        ("2.4", "--status", "in-progress", "--owner", "Dave"),
        ("2.5", "--status", "met", "--response", "Scans run weekly."),
        ("3.1", "--status", "met", "--owner", "Erin"),
        ("3.2", "--status", "not-applicable", "--reason", "No public endpoints"),
    ], f"the work on {name}")
    attached = [run("attach", project, "2.4", patch), run("attach", project, "2.5", report),
                run("attach", project, "1.3", "https://intranet.example.com/sponsor")]
    check(f"evidence on {name}", all(p.returncode == 0 for p in attached),
          "".join(p.stderr for p in attached))
    return project


def test_dry_run(tmp):
    project = new_project(tmp)
    before = digest(project)

    p = run("revise", project, NEW, "--dry-run")
    check("revise --dry-run succeeds", p.returncode == 0, p.stderr)
    lines = p.stdout.splitlines()
    check("the text names both versions and the file",
          lines and lines[0].endswith("checklist 4.1 → 4.2 (revision-4.2.csv)"), p.stdout)
    check("the text shows each pair, its relation and what the item becomes",
          any(l.split()[:5] == ["2.2", "→", "2.2", "reworded", "66"]
              and l.endswith("ready, re-check (was met)") for l in lines)
          and any(l.split()[:4] == ["1.3", "→", "-", "removed"] for l in lines), p.stdout)
    check("the text counts the relations",
          "Items: 1 unchanged, 3 moved, 6 reworded, 1 split, 1 merged, 2 new, 1 removed; "
          "4 to re-check" in p.stdout, p.stdout)
    check("a dry run changes nothing", digest(project) == before
          and "Nothing was changed (--dry-run)." in p.stdout)

    plan = as_json(run("revise", project, NEW, "--dry-run", "--json"))
    check("--json prints the plan", plan is not None)
    if plan is None:
        return
    check("the exact mapping",
          [(i["old"], i["new"], i["relation"]) for i in plan["items"]] == MAPPING,
          json.dumps([(i["old"], i["new"], i["relation"]) for i in plan["items"]]))
    by_new = {i["new"]: i for i in plan["items"] if i["new"] and i["relation"] != "merged"}
    check("statuses before and after, and the re-check flag",
          by_new["2.2"]["status_before"] == "met" and by_new["2.2"]["status_after"] == "ready"
          and by_new["2.2"]["recheck"] and not by_new["1.3"]["recheck"]
          and by_new["2.5"]["recheck_status"] == "met" and by_new["1.3"]["recheck_status"] is None
          and by_new["3.1"]["status_after"] == "not-applicable"
          and by_new["2.4"]["status_after"] == "not-started"
          and by_new["2.5"]["status_after"] == "ready", json.dumps(by_new["2.5"]))
    check("every entry has the same keys",
          all(list(i) == list(plan["items"][0]) for i in plan["items"])
          and by_new["1.2"]["status_before"] is None and by_new["1.1"]["diff"] is None,
          json.dumps(plan["items"][:2]))
    diff = (by_new["2.1"]["diff"] or {}).get("requirement", [])
    check("a reworded item's word diff, as data",
          {"op": "insert", "text": "the"} in diff and {"op": "delete", "text": "every"} in diff
          and {"op": "insert", "text": "each"} in diff, json.dumps(diff))
    check("similarities", by_new["1.3"]["similarity"] == 1
          and 0.5 <= by_new["3.2"]["similarity"] < 0.6, json.dumps(by_new["3.2"]))
    check("counts, the share matched, no warnings",
          plan["counts"] == {"unchanged": 1, "moved": 3, "reworded": 6, "split": 1,
                             "merged": 1, "new": 2, "removed": 1}
          and plan["matched"] == 0.917 and not plan["unrelated"] and plan["warnings"] == []
          and plan["recheck"] == 4 and plan["applied"] is False, json.dumps(plan["counts"]))
    score = plan["score"]
    check("the score before and after in every view",
          score["before"]["max_score"] == 85 and score["after"]["max_score"] == 95
          and score["before"]["projected"]["score"] == 50 - 200 * 2
          and set(score["after"]) == {"mode", "max_score", "confirmed", "projected", "best"},
          json.dumps(score))
    check("JSON changes nothing either", digest(project) == before)


def test_apply(tmp):
    project = new_project(tmp)
    p = run("revise", project, NEW)
    check("revise applies", p.returncode == 0 and "The project is on 4.2 now" in p.stdout,
          p.stderr)
    listed = items(project)
    check("the new version's items", sorted(listed) == sorted(
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "4.1", "5.1",
         "5.2"]), " ".join(sorted(listed)))
    check("a moved item keeps everything",
          listed["1.3"]["status"] == "met" and listed["1.3"]["owner"] == "Bob"
          and listed["1.3"]["response"] == "The catalogue is online."
          and listed["1.3"]["recheck"] is False, json.dumps(listed["1.3"]))
    check("items --json flags re-checks with the old status",
          listed["2.2"]["status"] == "ready" and listed["2.2"]["recheck"] is True
          and listed["2.2"]["recheck_status"] == "met"
          and listed["2.1"]["recheck_status"] == "ready"
          and listed["1.1"]["recheck_status"] is None, json.dumps(listed["2.2"]))
    check("the swapped items keep their own work",
          listed["3.2"]["owner"] == "Erin" and listed["3.2"]["status"] == "ready"
          and listed["3.1"]["status"] == "not-applicable", json.dumps(listed["3.1"]))
    check("new items start not started",
          listed["1.2"]["status"] == "not-started" and listed["4.1"]["status"] == "not-started")
    check("a merged item unites the evidence",
          evidence(project, "2.5") == ["patch.pdf", "scan.pdf"]
          and listed["2.5"]["owner"] == "Dave" and listed["2.5"]["recheck"] is True,
          " ".join(evidence(project, "2.5")))
    table = run("items", project).stdout
    check("the item list shows the re-check",
          any(l.split()[:3] == ["2.2", "ready", "(re-check)"] for l in table.splitlines()), table)

    history = run("history", project, "3.2").stdout
    check("the item's history says where it was",
          "revision  3.2  revision  3.1 (4.1) → 3.2 (4.2)" in history, history)

    versions = as_json(run("versions", project, "--json"))
    check("versions lists both, with the mapping",
          versions is not None and [v["version"] for v in versions] == ["4.1", "4.2"]
          and versions[1]["current"] and versions[1]["file"] == "revision-4.2.csv"
          and [(m["old"], m["new"], m["relation"]) for m in versions[1]["mapping"]] == MAPPING,
          json.dumps(versions)[:400])
    text = run("versions", project).stdout.splitlines()
    check("versions as text", len(text) == 2 and text[1].startswith("4.2 *")
          and "6 reworded" in text[1], "\n".join(text))

    archive = as_json(run("archive", project, "--json"))
    check("the archive holds the items that left, with their work",
          archive is not None and [(a["ref"], a["relation"], a["removed_in"]) for a in archive]
          == [("1.3", "removed", "4.2"), ("2.5", "merged", "4.2")]
          and archive[0]["status"] == "in-progress" and archive[0]["note"] == "Sponsor named"
          and archive[0]["evidence"][0]["url"] == "https://intranet.example.com/sponsor"
          and archive[1]["merged_into"] == "2.5", json.dumps(archive))
    if archive:
        memo = str(archive[0]["evidence"][0]["id"])
        p = run("reattach", project, memo, "1.2")
        check("reattach puts archived evidence on an item",
              p.returncode == 0 and evidence(project, "1.2") == [
                  "https://intranet.example.com/sponsor"], p.stderr)
        check("reattach twice is refused", one_line(run("reattach", project, memo, "1.2"),
                                                    "1.2"))
    check("reattach takes a number", run("reattach", project, "memo", "1.2").returncode == 1)

    p = run("set", project, "2.2", "--confirm")
    listed = items(project)
    check("set --confirm restores the old status and clears the flag",
          p.returncode == 0 and listed["2.2"]["status"] == "met"
          and listed["2.2"]["recheck"] is False, p.stderr)
    p = run("set", project, "2.1", "--confirm", "--status", "in-progress")
    check("set --confirm --status chooses another",
          p.returncode == 0 and items(project)["2.1"]["status"] == "in-progress", p.stderr)
    p = run("set", project, "2.3", "--status", "ready")
    check("setting the status clears the flag too",
          p.returncode == 0 and items(project)["2.3"]["recheck"] is False, p.stderr)
    check("set --confirm on an item that needs none is refused",
          one_line(run("set", project, "1.1", "--confirm"), "1.1", "no re-check"))
    check("check finds nothing wrong", run("check", project).returncode == 0)


def test_twice(tmp):
    project = new_project(tmp, "twice.evident")
    first = run("revise", project, MINOR)
    second = run("revise", project, NEW, "--checklist-version", "4.2 final")
    check("4.1 → 4.1.1 → 4.2", first.returncode == 0 and second.returncode == 0,
          first.stderr + second.stderr)
    versions = as_json(run("versions", project, "--json")) or []
    check("three versions", [v["version"] for v in versions] == ["4.1", "4.1.1", "4.2 final"],
          json.dumps(versions)[:300])
    check("the last mapping removes what only 4.1.1 had",
          ("2.6", None, "removed") in [(m["old"], m["new"], m["relation"])
                                       for m in versions[-1]["mapping"]] if versions else False)
    listed = items(project)
    check("a re-check carries across a second revision",
          listed.get("2.1", {}).get("recheck_status") == "ready", json.dumps(listed.get("2.1")))


def test_overrides(tmp):
    project = new_project(tmp, "overrides.evident")
    plan = as_json(run("revise", project, NEW, "--dry-run", "--json",
                       "--pair", "1.3=1.2", "--unpair", "2.1"))
    pairs = [(i["old"], i["new"], i["relation"], i["manual"]) for i in plan["items"]] if plan \
        else []
    check("--pair and --unpair change the plan",
          ("1.3", "1.2", "reworded", True) in pairs and (None, "2.1", "new", False) in pairs
          and ("2.1", None, "removed", False) in pairs, json.dumps(pairs))
    check("--pair takes OLD=NEW", run("revise", project, NEW, "--pair", "1.3").returncode == 2)
    check("--pair of an unknown item is refused",
          one_line(run("revise", project, NEW, "--pair", "9.9=1.2"), "9.9"))
    p = run("revise", project, NEW, "--pair", "1.3=1.2")
    listed = items(project)
    check("the pair made by hand carries the work",
          p.returncode == 0 and listed["1.2"]["status"] == "in-progress", p.stderr)
    versions = as_json(run("versions", project, "--json")) or [{}, {"mapping": []}]
    check("the record says it was made by hand",
          any(m["old"] == "1.3" and m["manual"] for m in versions[1]["mapping"]))


def test_refused(tmp):
    project = new_project(tmp, "refused.evident")
    before = digest(project)

    duplicate = os.path.join(tmp, "duplicate.csv")
    with open(duplicate, "w") as f:
        f.write("ref,chapter,title\n1.1,1.0,Company overview\n1.1,1.0,Service catalogue\n")
    p = run("revise", project, duplicate)
    check("a malformed file is refused naming the file and the line",
          one_line(p, "duplicate.csv", "Line 3", "1.1"), p.stderr)
    check("a malformed file changes nothing", digest(project) == before)

    unrelated = os.path.join(tmp, "kitchen.csv")
    with open(unrelated, "w") as f:
        f.write("ref,chapter,title,requirement\n"
                "K-1,K,Kitchen hygiene,Work surfaces are cleaned after every shift.\n"
                "K-2,K,Food storage,Raw and cooked food are stored apart.\n")
    plan = as_json(run("revise", project, unrelated, "--dry-run", "--json"))
    check("a dry run of an unrelated file says so",
          plan is not None and plan["unrelated"] and plan["warnings"]
          and plan["counts"]["removed"] == 12)
    p = run("revise", project, unrelated)
    check("an unrelated file is refused, naming --force",
          one_line(p, "kitchen.csv", "0 of the checklist’s 12 items", "--force"), p.stderr)
    check("an unrelated file changes nothing", digest(project) == before)
    p = run("revise", project, unrelated, "--force")
    check("--force applies it anyway", p.returncode == 0 and sorted(items(project)) ==
          ["K-1", "K-2"], p.stderr)
    check("a missing file is refused", one_line(run("revise", project, os.path.join(tmp, "no.csv")),
                                                "no.csv"))


def test_import_options(tmp):
    project = new_project(tmp, "mapped.evident", work=False)
    mapped = os.path.join(tmp, "mapped.csv")
    with open(NEW, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = "Nummer,Kapitel,Kapiteltitel,Abschnitt,Abschnittstitel,Titel,Anforderung,Nachweis," \
             "Punkte,Pflicht"
    with open(mapped, "w", encoding="utf-8") as f:
        f.write("\n".join([header] + lines[1:]) + "\n")
    refused = run("revise", project, mapped, "--dry-run")
    check("a file whose columns are not found is refused", refused.returncode == 1,
          refused.stdout)
    p = run("revise", project, mapped, "--json", "--header-row", "1", "--map",
            "ref=Nummer,chapter=Kapitel,chapter_title=Kapiteltitel,title=Titel,"
            "requirement=Anforderung,evidence=Nachweis,points=Punkte,mandatory=Pflicht")
    plan = as_json(p)
    check("--map reads it", plan is not None and plan["applied"]
          and [(i["old"], i["new"], i["relation"]) for i in plan["items"]] == MAPPING
          and plan["to"] == "mapped", p.stderr)


with tempfile.TemporaryDirectory() as tmp:
    for test in (test_dry_run, test_apply, test_twice, test_overrides, test_refused,
                 test_import_options):
        folder = os.path.join(tmp, test.__name__)
        os.mkdir(folder)
        test(folder)

finish()
