#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of `evident-cli plan`, `whatif`, `scenario`, `settings`,
`workload` and `set --estimate`: exit codes, JSON, text.

Usage: test-cli-plan.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import tempfile

from cli_tap import check, edit, finish, new_project, run


# 1000 points; pass at 900, 200 lost per mandatory item not counted.
CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,300,yes
1.2,1.0,Basics,1,Start,Beta,200,no
1.3,1.0,Basics,1,Start,Gamma,100,no
2.1,2.0,Security,2,Keys,Delta,250,yes
2.2,2.0,Security,2,Keys,Epsilon,150,no
"""

#   ref  points  M  status       owner  complexity  estimate  due
#   1.1  300     M  met          Ann    low                   2026-03-01
#   1.2  200        not-started  Bea    high                  2026-03-02 (overdue on the 4th)
#   1.3  100        not-started  Bea    low         0.5       2026-03-09
#   2.1  250     M  in-progress  —      —                     —
#   2.2  150        ready        Ann    medium                2026-03-20
# Projected now: 300 + 150 − 200 = 250; confirmed 300 − 200 = 100.
EDITS = [
    ("1.1", "--status", "met", "--owner", "Ann", "--complexity", "low", "--due", "2026-03-01"),
    ("1.2", "--owner", "Bea", "--complexity", "high", "--due", "2026-03-02"),
    ("1.3", "--owner", "Bea", "--complexity", "low", "--estimate", "0,5", "--due", "2026-03-09"),
    ("2.1", "--status", "in-progress"),
    ("2.2", "--status", "ready", "--owner", "Ann", "--complexity", "medium", "--due",
     "2026-03-20"),
]

# Greedy by points per effort is not optimal: 10 points missing; 9 points
# for 3 days and 10 for 4.
COUNTER = """ref,chapter,title,points,mandatory
A,1.0,Nine,9,no
B,1.0,Ten,10,no
"""

PASS_FAIL = """ref,chapter,title,mandatory
P-1,P,One,yes
P-2,P,Two,yes
P-3,P,Three,no
P-4,P,Four,yes
"""


def json_of(*args):
    p = run(*args, "--json")
    try:
        return json.loads(p.stdout), p
    except ValueError:
        return None, p


def refs(items):
    return [i["ref"] for i in items]


def test_plan(project):
    plan, p = json_of("plan", project)
    check("plan --json: the mandatory item and the cheapest cover",
          plan is not None and p.returncode == 0
          and refs(plan["items"]) == ["1.2", "2.1"]
          and plan["score"] == 250 and plan["missing"] == 650
          and plan["total_effort"] == 11 and plan["score_reached"] == 900
          and plan["reachable"] and not plan["passes"]
          and plan["effort"] == {"low": 1, "medium": 3, "high": 8},
          p.stdout + p.stderr)
    if plan is not None:
        check("plan --json: each item's owner, effort and mandatory flag",
              plan["items"][0] == {"ref": "1.2", "title": "Beta", "owner": "Bea", "points": 200,
                                   "mandatory": False, "status": "not-started",
                                   "complexity": "high", "effort": 8, "estimated": False}
              and plan["items"][1]["mandatory"] and plan["items"][1]["owner"] is None
              and plan["items"][1]["effort"] == 3, json.dumps(plan["items"]))

    # Confirmed: 2.2 (ready) is open too. 100 + 450 (2.1) = 550; 350 more:
    # 1.2 + 2.2 (8 + 3) beats 1.2 + 1.3 + 2.2.
    plan, p = json_of("plan", project, "--view", "confirmed")
    check("plan --view confirmed counts ready items as open",
          plan is not None and refs(plan["items"]) == ["1.2", "2.1", "2.2"]
          and plan["total_effort"] == 14 and plan["view"] == "confirmed", p.stdout + p.stderr)

    # Efforts for this plan only: high items cost 1 day.
    plan, p = json_of("plan", project, "--effort", "high=1, medium=0.25")
    check("plan --effort overrides the efforts per complexity for one plan",
          plan is not None and plan["effort"] == {"low": 1, "medium": 0.25, "high": 1}
          and plan["total_effort"] == 1.25, p.stdout + p.stderr)

    p = run("plan", project)
    check("plan prints the items, their owners and days, the total and the score reached",
          p.returncode == 0 and "650 missing" in p.stdout and "2 items, 11 days" in p.stdout
          and "Bea" in p.stdout and "Delta" in p.stdout and "900: passes" in p.stdout,
          p.stdout + p.stderr)

    for args, name in ((["--view", "best"], "an unknown view"),
                       (["--effort", "huge=2"], "an unknown complexity"),
                       (["--effort", "low=-1"], "a negative effort")):
        p = run("plan", project, *args)
        check(f"plan with {name} is a usage error (exit 2)",
              p.returncode == 2 and "Usage" in p.stderr, p.stderr)


def test_counterexample(tmp):
    project, _ = new_project(tmp, COUNTER, "--pass-score", "10", name="counter.evident")
    edit(project, [("A", "--estimate", "3"), ("B", "--estimate", "4")], "estimates set")
    plan, p = json_of("plan", project)
    check("the cheapest plan is the 10 points alone, not greedy's 9 + 10",
          plan is not None and refs(plan["items"]) == ["B"] and plan["total_effort"] == 4
          and plan["items"][0]["estimated"], p.stdout + p.stderr)


def test_unreachable(tmp):
    project, _ = new_project(tmp, CHECKLIST, name="lost.evident")
    edit(project, [("1.1", "--status", "not-met"), ("1.2", "--status", "not-met")],
         "two items not met")
    # Every open item done: 100 + 250 + 150 = 500, − 200 for 1.1: 300;
    # 600 short of 900.
    plan, p = json_of("plan", project)
    check("an unreachable pass line: the shortfall and the items that block",
          plan is not None and not plan["reachable"] and plan["shortfall"] == 600
          and plan["score_reached"] == 300 and refs(plan["blocking"]) == ["1.1", "1.2"]
          and refs(plan["items"]) == ["1.3", "2.1", "2.2"], p.stdout + p.stderr)
    p = run("plan", project)
    check("plan says by how much passing is out of reach, and what blocks",
          p.returncode == 0 and "out of reach" in p.stdout and "600 points short" in p.stdout
          and "Alpha" in p.stdout, p.stdout + p.stderr)


def test_pass_fail(tmp):
    project, _ = new_project(tmp, PASS_FAIL, "--mode", "pass-fail", name="passfail.evident")
    edit(project, [("P-4", "--status", "met")], "one mandatory item met")
    plan, p = json_of("plan", project)
    check("pass-fail: the plan is the open mandatory items",
          plan is not None and plan["mode"] == "pass-fail"
          and refs(plan["items"]) == ["P-1", "P-2"] and plan["missing"] == 2
          and plan["reachable"], p.stdout + p.stderr)
    edit(project, [("P-2", "--status", "not-met")], "a mandatory item not met")
    plan, p = json_of("plan", project)
    check("pass-fail: a mandatory item not met blocks",
          plan is not None and not plan["reachable"] and plan["shortfall"] == 1
          and refs(plan["blocking"]) == ["P-2"], p.stdout + p.stderr)


def test_whatif(project):
    before = run("items", project, "--json").stdout
    result, p = json_of("whatif", project, "--assume-met", "2.1,1.2", "--assume-not-met", "1.3")
    views = result["views"] if result else {}
    check("whatif --json: every view before and after",
          result is not None and result["assumptions"] == {"met": ["1.2", "2.1"],
                                                           "not_met": ["1.3"]}
          and views["confirmed"] == {"now": 100, "assumed": 750, "change": 650,
                                     "pass_now": False, "pass_assumed": False}
          and views["projected"]["assumed"] == 900 and views["projected"]["pass_assumed"]
          and views["best"] == {"now": 1000, "assumed": 900, "change": -100,
                                "pass_now": True, "pass_assumed": True},
          p.stdout + p.stderr)
    result, p = json_of("whatif", project, "--chapter-met", "2.0", "--assume-not-met", "2.2")
    check("whatif: a whole chapter, an item's own assumption winning",
          result is not None and result["assumptions"] == {"met": ["2.1"], "not_met": ["2.2"]},
          p.stdout + p.stderr)
    p = run("whatif", project, "--assume-met", "2.1")
    check("whatif prints each view now, assumed, the change and the verdict",
          p.returncode == 0 and "Projected" in p.stdout and "+450" in p.stdout, p.stdout)
    check("whatif changes nothing", run("items", project, "--json").stdout == before)

    p = run("whatif", project)
    check("whatif without an assumption is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("whatif", project, "--assume-met", "9.9")
    check("whatif with an unknown item names it (exit 1)",
          p.returncode == 1 and "9.9" in p.stderr and p.stderr.count("\n") == 1, p.stderr)
    p = run("whatif", project, "--chapter-met", "7.0")
    check("whatif with an unknown chapter names it (exit 1)",
          p.returncode == 1 and "7.0" in p.stderr, p.stderr)
    p = run("whatif", project, "--assume-met", "1.2", "--assume-not-met", "1.2")
    check("an item assumed both met and not met is refused (exit 1)",
          p.returncode == 1 and "1.2" in p.stderr, p.stderr)


def test_scenarios(project):
    items_before = run("items", project, "--json").stdout
    history_before = run("history", project).stdout

    p = run("scenario", project, "list")
    check("scenario list without scenarios", p.returncode == 0 and "No scenarios" in p.stdout,
          p.stdout + p.stderr)
    p = run("scenario", project, "save", "Security first", "--chapter-met", "2.0")
    check("scenario save", p.returncode == 0 and "Security first" in p.stdout, p.stderr)
    p = run("scenario", project, "save", "Alt", "--assume-met", "1.2,2.1",
            "--assume-not-met", "1.3")
    check("scenario save another", p.returncode == 0, p.stderr)
    check("saving scenarios changes no item and leaves no history",
          run("items", project, "--json").stdout == items_before
          and run("history", project).stdout == history_before)

    listed, p = json_of("scenario", project, "list")
    check("scenario list --json: names, assumptions, scores",
          listed is not None and [s["name"] for s in listed] == ["Alt", "Security first"]
          and listed[0]["met"] == ["1.2", "2.1"] and listed[0]["not_met"] == ["1.3"]
          and listed[0]["views"]["projected"] == {"score": 900, "pass": True}
          and listed[1]["views"]["projected"] == {"score": 700, "pass": False},
          p.stdout + p.stderr)

    shown, p = json_of("scenario", project, "show", "Alt")
    check("scenario show --json",
          shown is not None and shown["name"] == "Alt"
          and shown["views"]["projected"]["change"] == 650, p.stdout + p.stderr)

    compared, p = json_of("scenario", project, "compare", "Security first", "Alt")
    check("scenario compare --json: two scenarios side by side",
          compared is not None and compared["scenarios"] == ["Security first", "Alt"]
          and compared["views"]["projected"] == {"first": 700, "second": 900, "change": 200,
                                                 "pass_first": False, "pass_second": True},
          p.stdout + p.stderr)
    p = run("scenario", project, "compare", "Security first", "Alt")
    check("scenario compare prints both names and the change",
          p.returncode == 0 and "Security first" in p.stdout and "+200" in p.stdout, p.stdout)

    applied, p = json_of("scenario", project, "apply", "Alt")
    check("scenario apply sets the statuses",
          applied is not None and applied["changed"] == ["1.2", "1.3", "2.1"],
          p.stdout + p.stderr)
    items = {i["ref"]: i["status"] for i in json.loads(run("items", project, "--json").stdout)}
    check("the applied statuses are in the project",
          items == {"1.1": "met", "1.2": "met", "1.3": "not-met", "2.1": "met", "2.2": "ready"},
          str(items))
    history = run("history", project).stdout.splitlines()
    new_rows = history[:len(history) - len(history_before.splitlines())]
    check("applying is one edit: a history row per item, at one time",
          len(new_rows) == 3 and len({row[:20] for row in new_rows}) == 1, "\n".join(new_rows))

    p = run("scenario", project, "delete", "Alt")
    check("scenario delete", p.returncode == 0, p.stderr)
    p = run("scenario", project, "show", "Alt")
    check("a deleted scenario is gone (exit 1, names it)",
          p.returncode == 1 and "Alt" in p.stderr, p.stderr)
    p = run("scenario", project, "delete", "Alt")
    check("deleting it again is an error (exit 1)", p.returncode == 1, p.stderr)

    for args, name in ((["frob"], "an unknown action"),
                       (["show"], "a missing name"),
                       (["list", "extra"], "too many names"),
                       (["save", "X"], "save without assumptions"),
                       (["show", "X", "--assume-met", "1.1"], "assumptions outside save")):
        p = run("scenario", project, *args)
        check(f"scenario with {name} is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("scenario", project, "save", " ", "--assume-met", "1.1")
    check("a blank scenario name is refused (exit 1)", p.returncode == 1, p.stderr)


def test_estimate(project):
    p = run("set", project, "1.2", "--estimate", "2.25")
    history = run("history", project, "1.2").stdout.splitlines()
    check("set --estimate is an edit in the history",
          p.returncode == 0 and history and "estimate" in history[0] and "2.25" in history[0],
          p.stderr + "\n".join(history))
    items = {i["ref"]: i for i in json.loads(run("items", project, "--json").stdout)}
    check("items --json: the estimate in days, last, null when not estimated",
          items["1.2"]["estimate"] == 2.25 and items["1.3"]["estimate"] == 0.5
          and items["1.1"]["estimate"] is None and list(items["1.2"])[-1] == "estimate",
          json.dumps(items))
    p = run("set", project, "1.2", "--estimate", "a week")
    check("a bad estimate names the item and the value (exit 1)",
          p.returncode == 1 and "1.2" in p.stderr and "a week" in p.stderr, p.stderr)
    p = run("set", project, "1.2", "--estimate", "")
    items = {i["ref"]: i for i in json.loads(run("items", project, "--json").stdout)}
    check("an empty estimate clears it",
          p.returncode == 0 and items["1.2"]["estimate"] is None, p.stderr)


def test_settings_and_workload(project):
    settings, p = json_of("settings", project)
    check("settings --json: the defaults",
          settings == {"audit_date": None, "effort": {"low": 1, "medium": 3, "high": 8}},
          p.stdout + p.stderr)
    p = run("settings", project, "--audit-date", "2026-03-30", "--effort", "high=5")
    check("settings sets the audit date and an effort",
          p.returncode == 0 and "2026-03-30" in p.stdout and "high 5" in p.stdout,
          p.stdout + p.stderr)
    settings, p = json_of("settings", project)
    check("the settings are kept",
          settings == {"audit_date": "2026-03-30", "effort": {"low": 1, "medium": 3, "high": 5}},
          p.stdout + p.stderr)
    p = run("history", project)
    lines = p.stdout.splitlines()
    check("history: the settings' changes first, by key, the defaults untouched",
          p.returncode == 0 and len(lines) > 2
          and "audit-date" in lines[0] and "default → 2026-03-30" in lines[0]
          and "effort-high" in lines[1] and "default → 5" in lines[1]
          and "effort-low" not in p.stdout and "effort-medium" not in p.stdout,
          p.stdout + p.stderr)
    p = run("settings", project, "--audit-date", "2026-02-30")
    check("settings with a bad date is a usage error (exit 2)",
          p.returncode == 2 and "2026-02-30" in p.stderr, p.stderr)

    # Today Wednesday 4 March 2026 (week 10), the audit 30 March (week 14).
    workload, p = json_of("workload", project, "--today", "2026-03-04")
    ok = workload is not None and p.returncode == 0
    check("workload --json: today, audit date, columns",
          ok and workload["today"] == "2026-03-04" and workload["audit_date"] == "2026-03-30"
          and [c["bucket"] for c in workload["columns"]]
          == ["overdue", "week", "week", "week", "week", "week", "later", "no-date"]
          and workload["columns"][1] == {"bucket": "week", "week": "2026-W10",
                                         "monday": "2026-03-02"},
          p.stdout + p.stderr)
    if ok:
        owners = {o["owner"]: o for o in workload["owners"]}
        bea = owners.get("Bea", {}).get("cells", [])
        check("workload: the owners with open items, the unassigned last",
              [o["owner"] for o in workload["owners"]] == ["Bea", None],
              json.dumps(workload["owners"]))
        check("workload: Bea's overdue item and the next week's, with their days",
              len(bea) == 8 and bea[0] == {"items": ["1.2"], "effort": 5}
              and bea[2] == {"items": ["1.3"], "effort": 0.5}
              and owners["Bea"]["total"] == {"items": ["1.2", "1.3"], "effort": 5.5},
              json.dumps(bea))
        check("workload: undated items in their own bucket; ready items are not open",
              owners[None]["cells"][7] == {"items": ["2.1"], "effort": 3}
              and "Ann" not in owners, json.dumps(workload["owners"]))
        check("workload: the overdue items",
              workload["overdue"] == ["1.2"] and workload["total"]["effort"] == 8.5,
              json.dumps(workload["overdue"]))

    p = run("workload", project, "--today", "2026-03-04")
    check("workload prints a row per owner and week, the total and the overdue items",
          p.returncode == 0 and "2026-W11" in p.stdout and "Bea" in p.stdout
          and "Overdue" in p.stdout and "1 item is overdue: 1.2" in p.stdout,
          p.stdout + p.stderr)
    p = run("workload", project, "--today", "tomorrow")
    check("workload with a bad date is a usage error (exit 2)", p.returncode == 2, p.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-plan-")
    project, _ = new_project(tmp, CHECKLIST)
    edit(project, EDITS, "the items' state")

    for command in ("plan", "whatif", "scenario", "settings", "workload"):
        p = run(command, "--help")
        check(f"{command} --help", p.returncode == 0 and "Usage" in p.stdout, p.stderr)

    test_plan(project)
    test_counterexample(tmp)
    test_unreachable(tmp)
    test_pass_fail(tmp)
    test_whatif(project)
    test_settings_and_workload(project)
    test_scenarios(project)
    test_estimate(project)
    finish()


main()
