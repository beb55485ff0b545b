#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The import assistant, as a screen reader and keyboard user meets it.

Starts the real application twice on a checklist file (`evident FILE`, as
a file manager would): a CSV whose reference column has a name the import
does not know and values without numbers (it needs a mapping), and an AWS-style self-assessment
workbook made by evident-test-fixture (recognised as it is). Each time it
walks the assistant's accessibility tree and fails on any interactive
element without a clean name (see e2e_walk.py), presses Tab round it and
fails on a focus that gets lost or trapped, checks that the reason the
import waits is said in words, and that Escape cancels the assistant.

Usage: e2e-assistant.py PATH/TO/evident PATH/TO/evident-test-fixture
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import shutil
import subprocess
import sys
import time

from e2e_atspi import (check_output, children, do_click, fail, find, find_all, find_app, has_state, labels_under, log,
                       name, pyatspi, role, set_up, start, stop, wait_for)
from e2e_walk import Walker
from dogtail import rawinput

CHECKLIST = (
    "Key;Name;Text;Area;Owner team\n"
    "access-policy;Access policy;An access control policy is documented and reviewed.;Access;Platform\n"
    "account-review;Account review;Accounts are reviewed every quarter.;Access;Platform\n"
    "central-logging;Central logging;Security events go to a central store.;Logging;SRE\n"
)


def main():
    (exe, fixture), home, env = set_up(__doc__, 2, "evident-e2e-assistant-")
    csv = os.path.join(home, "controls.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write(CHECKLIST)
    workbook = os.path.join(home, "self-assessment.xlsx")
    subprocess.run([fixture, "aws", workbook], env=env, check=True)

    walker = Walker()
    log_path = os.path.join(home, "evident.log")
    try:
        # Tab round the first only: the second has the same controls.
        for path, waits in ((csv, True), (workbook, False)):
            proc = start([exe, path], env, log_path)
            try:
                audit(proc, walker, os.path.basename(path), waits)
            finally:
                check_output(stop(proc, log_path))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    walker.check(30)
    return 0


def audit(proc, walker, file_name, waits):
    app = find_app(proc)
    assistant = wait_for(f"the import assistant on {file_name}",
                         lambda: find(app, lambda n: role(n) == "frame" and name(n) == "Import Checklist"
                                      and file_name in labels_under(n)), node=app, proc=proc)
    create = wait_for("the Create Project button",
                      lambda: find(assistant, lambda n: role(n) == "push button" and name(n) == "Create Project…"),
                      node=assistant)
    wait_for("the count line", lambda: any(" items in " in t or " item in " in t for t in labels_under(assistant))
             or waits, node=assistant)
    time.sleep(1.0)
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.3)
    page = f"Import assistant ({file_name})"
    if waits:
        if has_state(create, pyatspi.STATE_SENSITIVE):
            fail(f"{page}: Create Project… is offered while no column holds the references", assistant)
        wait_for("the reason the import waits, in words",
                 lambda: any("no column holds the items’ references" in t for t in labels_under(assistant)),
                 node=assistant)
    elif not has_state(create, pyatspi.STATE_SENSITIVE):
        fail(f"{page}: Create Project… is not offered for a workbook recognised as it is", assistant)

    walker.page(page, assistant)
    if not waits:
        # The workbook's sheets: each switch is named once, not also
        # after its row ("Import the sheet “Operations” Operations").
        switches = find_all(assistant, lambda n: role(n) in ("check box", "toggle button", "switch")
                            and name(n).startswith("Import the sheet"))
        if not switches:
            fail(f"{page}: no switch to import a sheet", assistant)
        for switch in switches:
            if not name(switch).endswith("”"):
                fail(f"{page}: the sheet switch reads {name(switch)!r}", assistant)
        log(f"{page}: {len(switches)} sheet switches, each named once")
        expand_chapter(assistant, page)
    if waits:
        walker.tab_chain(page, assistant, presses=40)

    # Escape cancels: the assistant goes (and with it the application,
    # which had no other window).
    rawinput.keyCombo("Escape")
    wait_for(f"{page} to close with Escape",
             lambda: proc.poll() is not None or not any(
                 has_state(w, pyatspi.STATE_VISIBLE) and name(w) == "Import Checklist" for w in children(app)),
             node=app)
    log(f"{page}: Escape cancelled it")


def expand_chapter(assistant, page):
    """On the Chapters tab, a chapter's arrow ("Expand", a button to a
    screen reader) closes the chapter, open at first, when clicked as an
    AT-SPI client clicks, and opens it again."""
    tab = find(assistant, lambda n: role(n) == "page tab" and name(n) == "Chapters")
    if tab is None:
        fail(f"{page}: no Chapters tab", assistant)
    do_click(tab)
    tree = wait_for(f"{page}: the chapters and their sections",
                    lambda: find(assistant, lambda n: role(n) == "list" and name(n) == "Chapters and sections"
                                 and find(n, lambda m: role(m) == "push button" and name(m) == "Expand")),
                    node=assistant)

    def rows():
        return [name(n) for n in children(tree) if role(n) == "list item"]

    shown = rows()
    do_click(find(tree, lambda n: role(n) == "push button" and name(n) == "Expand"))
    wait_for(f"{page}: the first chapter closed after a click on its arrow",
             lambda: len(rows()) < len(shown), node=assistant)
    do_click(find(tree, lambda n: role(n) == "push button" and name(n) == "Expand"))
    wait_for(f"{page}: the first chapter open again after a second click",
             lambda: rows() == shown, node=assistant)
    log(f"{page}: a chapter's arrow closes and opens it ({len(shown)} rows)")


if __name__ == "__main__":
    sys.exit(main())
