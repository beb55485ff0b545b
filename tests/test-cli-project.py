#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The project file under evident-cli, as a user meets it: commands beside
each other, damaged files, read-only files and folders, killed commands,
evidence in the history.

Usage: test-cli-project.py PATH/TO/evident-cli  (prints TAP)
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

CLI = sys.argv[1]
NOBODY = 65534
results = []

CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
2.1,2.0,Security,2,Keys,Gamma,300,yes
2.2,2.0,Security,2,Keys,Delta,550,no
"""


def drop_root():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def run(*args, as_nobody=False):
    return subprocess.run([CLI, *args], capture_output=True, text=True,
                          preexec_fn=drop_root if as_nobody else None)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def skip(name, why):
    results.append((name, None, why))


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def new_project(tmp, name="audit.evident"):
    csv = os.path.join(tmp, "list.csv")
    with open(csv, "w") as f:
        f.write(CHECKLIST)
    project = os.path.join(tmp, name)
    p = run("new", project, "--checklist", csv)
    assert p.returncode == 0, p.stderr
    os.unlink(csv)
    return project


def test_writers_beside_each_other(tmp):
    """Two `set` loops and a `score` loop on one project: no command fails
    that would have succeeded alone."""
    project = new_project(tmp)
    failures = []

    def loop(args_for_run):
        for i in range(100):
            p = run(*args_for_run(i))
            if p.returncode != 0:
                failures.append(p.stderr.strip())

    threads = [
        threading.Thread(target=loop, args=(lambda i: ("set", project, "1.1", "--note", f"a {i}"),)),
        threading.Thread(target=loop, args=(lambda i: ("set", project, "2.1", "--note", f"b {i}"),)),
        threading.Thread(target=loop, args=(lambda i: ("score", project),)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("two writers and a reader at once: no command fails", not failures,
          f"{len(failures)} of 300 failed, e.g. {failures[:2]}")
    p = run("history", project)
    check("every edit of both writers is in the history",
          p.returncode == 0 and p.stdout.count("\n") == 200, p.stdout[-200:])
    check("nothing is left beside the project", os.listdir(tmp) == ["audit.evident"],
          os.listdir(tmp))


def test_damaged(tmp):
    """An item pointing at a chapter that does not exist: refused and left
    untouched; check reports it."""
    project = new_project(tmp)
    db = sqlite3.connect(project)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE items SET chapter_id = 99 WHERE ref = '1.2'")
    db.commit()
    db.close()
    before = digest(project)

    p = run("set", project, "2.1", "--status", "met")
    check("set refuses a damaged project (exit 1, says so)",
          p.returncode == 1 and "damaged" in p.stderr and "1.2" in p.stderr, p.stderr)
    p = run("items", project)
    check("items refuses it too, rather than leave 1.2 out", p.returncode == 1, p.stdout)
    p = run("check", project)
    check("check names the item", p.returncode == 1 and "1.2" in p.stderr, p.stderr)
    check("the damaged file is byte for byte as it was", digest(project) == before)
    check("and nothing appears beside it", os.listdir(tmp) == ["audit.evident"], os.listdir(tmp))


def test_read_only(tmp):
    """A mode-444 project, and one in a mode-555 folder: they score, refuse
    edits, and gain no file beside them."""
    as_nobody = os.geteuid() == 0
    rw = os.path.join(tmp, "rw")
    ro = os.path.join(tmp, "ro")
    os.mkdir(rw)
    os.mkdir(ro)
    file_444 = new_project(rw)
    in_555 = new_project(ro)
    run("set", file_444, "1.1", "--status", "met")
    run("set", in_555, "1.1", "--status", "met")
    os.chmod(file_444, 0o444)
    os.chmod(rw, 0o777)
    os.chmod(ro, 0o555)
    os.chmod(tmp, 0o755)

    for name, project in (("a mode-444 project", file_444), ("a project in a mode-555 folder", in_555)):
        folder = os.path.dirname(project)
        before = digest(project)
        p = run("score", project, as_nobody=as_nobody)
        check(f"{name}: score works", p.returncode == 0 and "Confirmed" in p.stdout, p.stderr)
        p = run("set", project, "1.2", "--status", "met", as_nobody=as_nobody)
        check(f"{name}: an edit is refused, saying read-only",
              p.returncode == 1 and "read-only" in p.stderr, p.stderr)
        check(f"{name}: nothing appears beside it", os.listdir(folder) == ["audit.evident"],
              os.listdir(folder))
        check(f"{name}: it is byte for byte as it was", digest(project) == before)
    os.chmod(ro, 0o755)


def test_killed_new(tmp):
    """A `new` killed half way leaves nothing visible, and the next command in
    the folder removes what it left."""
    csv = os.path.join(tmp, "large.csv")
    with open(csv, "w") as f:
        f.write("ref,chapter,title,requirement,points,mandatory\n")
        for i in range(150000):
            f.write(f"{i // 1000}.{i % 1000},{i // 1000},Item {i},{'x' * 200},1,no\n")
    project = os.path.join(tmp, "big.evident")
    process = subprocess.Popen([CLI, "new", project, "--checklist", csv],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(n.endswith(".evident-tmp") for n in os.listdir(tmp)):
        time.sleep(0.01)
    time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = sorted(n for n in os.listdir(tmp) if n != "large.csv")
    if process.returncode != -signal.SIGKILL or not left:
        skip("a killed new leaves nothing visible", "new finished before it could be killed")
        return
    check("a killed new leaves nothing visible (only a hidden temporary)",
          all(n.startswith(".") for n in left), left)

    # Later: the next command that writes in the folder sweeps it.
    for name in left:
        past = time.time() - 3600
        os.utime(os.path.join(tmp, name), (past, past))
    new_project(tmp, "next.evident")
    left = sorted(n for n in os.listdir(tmp) if n != "large.csv")
    check("the next new in the folder removes what the killed one left", left == ["next.evident"],
          left)


def test_points(tmp):
    csv = os.path.join(tmp, "points.csv")
    with open(csv, "w") as f:
        f.write(CHECKLIST + "3.1,3.0,Big,3,X,Huge,2000000000,yes\n")
    project = os.path.join(tmp, "points.evident")
    p = run("new", project, "--checklist", csv)
    check("points beyond the bound are refused, naming the line and the item",
          p.returncode == 1 and "Line 6" in p.stderr and "3.1" in p.stderr
          and not os.path.exists(project), p.stderr)


def test_evidence_history(tmp):
    project = new_project(tmp)
    runbook = os.path.join(tmp, "runbook.pdf")
    with open(runbook, "wb") as f:
        f.write(b"%PDF-1.4 a runbook")
    p = run("attach", project, "2.1", runbook, "--kind", "process")
    check("attach works", p.returncode == 0, p.stderr)
    p = run("history", project, "2.1")
    check("history shows the evidence added to the item",
          p.returncode == 0 and "evidence" in p.stdout and "runbook.pdf" in p.stdout, p.stdout)


def main():
    tests = [test_writers_beside_each_other, test_damaged, test_read_only, test_killed_new,
             test_points, test_evidence_history]
    for test in tests:
        tmp = tempfile.mkdtemp(prefix="evident-cli-project-")
        try:
            test(tmp)
        finally:
            subprocess.run(["chmod", "-R", "u+rwX", tmp])
            subprocess.run(["rm", "-rf", tmp])

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {i} - {name} # SKIP {detail}")
        else:
            print(f"{'ok' if ok else 'not ok'} {i} - {name}")
            if not ok:
                for line in str(detail).splitlines() or [""]:
                    print(f"# {line}")
    return 0 if all(ok is not False for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
