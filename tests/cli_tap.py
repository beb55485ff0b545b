# SPDX-License-Identifier: GPL-3.0-or-later
"""What the black-box tests of evident-cli (tests/test-cli*.py) share:
running the tool named by the first argument, a project made from a small
checklist, and the results printed as TAP.
"""

import os
import subprocess
import sys

CLI = sys.argv[1]
_results = []


def run(*args):
    """Runs evident-cli with @args; returns the finished process."""
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def check(name, condition, detail=""):
    """Records one test; @detail is printed when it fails."""
    _results.append((name, bool(condition), detail))


def new_project(folder, checklist, *options, name="audit.evident"):
    """Writes @checklist (CSV text) to list.csv in @folder and creates the
    project @name from it with `evident-cli new` and @options, as a test.
    Returns the project's path and the checklist's."""
    csv = os.path.join(folder, "list.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write(checklist)
    project = os.path.join(folder, name)
    p = run("new", project, "--checklist", csv, *options)
    check("new creates the project", p.returncode == 0 and os.path.exists(project), p.stderr)
    return project, csv


def edit(project, edits, name):
    """Runs `evident-cli set PROJECT REF ARGS…` for each (REF, ARGS…) of
    @edits, as one test called @name."""
    failed = [run("set", project, ref, *args) for ref, *args in edits]
    failed = [p for p in failed if p.returncode != 0]
    check(name, not failed, "".join(p.stderr for p in failed))


def finish():
    """Prints the results as TAP."""
    print(f"1..{len(_results)}")
    for n, (name, ok, detail) in enumerate(_results, 1):
        print(f"{'ok' if ok else 'not ok'} {n} - {name}")
        if not ok:
            for line in detail.splitlines():
                print(f"# {line}")
