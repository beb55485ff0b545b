#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of opening the application at an item.

Makes a project from the sample checklist with evident-cli, adds a
three-page PDF to item 8.2.1, and starts the application as a script or a
recent-files entry would: `evident --item 8.2.1 PROJECT`. The window must
come up on 8.2.1 with page 1 of the PDF in the preview, and the keyboard
on the item's first control (its status), as when the item is opened from
the list; Shift+Tab then moves back to the buttons above it.

Usage: e2e-open-item.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import shutil
import sys

import cairo
from dogtail import rawinput

from e2e_atspi import (check_output, cli_run, find, find_app, has_state, log, name, pyatspi, role,
                       set_up, start, stop, wait_for)

CHECKLIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "checklists",
                         "msp-sample.csv")


def make_pdf(path, pages):
    surface = cairo.PDFSurface(path, 595, 842)
    context = cairo.Context(surface)
    for _ in range(pages):
        context.rectangle(60, 60, 200, 120)
        context.fill()
        context.show_page()
    surface.finish()


def focused(app):
    return find(app, lambda n: has_state(n, pyatspi.STATE_FOCUSED))


def main():
    (exe, cli), home, env = set_up(__doc__, 2)
    project = os.path.join(home, "audit.evident")
    pdf = os.path.join(home, "policy.pdf")

    cli_run(cli, env, "new", project, "--checklist", CHECKLIST)
    make_pdf(pdf, 3)
    cli_run(cli, env, "attach", project, "8.2.1", pdf)

    log_path = os.path.join(home, "evident.log")
    proc = start([exe, "--item", "8.2.1", project], env, log_path)
    try:
        status = run(proc)
    finally:
        output = stop(proc, log_path)
    check_output(output)
    shutil.rmtree(home, ignore_errors=True)
    return status


def run(proc):
    app = find_app(proc)
    log(f"found application {name(app)!r}")

    wait_for("page 1 of 3 in the preview",
             lambda: find(app, lambda n: role(n) == "document text" and name(n) == "Page 1 of 3"),
             timeout=30, node=app)
    wait_for("the item 8.2.1 in the list",
             lambda: find(app, lambda n: role(n) == "list item" and name(n).startswith("8.2.1 ")
                          and has_state(n, pyatspi.STATE_SELECTED)),
             node=app)
    status = wait_for("the keyboard on the item's status",
                      lambda: (lambda n: n if n is not None and role(n) == "combo box"
                               and name(n) == "Status" else None)(focused(app)),
                      node=app)
    log(f"focus: {role(status)} {name(status)!r}")

    rawinput.keyCombo("<Shift>Tab")
    moved = wait_for("Shift+Tab to move back from the status to the item's buttons",
                     lambda: (lambda n: n if n is not None and role(n) == "push button" else None)(
                         focused(app)),
                     node=app)
    log(f"Shift+Tab: {role(moved)} {name(moved)!r}")
    log("PASS: evident --item opened 8.2.1 with page 1 of its PDF and the keyboard on its status")
    return 0


if __name__ == "__main__":
    sys.exit(main())
