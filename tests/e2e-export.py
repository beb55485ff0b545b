#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the response for the auditor and the CSV export,
through the accessibility tree.

Creates a project with `evident-cli new` from a checklist CSV with a column
no field takes, starts the real application on it, opens an item, checks
that the editor shows that column read-only ("From the Checklist File"),
types a response into "Response for the Auditor", and at once (before the
editor saves it on its own) exports the project as CSV from the main
menu's Export submenu and the save dialog. Python's csv module then reads
the file: the item's response is the one typed, and the extra column is
kept.

Usage: e2e-export.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

from e2e_atspi import (check_output, children, click, environment, fail, find, find_all, find_app, has_state,
                       is_button, log, name, press, pyatspi, rawinput, role, start, stop, wait_for)

KEY_F10 = 0xFFC7

CHECKLIST = (
    "ref,chapter,chapter_title,title,requirement,Control owner\n"
    "AC-01,AC,Access control,Access policy,An access control policy is documented.,Platform team\n"
    "AC-02,AC,Access control,Account review,Accounts are reviewed every quarter.,Platform team\n"
    "LG-01,LG,Logging,Central logging,Security events go to a central store.,SRE\n"
)
RESPONSE = "The policy is in the ISMS wiki and reviewed every year."


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2

    exe = os.path.abspath(sys.argv[1])
    cli = os.path.abspath(sys.argv[2])
    home = tempfile.mkdtemp(prefix="evident-e2e-export-")
    checklist = os.path.join(home, "controls.csv")
    project = os.path.join(home, "controls.evident")
    with open(checklist, "w", encoding="utf-8") as f:
        f.write(CHECKLIST)
    env = environment(home)
    result = subprocess.run([cli, "new", project, "--checklist", checklist], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"evident-cli new failed: {result.stderr.strip()}")
    os.unlink(checklist)

    log_path = os.path.join(home, "evident.log")
    proc = start([exe, project], env, log_path)
    try:
        status = run(proc, home)
    finally:
        output = stop(proc, log_path)
        shutil.rmtree(home, ignore_errors=True)
    check_output(output)
    return status


def run(proc, home):
    app = find_app(proc)

    def is_sidebar(n):
        return role(n) == "list" and name(n) == "Chapters" and any(
            name(r).startswith("All Items") for r in children(n))

    sidebar = wait_for("the chapter sidebar", lambda: find(app, is_sidebar), node=app)
    rows = children(sidebar)
    index = next(i for i, r in enumerate(rows) if name(r).startswith("All Items"))
    sidebar.querySelection().selectChild(index)
    items = wait_for("the item list",
                     lambda: find(app, lambda n: role(n) == "list" and name(n) == "Items"), node=app)
    row = wait_for("the row of AC-01",
                   lambda: next((r for r in children(items) if "AC-01" in name(r)), None), node=app)
    click(row)

    # The editor: the file's other column, read-only, and the response.
    wait_for("the checklist file's extra fields",
             lambda: find(app, lambda n: name(n) == "From the Checklist File"), node=app)
    response = wait_for("the response field",
                        lambda: find(app, lambda n: role(n) == "text"
                                     and name(n) == "Response for the Auditor"),
                        node=app)
    # Scrolled into view (the wheel over the editor), then clicked into
    extents = response.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    for _ in range(20):
        rawinput.click(extents.x + extents.width // 2, 300, 5)
        time.sleep(0.05)
    time.sleep(0.5)
    click(response)
    wait_for("the response field to take the focus",
             lambda: has_state(response, pyatspi.STATE_FOCUSED), node=app)
    rawinput.typeText(RESPONSE)
    log("typed the response")

    # At once, before the editor saves on its own: back to the sidebar
    # where the window is narrow, and the main menu.
    for back in ("Items", "Chapters"):
        button = find(app, lambda n: role(n) == "push button" and name(n) == back)
        if button is not None:
            click(button)
            time.sleep(0.5)
    # The main menu (F10), its Export submenu, the CSV file. (The window
    # has the menu twice, the empty window's hidden: the items act alike.)
    press(KEY_F10)
    item = wait_for("the CSV export in the Export submenu",
                    lambda: find_all(app, lambda n: role(n) == "menu item"
                                     and name(n) == "Evident Checklist (CSV)…")[-1], node=app)
    time.sleep(0.5)
    item.queryAction().doAction(0)

    dialog = wait_for("the save dialog",
                      lambda: next((top for top in children(app)
                                    if name(top).startswith("Export:")), None),
                      node=app)
    save = wait_for("the dialog's Save button", lambda: find(dialog, lambda n: is_button(n, "Save")),
                    node=dialog)
    time.sleep(0.5)
    save.queryAction().doAction(0)

    exported = os.path.join(home, "controls.csv")
    wait_for(f"{exported} to be written", lambda: os.path.exists(exported), timeout=20, node=app,
             proc=proc)
    wait_for("the toast that says it was saved",
             lambda: find(app, lambda n: name(n).startswith("Saved “controls.csv”")), node=app)

    with open(exported, encoding="utf-8-sig", newline="") as f:
        rows = {r["ref"]: r for r in csv.DictReader(f)}
    if sorted(rows) != ["AC-01", "AC-02", "LG-01"]:
        fail(f"the export holds {sorted(rows)}")
    if rows["AC-01"].get("response") != RESPONSE:
        fail(f"AC-01's response in the export is {rows['AC-01'].get('response')!r}")
    if rows["AC-01"].get("Control owner") != "Platform team":
        fail(f"the extra column was not kept: {rows['AC-01']}")

    log("PASS: the response typed a moment before is in the CSV export, with the extra column")
    return 0


if __name__ == "__main__":
    sys.exit(main())
