#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the item editor's text fields under a screen reader.

Makes 8.2.1 not applicable, with its reason, and starts the application
at it (`evident --item 8.2.1 PROJECT`), where the keyboard is on the
item's status. Tab goes to the Reason field, and on to the Owner field: a
screen reader must hear each take the focus, by its name, with its text.
Typing a name in Owner and pressing Enter saves it as the item's owner
(checked with `evident-cli items --json` once the application is gone).
Tab goes on, past the complexity and the due date, to the estimate, which
must report the focus too.

Usage: e2e-entry-focus.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import json
import os
import shutil
import sys

from dogtail import rawinput

from e2e_atspi import (check_output, cli_run, fail, find, find_app, has_state, log, name, pyatspi,
                       role, set_up, start, stop, text, wait_for)

CHECKLIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "checklists",
                         "msp-sample.csv")
OWNER = "Robin Ops"
REASON = "Managed by the customer"
TEXT_ROLES = ("text", "entry", "password text")


def focused(app):
    return find(app, lambda n: has_state(n, pyatspi.STATE_FOCUSED))


def focused_field(app, label):
    """The focused node, when it is the text field named @label."""
    node = focused(app)
    if node is not None and role(node) in TEXT_ROLES and name(node) == label:
        return node
    return None


def main():
    (exe, cli), home, env = set_up(__doc__, 2)
    project = os.path.join(home, "audit.evident")
    cli_run(cli, env, "new", project, "--checklist", CHECKLIST)
    cli_run(cli, env, "set", project, "8.2.1", "--status", "not-applicable", "--reason", REASON)

    log_path = os.path.join(home, "evident.log")
    proc = start([exe, "--item", "8.2.1", project], env, log_path)
    try:
        run(proc)
    finally:
        output = stop(proc, log_path)
    check_output(output)

    items = json.loads(cli_run(cli, env, "items", project, "--json"))
    if isinstance(items, dict):
        items = items.get("items", [])
    item = next((i for i in items if i.get("ref") == "8.2.1"), None)
    if item is None:
        fail("8.2.1 is no longer in the project")
    if item.get("owner") != OWNER:
        fail(f"8.2.1's owner is {item.get('owner')!r}, expected {OWNER!r}")
    log(f"saved: 8.2.1's owner is {item.get('owner')!r}")
    shutil.rmtree(home, ignore_errors=True)
    log("PASS: the editor's text fields report the focus with their names, and Enter saves")
    return 0


def run(proc):
    app = find_app(proc)
    log(f"found application {name(app)!r}")
    wait_for("the keyboard on the item's status",
             lambda: (lambda n: n if n is not None and role(n) == "combo box"
                      and name(n) == "Status" else None)(focused(app)),
             timeout=30, node=app)

    rawinput.keyCombo("Tab")
    reason = wait_for("Tab from the status to report the focus on the Reason field",
                      lambda: focused_field(app, "Reason"), node=app)
    log(f"focus: {role(reason)} {name(reason)!r} text={text(reason)!r}")
    if text(reason) != REASON:
        fail(f"the Reason field reads {text(reason)!r}, expected {REASON!r}", node=app)
    if reason.description != "Say why this item does not apply":
        fail(f"the Reason field is described as {reason.description!r}", node=app)

    rawinput.keyCombo("Tab")
    owner = wait_for("Tab from the reason to report the focus on the Owner field",
                     lambda: focused_field(app, "Owner"), node=app)
    log(f"focus: {role(owner)} {name(owner)!r} text={text(owner)!r}")

    rawinput.keyCombo("<Control>a")
    rawinput.typeText(OWNER)
    wait_for(f"the Owner field to read {OWNER!r}",
             lambda: (lambda n: n if n is not None and text(n) == OWNER else None)(
                 focused_field(app, "Owner")),
             node=app)
    rawinput.keyCombo("Return")
    # Saved, the owner shows in the item's row of the list.
    wait_for(f"the item's row to name {OWNER!r}",
             lambda: find(app, lambda n: role(n) == "list item" and name(n).startswith("8.2.1 ")
                          and OWNER in name(n)),
             node=app, proc=proc)

    # On past the owner's menu button, the complexity and the due date to
    # the estimate: Tab until it has the focus, a few stops at most.
    for _ in range(8):
        rawinput.keyCombo("Tab")
        try:
            estimate = wait_for("the focus to move", lambda: focused(app), timeout=5)
        except SystemExit:
            estimate = None
        if estimate is not None and role(estimate) in TEXT_ROLES and name(estimate) == "Estimate (Days)":
            break
        log(f"Tab: {role(estimate)} {name(estimate)!r}")
    else:
        fail("Tab never reported the focus on the Estimate (Days) field", node=app)
    log(f"focus: {role(estimate)} {name(estimate)!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
