#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of presenter mode on audit day, with real keys.

Makes a project from the sample checklist with evident-cli and a
validation audit session over chapter 8.0, then starts the application
as a script or a recent-files entry would: `evident --item 8.1.1
--present PROJECT`. Presenter mode must come up on 8.1.1; typing `8.2.1`
and Enter goes to that item; P and Enter record a "passed" verdict, which
the screen shows; Escape leaves presenter mode, and the main window shows
8.2.1. Once the application is gone, `evident-cli verdicts` must find the
verdict in the project file.

Usage: e2e-present.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import shutil
import sys

from e2e_atspi import (KEY_RETURN, check_output, cli_run, fail, find, find_app, has_state,
                       labels_under, log, name, press, pyatspi, role, set_up, start, stop, wait_for)

KEY_ESCAPE = 0xFF1B
CHECKLIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "checklists",
                         "msp-sample.csv")


def type_text(text):
    for c in text:
        press(ord(c))


def presenter(app, title_start="Presenting "):
    return find(app, lambda n: role(n) == "frame" and name(n).startswith(title_start))


def main():
    (exe, cli), home, env = set_up(__doc__, 2)
    project = os.path.join(home, "audit.evident")
    cli_run(cli, env, "new", project, "--checklist", CHECKLIST)
    session = cli_run(cli, env, "session", "new", project, "--kind", "audit", "--scope", "8.0",
                      "--with", "Jane Auditor").strip()
    log(f"session {session} in {project}")

    log_path = os.path.join(home, "evident.log")
    proc = start([exe, "--item", "8.1.1", "--present", project], env, log_path)
    try:
        status = run(proc)
    finally:
        output = stop(proc, log_path)
    check_output(output)

    verdicts = cli_run(cli, env, "verdicts", project, "8.2.1")
    shutil.rmtree(home, ignore_errors=True)
    log("evident-cli verdicts: " + verdicts.strip())
    if "passed" not in verdicts:
        fail("the verdict recorded in presenter mode is not in the project file")
    return status


def run(proc):
    app = find_app(proc)
    log(f"found application {name(app)!r}")

    # --item 8.1.1 --present: presenter mode on 8.1.1.
    window = wait_for("presenter mode on 8.1.1",
                      lambda: presenter(app, "Presenting 8.1.1 "), timeout=30, node=app)
    log(f"presenter mode: {name(window)!r}")

    # Typing a reference goes to it.
    type_text("8.2.1")
    press(KEY_RETURN)
    window = wait_for("presenter mode on 8.2.1",
                      lambda: presenter(app, "Presenting 8.2.1 "), node=app)
    log(f"went to {name(window)!r}")

    # P, then Enter in the finding's entry: the verdict is recorded.
    press(ord("p"))
    press(KEY_RETURN)
    wait_for("the verdict Passed on screen",
             lambda: "Passed" in labels_under(presenter(app, "Presenting 8.2.1 ")), node=app)
    log("verdict recorded: Passed")

    # Escape leaves presenter mode; the main window is on 8.2.1.
    press(KEY_ESCAPE)
    wait_for("presenter mode to close", lambda: presenter(app) is None, node=app)
    wait_for("the main window's list on 8.2.1",
             lambda: find(app, lambda n: role(n) == "list item" and name(n).startswith("8.2.1 ")
                          and has_state(n, pyatspi.STATE_SELECTED)),
             node=app)
    log("PASS: presenter mode opened with --item, went to 8.2.1 by typing it, "
        "recorded a verdict and left with Escape")
    return 0


if __name__ == "__main__":
    sys.exit(main())
