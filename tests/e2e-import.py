#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the import assistant, through the accessibility tree.

Writes a checklist CSV whose reference column has a name the import does
not know ("Key") and values without numbers (so that no column is taken
for the references by its values either), starts the real application on it (`evident FILE`, as a
file manager would), finds the import assistant, checks that it blocks the
import and says why, maps the reference column with the "Reference column"
drop-down from the keyboard, creates the project with Ctrl+Return and the
save dialog, and checks with `evident-cli items --json` that the project
file holds the checklist's items, with the column no field takes kept as
an extra field. The mapping the user chose is remembered for the next
file with the same header.

Usage: e2e-import.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from e2e_atspi import (KEY_DOWN, KEY_RETURN, KEY_UP, check_output, children, click, environment,
                       fail, find, find_all, find_app, has_state, is_button, labels_under, log, name, press,
                       pyatspi, rawinput, role, start, stop, wait_for)

CHECKLIST = (
    "Key;Name;Text;Area;Owner team\n"
    "access-policy;Access policy;An access control policy is documented and reviewed.;Access;Platform\n"
    "account-review;Account review;Accounts are reviewed every quarter.;Access;Platform\n"
    "central-logging;Central logging;Security events go to a central store.;Logging;SRE\n"
    "log-retention;Log retention;Logs are kept for a year.;Logging;SRE\n"
    "incident-plan;Incident plan;An incident response plan exists and is tested.;Incidents;Security\n"
)
REFS = ["access-policy", "account-review", "central-logging", "incident-plan", "log-retention"]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2

    exe = os.path.abspath(sys.argv[1])
    cli = os.path.abspath(sys.argv[2])
    home = tempfile.mkdtemp(prefix="evident-e2e-import-")
    checklist = os.path.join(home, "controls.csv")
    with open(checklist, "w", encoding="utf-8") as f:
        f.write(CHECKLIST)

    # The save dialog starts in the home folder (there is no Documents).
    env = environment(home)
    log_path = os.path.join(home, "evident.log")
    proc = start([exe, checklist], env, log_path)
    try:
        status = run(proc, cli, home, env)
    finally:
        output = stop(proc, log_path)
        shutil.rmtree(home, ignore_errors=True)
    check_output(output)
    return status


def run(proc, cli, home, env):
    app = find_app(proc)

    # The assistant opens on the file, titled with its name.
    assistant = wait_for("the import assistant",
                         lambda: find(app, lambda n: role(n) == "frame" and name(n) == "Import Checklist"
                                      and "controls.csv" in labels_under(n)),
                         node=app)
    log("found the import assistant")

    def create_button():
        return find(assistant, lambda n: is_button(n, "Create Project…"))

    # Nothing names the references: the assistant says so, and waits.
    button = wait_for("the Create Project button", create_button, node=assistant)
    wait_for("the reason the import waits",
             lambda: any("no column holds the items’ references" in t for t in labels_under(assistant)),
             node=assistant)
    if has_state(button, pyatspi.STATE_SENSITIVE):
        fail("Create Project… is offered while no column holds the references", assistant)

    # Map the reference column with its drop-down, from the keyboard.
    combo = wait_for("the Reference column drop-down",
                     lambda: find(assistant, lambda n: role(n) == "combo box" and name(n) == "Reference column"),
                     node=assistant)
    click(combo)

    def column_list():
        for lst in find_all(combo, lambda n: role(n) == "list"):
            options = [" ".join(labels_under(r)) for r in children(lst)]
            if "Key (A)" in options and len(options) >= 4:
                return lst, options
        return None

    popup, options = wait_for("the columns offered", column_list, node=combo)
    focused = next((i for i, r in enumerate(children(popup)) if has_state(r, pyatspi.STATE_FOCUSED)), 0)
    delta = options.index("Key (A)") - focused
    log(f"columns offered: {options}; moving {delta} from {options[focused]!r}")
    press(KEY_DOWN if delta > 0 else KEY_UP, abs(delta))
    press(KEY_RETURN)

    wait_for("the drop-down to show Key (A)", lambda: "Key (A)" in labels_under(combo), node=combo)
    wait_for("Create Project… to be offered",
             lambda: has_state(create_button(), pyatspi.STATE_SENSITIVE), node=assistant)
    wait_for("the count line", lambda: any(t.startswith("5 items in 3 chapters") for t in labels_under(assistant)),
             node=assistant)
    log("the reference column is mapped: 5 items in 3 chapters")

    # Ctrl+Return creates: the save dialog suggests controls.evident.
    rawinput.keyCombo("<Control>Return")
    # (GTK 4.8 gives the file chooser dialog no window role.)
    dialog = wait_for("the save dialog",
                      lambda: next((top for top in children(app) if name(top) == "Save the New Project"), None),
                      node=app)
    accept = wait_for("the dialog's Create button",
                      lambda: find(dialog, lambda n: is_button(n, "Create")), node=dialog)
    time.sleep(0.5)
    accept.queryAction().doAction(0)

    project = os.path.join(home, "controls.evident")
    wait_for(f"{project} to be created", lambda: os.path.exists(project), timeout=20, node=app, proc=proc)

    # The project shows in the window, and the assistant is gone.
    def is_sidebar(n):
        return role(n) == "list" and name(n) == "Chapters" and any(
            name(r).startswith("All Items") for r in children(n))

    wait_for("the project's chapters in the window", lambda: find(app, is_sidebar), node=app, proc=proc)
    wait_for("the assistant to close",
             lambda: not find(app, lambda n: role(n) == "frame" and name(n) == "Import Checklist"),
             node=app, proc=proc)

    result = subprocess.run([cli, "items", project, "--json"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"evident-cli items failed: {result.stderr.strip()}")
    items = json.loads(result.stdout)
    if isinstance(items, dict):
        items = items.get("items", [])
    refs = sorted(item.get("ref") for item in items)
    if refs != REFS:
        fail(f"the project holds {refs}, expected {REFS}")
    # The column no field takes stays with each item.
    first = next(item for item in items if item.get("ref") == "access-policy")
    if {"name": "Owner team", "value": "Platform"} not in (first.get("extra") or []):
        fail(f"access-policy lost its extra field: {first}")

    # The mapping is remembered for the next file with this header.
    memory = os.path.join(home, "config", "evident", "import-mappings.json")
    if not os.path.exists(memory):
        fail("the mapping the user chose was not remembered")
    with open(memory, encoding="utf-8") as f:
        remembered = json.load(f)
    if "ref=Key" not in json.dumps(remembered):
        fail(f"the remembered mapping does not map the reference to Key: {remembered}")

    log(f"PASS: imported {len(refs)} items into {os.path.basename(project)} with the reference mapped to Key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
