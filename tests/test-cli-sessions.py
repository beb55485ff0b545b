#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of the audit's commands of evident-cli: exempt and
exemptions, session new/open/close/start/stop/plan, sessions, verdict,
verdicts, findings, finding, finding new and agenda: exit codes, messages
naming the place, and the JSON shapes the README documents.

Usage: test-cli-sessions.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import os
import tempfile

from cli_tap import check, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1.1,1.0,Basics,1.1,Start,Alpha,100,yes
1.1.2,1.0,Basics,1.1,Start,Beta,50,no
2.1.1,2.0,DevOps,2.1,Pipelines,Gamma,200,yes
2.1.2,2.0,DevOps,2.1,Pipelines,Delta,100,no
2.2.1,2.0,DevOps,2.2,Releases,Epsilon,150,no
3.1.1,3.0,Security,3.1,Keys,Zeta,400,yes
"""

REASON = "DevOps competency held, certificate attached"


def items(project):
    return {i["ref"]: i for i in json.loads(run("items", project, "--json").stdout)}


def keys_and_types(value):
    return [(k, type(v).__name__) for k, v in value.items()]


def usage_error(args, name):
    p = run(*args)
    check(f"usage error (exit 2): {name}",
          p.returncode == 2 and p.stdout == "" and "[OPTION…]" in p.stderr, p.stderr)


def failure(args, name, *named):
    p = run(*args)
    check(f"exit 1, one line naming the place: {name}",
          p.returncode == 1 and p.stderr.startswith("evident-cli: ")
          and p.stderr.count("\n") == 1 and all(n in p.stderr for n in named), p.stderr)
    return p


def test_help():
    for command in (["exempt"], ["exemptions"], ["session", "new"], ["session", "open"],
                    ["session", "close"], ["session", "start"], ["session", "stop"],
                    ["session", "plan"], ["sessions"], ["verdict"], ["verdicts"],
                    ["findings"], ["finding"], ["finding", "new"], ["agenda"]):
        name = " ".join(command)
        p = run(*command, "--help")
        check(f"{name} --help", p.returncode == 0
              and p.stdout.splitlines()[1].startswith(f"  evident-cli {name} [OPTION…] PROJECT"),
              p.stdout + p.stderr)
    p = run("--help")
    check("--help lists the audit's commands",
          all(f"  {c} " in p.stdout for c in ("exempt", "session new", "session plan",
                                              "verdicts", "finding new", "agenda")), p.stdout)
    p = run("session")
    check("session without its second word says which there are (exit 2)",
          p.returncode == 2 and "new, open, close, start, stop, plan" in p.stderr, p.stderr)


def test_exempt(tmp, project):
    p = run("set", project, "2.1.2", "--status", "not-applicable", "--reason", "Not offered")
    run("set", project, "2.2.1", "--status", "ready")
    usage_error(["exempt", project, "2.0"], "exempt without --reason or --lift")
    usage_error(["exempt", project, "2.0", "--reason", "x", "--lift"], "exempt --reason --lift")
    usage_error(["exempt", project, "2.0", "--lift", "--evidence", "abcd"],
                "exempt --lift --evidence")
    failure(["exempt", project, "7.0", "--reason", REASON], "exempt an unknown chapter",
            "audit.evident", "7.0")
    failure(["exempt", project, "2.0", "--reason", "  "], "exempt without a reason", "2.0")

    certificate = os.path.join(tmp, "certificate.pdf")
    with open(certificate, "wb") as f:
        f.write(b"%PDF-1.4 DevOps competency")
    p = run("attach", project, "2.1.1", certificate, "--title", "DevOps certificate")
    sha = p.stdout.split("SHA-256 ")[1].split()[0]
    p = run("exempt", project, "2.0", "--reason", REASON, "--evidence", sha[:10])
    check("exempt a chapter: its items not applicable",
          p.returncode == 0 and "3 items not applicable" in p.stdout, p.stdout + p.stderr)
    state = items(project)
    check("every item of the chapter is not applicable",
          all(state[r]["status"] == "not-applicable" for r in ("2.1.1", "2.1.2", "2.2.1"))
          and state["1.1.1"]["status"] == "not-started", json.dumps(state))

    exemptions = json.loads(run("exemptions", project, "--json").stdout)
    check("exemptions --json: the shape",
          len(exemptions) == 1 and keys_and_types(exemptions[0]) == [
              ("number", "str"), ("chapter", "str"), ("section", "NoneType"), ("title", "str"),
              ("reason", "str"), ("items", "int"), ("evidence", "dict"), ("applied", "str"),
              ("applied_by", "str")]
          and exemptions[0]["reason"] == REASON
          and exemptions[0]["evidence"] == {"ref": "2.1.1", "title": "DevOps certificate",
                                            "sha256": sha, "url": None},
          json.dumps(exemptions))
    p = run("exemptions", project)
    check("exemptions: one line", p.stdout.count("\n") == 1 and REASON in p.stdout, p.stdout)
    failure(["exempt", project, "2.1", "--reason", REASON], "a section of an exempt chapter",
            "2.0")
    score = json.loads(run("score", project, "--json").stdout)
    check("the score counts exempt items as met",
          score["chapters"][1]["confirmed"] == 450, json.dumps(score["chapters"]))

    run("set", project, "2.1.1", "--status", "met")
    p = run("exempt", project, "2.0", "--lift")
    check("lift: an item edited since is kept, and named",
          p.returncode == 0 and "2.1.1" in p.stdout and "2.1.2" not in p.stdout,
          p.stdout + p.stderr)
    state = items(project)
    check("lift restores each item's status",
          state["2.1.1"]["status"] == "met" and state["2.1.2"]["status"] == "not-applicable"
          and state["2.2.1"]["status"] == "ready", json.dumps(state))
    p = run("history", project, "2.1.2")
    check("lift restores the reason, in the history",
          "reason" in p.stdout and "Not offered" in p.stdout.splitlines()[0], p.stdout)
    failure(["exempt", project, "2.0", "--lift"], "lift what is not exempt", "2.0")
    check("exemptions: none left", run("exemptions", project, "--json").stdout.strip() == "[]")

    p = run("exempt", project, "2.2", "--reason", "Customer releases")
    check("exempt a section", p.returncode == 0 and "2.2 Releases: 1 item" in p.stdout,
          p.stdout + p.stderr)
    run("exempt", project, "2.2", "--lift")


def new_session(project, *args):
    p = run("session", "new", project, *args)
    check(f"session new {' '.join(args)}: prints its number",
          p.returncode == 0 and p.stdout.strip().isdigit(), p.stdout + p.stderr)
    return p.stdout.strip()


def test_sessions(tmp, project):
    usage_error(["session", "new", project], "session new without --kind")
    usage_error(["session", "new", project, "--kind", "rehearsal"], "an unknown kind")
    usage_error(["session", "new", project, "--kind", "audit", "--hours", "17:00-09:00"],
                "hours that end before they start")
    failure(["session", "new", project, "--kind", "audit", "--scope", "2.0,9.0"],
            "an unknown chapter in scope", "audit.evident", "9.0")
    failure(["session", "new", project, "--kind", "audit", "--date", "2026-13-01"],
            "a bad date", "2026-13-01")

    dry = new_session(project, "--kind", "dry-run", "--scope", "2.0", "--date", "2026-02-10",
                      "--with", "Robin Reviewer")
    audit = new_session(project, "--kind", "audit", "--date", "2026-03-02", "--with",
                        "Avery Auditor", "--with", "Sam Second", "--title", "Validation")
    sessions = json.loads(run("sessions", project, "--json").stdout)
    check("sessions --json: the shape",
          len(sessions) == 2 and keys_and_types(sessions[0]) == [
              ("id", "int"), ("kind", "str"), ("title", "NoneType"), ("date", "str"),
              ("days", "int"), ("state", "str"), ("everything", "bool"), ("scope", "list"),
              ("participants", "list"), ("items", "int"), ("verdicts", "dict"),
              ("open_findings", "int"), ("score", "dict"), ("created", "str"),
              ("created_by", "str")]
          and list(sessions[0]["verdicts"]) == ["passed", "failed", "observation",
                                                "not_reached", "pending"]
          and list(sessions[0]["score"]) == ["confirmed", "projected", "best"],
          json.dumps(sessions))
    check("sessions --json: the values",
          sessions[0]["scope"] == ["2.0"] and sessions[0]["items"] == 3
          and sessions[0]["days"] == 1 and sessions[0]["state"] == "planned"
          and sessions[1]["everything"] and sessions[1]["scope"] == ["1.0", "2.0", "3.0"]
          and sessions[1]["days"] == 2 and sessions[1]["title"] == "Validation"
          and sessions[1]["participants"] == ["Avery Auditor", "Sam Second"],
          json.dumps(sessions))
    p = run("sessions", project)
    check("sessions: a line each", p.returncode == 0 and p.stdout.count("\n") == 2, p.stdout)
    return dry, audit


def test_verdicts(tmp, project, dry, audit):
    usage_error(["verdict", project, dry, "2.1.1", "great"], "an unknown verdict")
    usage_error(["verdict", project, dry, "2.1.1", "passed", "--set-status", "done"],
                "an unknown status")
    failure(["verdict", project, "99", "2.1.1", "passed"], "an unknown session",
            "audit.evident", "99")
    failure(["verdict", project, dry, "9.9.9", "passed"], "an unknown item", "9.9.9")
    failure(["verdict", project, dry, "1.1.1", "passed"], "an item out of scope",
            "audit.evident", "1.1.1")

    run("set", project, "2.1.1", "--status", "ready")
    p = run("verdict", project, dry, "2.1.1", "passed")
    check("a verdict alone leaves the status",
          p.returncode == 0 and items(project)["2.1.1"]["status"] == "ready", p.stderr)
    p = run("verdict", project, dry, "2.1.2", "passed", "--set-status", "met")
    check("--set-status sets it in the same edit",
          p.returncode == 0 and items(project)["2.1.2"]["status"] == "met", p.stderr)
    p = run("verdict", project, dry, "2.2.1", "failed", "--finding", "No release notes")
    check("a finding with a verdict is opened, and its number printed",
          p.returncode == 0 and "Finding 1 is open" in p.stdout, p.stdout + p.stderr)

    sessions = json.loads(run("sessions", project, "--json").stdout)
    check("the session counts its verdicts, opened by the first",
          sessions[0]["state"] == "open"
          and sessions[0]["verdicts"] == {"passed": 2, "failed": 1, "observation": 0,
                                          "not_reached": 0, "pending": 0}
          and sessions[0]["open_findings"] == 1, json.dumps(sessions[0]))
    score = json.loads(run("score", project, "--json").stdout)
    check("the score under verdicts reads the pass as met; the project's waits",
          sessions[0]["score"]["confirmed"]["score"] == 300 - 400
          and score["views"]["confirmed"]["score"] == 100 - 600,
          json.dumps(sessions[0]["score"]) + json.dumps(score["views"]))

    run("session", "close", project, dry)
    failure(["verdict", project, dry, "2.1.1", "observation"], "a closed session", "closed")
    p = run("session", "open", project, dry)
    check("session open: again", p.returncode == 0, p.stderr)
    run("verdict", project, dry, "2.1.1", "observation")
    run("verdict", project, audit, "2.1.1", "passed", "--set-status", "met")

    history = json.loads(run("verdicts", project, "2.1.1", "--json").stdout)
    check("verdicts REF --json: the history of an item, newest first",
          [h["verdict"] for h in history] == ["passed", "observation", "passed"]
          and [h["current"] for h in history] == [True, True, False]
          and history[0]["status_set"] == "met" and history[1]["status_set"] is None
          and history[0]["participants"] == ["Avery Auditor", "Sam Second"]
          and keys_and_types(history[0]) == [
              ("session", "int"), ("kind", "str"), ("date", "str"), ("participants", "list"),
              ("ref", "str"), ("chapter", "str"), ("verdict", "str"), ("status_set", "str"),
              ("finding", "NoneType"), ("at", "str"), ("who", "str"), ("current", "bool")],
          json.dumps(history))
    chapter = json.loads(run("verdicts", project, "2.0", "--json").stdout)
    only_dry = json.loads(run("verdicts", project, "2.0", "--session", dry, "--json").stdout)
    check("verdicts CHAPTER: the history of a chapter, by session too",
          len(chapter) == 5 and len(only_dry) == 4
          and any(h["finding"] == "No release notes" for h in chapter), json.dumps(chapter))
    p = run("verdicts", project, "2.0")
    check("verdicts: a line each, the replaced one marked",
          p.stdout.count("\n") == 5 and "(replaced)" in p.stdout, p.stdout)
    failure(["verdicts", project, "8.8"], "verdicts of an unknown item", "8.8")


def test_findings(tmp, project, dry, audit):
    p = run("finding", "new", project, audit, "--text", "Keep the runbooks in one place")
    closing = p.stdout.strip()
    check("finding new: on the session as a whole, its number printed",
          p.returncode == 0 and closing == "2", p.stdout + p.stderr)
    usage_error(["finding", "new", project, audit], "finding new without --text")
    failure(["finding", "new", project, dry, "1.1.1", "--text", "x"],
            "finding new on an item out of scope", "1.1.1")

    findings = json.loads(run("findings", project, "--json").stdout)
    check("findings --json: the shape",
          len(findings) == 2 and keys_and_types(findings[0]) == [
              ("id", "int"), ("state", "str"), ("session", "int"), ("ref", "str"),
              ("verdict", "str"), ("text", "str"), ("created", "str"), ("created_by", "str"),
              ("addressed", "NoneType"), ("addressed_by", "NoneType"),
              ("fixed_by", "NoneType"), ("fix", "NoneType"), ("note", "NoneType")]
          and findings[1]["ref"] is None and findings[1]["verdict"] is None,
          json.dumps(findings))

    usage_error(["finding", project, "1"], "finding without --address or --reopen")
    usage_error(["finding", project, "1", "--reopen", "--note", "x"], "--reopen --note")
    usage_error(["finding", project, "1", "--address", "--change", "3", "--fixed-by", "2.2.1"],
                "--change and --fixed-by")
    failure(["finding", project, "7", "--address"], "an unknown finding", "audit.evident", "7")
    failure(["finding", project, "1", "--address", "--change", "999"],
            "a change that is not an edit in effect", "999")

    run("set", project, "2.2.1", "--status", "met")
    p = run("finding", project, "1", "--address", "--fixed-by", "2.2.1",
            "--note", "Release notes written")
    check("finding --address --fixed-by: the item's newest edit",
          p.returncode == 0 and "2.2.1 status → met" in p.stdout, p.stdout + p.stderr)
    addressed = json.loads(run("findings", project, "--json").stdout)[0]
    check("the finding links the change and the note",
          addressed["state"] == "addressed" and isinstance(addressed["fixed_by"], int)
          and addressed["fix"] == "2.2.1 status → met"
          and addressed["note"] == "Release notes written"
          and isinstance(addressed["addressed"], str), json.dumps(addressed))
    p = run("finding", project, closing, "--address", "--change", str(addressed["fixed_by"]))
    check("finding --address --change N", p.returncode == 0, p.stderr)
    check("findings --open: none left",
          json.loads(run("findings", project, "--open", "--json").stdout) == [])
    p = run("finding", project, "1", "--reopen")
    opened = json.loads(run("findings", project, "--open", "--json").stdout)
    check("finding --reopen", p.returncode == 0 and [f["id"] for f in opened] == [1],
          json.dumps(opened))
    p = run("findings", project)
    check("findings: a line each", p.stdout.count("\n") == 2 and "by change" in p.stdout,
          p.stdout)
    only = json.loads(run("findings", project, "--session", audit, "--json").stdout)
    check("findings --session", [f["id"] for f in only] == [2], json.dumps(only))


def test_agenda(tmp, project, audit):
    p = run("agenda", project, audit, "--json", "--at", "2026-03-02T08:00")
    agenda = json.loads(p.stdout) if p.returncode == 0 else {}
    check("agenda --json: the shape",
          list(agenda) == ["session", "kind", "date", "days", "day_start", "day_minutes",
                           "chapters", "status"]
          and keys_and_types(agenda["chapters"][0]) == [
              ("chapter", "str"), ("title", "str"), ("items", "int"), ("day", "int"),
              ("planned_minutes", "int"), ("entered", "bool"), ("spent_seconds", "int")]
          and keys_and_types(agenda["status"]) == [
              ("at", "str"), ("current", "NoneType"), ("current_spent_seconds", "int"),
              ("current_planned_seconds", "int"), ("day", "int"),
              ("day_remaining_seconds", "int"), ("day_behind_seconds", "int"),
              ("behind", "bool")], p.stdout + p.stderr)
    # 2, 3 and 1 items over two days of 480 minutes: each chapter on the
    # day where the middle of its share falls.
    check("agenda: minutes derived from the items, filling each day",
          [(c["chapter"], c["day"], c["planned_minutes"]) for c in agenda["chapters"]]
          == [("1.0", 1, 480), ("2.0", 2, 360), ("3.0", 2, 120)], json.dumps(agenda))

    usage_error(["session", "start", project, audit, "1.0", "--at", "yesterday"], "a bad time")
    usage_error(["session", "plan", project, audit, "1.0", "lots"], "bad minutes")
    p = run("session", "start", project, audit, "1.0", "--at", "2026-03-02T09:15")
    check("session start", p.returncode == 0, p.stderr)
    agenda = json.loads(run("agenda", project, audit, "--json", "--at",
                            "2026-03-02T13:00").stdout)
    status = agenda["status"]
    check("agenda --at: the time on the current chapter, and the day behind",
          status["current"] == "1.0" and status["current_spent_seconds"] == 225 * 60
          and status["current_planned_seconds"] == 480 * 60 and status["day"] == 1
          and status["day_behind_seconds"] == 15 * 60 and status["behind"]
          and agenda["chapters"][0]["spent_seconds"] == 225 * 60, json.dumps(agenda))
    p = run("agenda", project, audit, "--at", "2026-03-02T13:00")
    check("agenda: days, chapters and where the day stands",
          "Day 1" in p.stdout and "Day 2" in p.stdout and "Day 1 is 0:15 behind" in p.stdout,
          p.stdout)

    p = run("session", "start", project, audit, "2.0", "--at", "2026-03-03 09:00")
    check("session start: the next chapter, the next day", p.returncode == 0, p.stderr)
    failure(["session", "stop", project, audit, "--at", "2026-03-02T12:00"],
            "stopping before the chapter began", "2.0")
    status = json.loads(run("agenda", project, audit, "--json", "--at",
                            "2026-03-03T10:00").stdout)["status"]
    check("agenda --at: day 2 on time",
          status["current"] == "2.0" and status["day"] == 2
          and status["day_remaining_seconds"] == (300 + 120) * 60
          and status["day_behind_seconds"] == 0 and not status["behind"], json.dumps(status))

    p = run("session", "plan", project, audit, "2.0", "240")
    agenda = json.loads(run("agenda", project, audit, "--json").stdout)
    check("session plan: minutes by hand, on the chapter's day, the rest shared",
          p.returncode == 0
          and [(c["day"], c["planned_minutes"], c["entered"]) for c in agenda["chapters"]]
          == [(1, 480, False), (2, 240, True), (2, 240, False)], p.stderr + json.dumps(agenda))
    run("session", "plan", project, audit, "2.0", "auto")
    run("session", "stop", project, audit, "--at", "2026-03-03T17:00")
    agenda = json.loads(run("agenda", project, audit, "--json", "--at",
                            "2026-03-03T18:00").stdout)
    check("session plan auto, session stop",
          agenda["chapters"][1]["planned_minutes"] == 360 and agenda["status"]["current"] is None
          and agenda["chapters"][1]["spent_seconds"] == 8 * 3600, json.dumps(agenda))
    failure(["session", "start", project, audit, "9.0"], "an unknown chapter", "9.0")


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-sessions-")
    project, _ = new_project(tmp, CHECKLIST)

    test_help()
    test_exempt(tmp, project)
    dry, audit = test_sessions(tmp, project)
    test_verdicts(tmp, project, dry, audit)
    test_findings(tmp, project, dry, audit)
    test_agenda(tmp, project, audit)

    finish()


main()
