#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every dialog and page beyond the main window, as a screen reader and
keyboard user meets them.

Makes a project from tests/data/revision-4.1.csv with evident-cli (a dry
run of chapter 2.0 with a failed verdict and its finding, a file attached
to item 2.1), starts the real application on it, and opens from the
keyboard, one after the other, in two parts (each a test of its own):

 audit:   What-If mode, the sessions page with the session's findings, a
          verdict, New Session, the chapter's menu in the sidebar and its
          exemption dialog;
 exports: the readiness report and evidence pack dialogs, the checklist
          versions and the archive, About, Save a Copy, the chapter's
          session history and presenter mode;
 revision: addressing a finding, Update Checklist (with
          tests/data/revision-4.1.1.csv: the revision preview).

In each it walks the accessibility tree and fails on any interactive
element without a clean name (see e2e_walk.py), presses Tab round the
dialog and fails on a focus that gets lost or trapped, and closes it with
Escape.

Usage: e2e-dialogs.py PATH/TO/evident PATH/TO/evident-cli audit|exports|revision
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
Set E2E_SHOTS to a folder to save a screenshot of each dialog there.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

from e2e_atspi import (check_output, children, cli_run, environment, fail, find, find_all, find_app, has_state, log,
                       name, pyatspi, role, start, stop, wait_for)
from e2e_walk import Walker, describe, focused
from dogtail import rawinput

START = time.monotonic()
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def shot(what):
    folder = os.environ.get("E2E_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, what.replace(" ", "-").replace("/", "-") + ".png")
        subprocess.run(["import", "-window", "root", path], check=False)


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in PARTS:
        print(__doc__, file=sys.stderr)
        return 2

    exe = os.path.abspath(sys.argv[1])
    cli = os.path.abspath(sys.argv[2])
    home = tempfile.mkdtemp(prefix="evident-e2e-dialogs-")
    env = environment(home)
    project = os.path.join(home, "audit.evident")
    cli_run(cli, env, "new", project, "--checklist", os.path.join(DATA, "revision-4.1.csv"))
    document = os.path.join(home, "Incident process.txt")
    with open(document, "w") as f:
        f.write("How we handle incidents\n")
    cli_run(cli, env, "attach", project, "2.1", document)
    session = cli_run(cli, env, "session", "new", project, "--kind", "dry-run", "--scope", "2.0",
                      "--with", "Jane Reviewer").strip()
    cli_run(cli, env, "verdict", project, session, "2.1", "failed", "--finding", "No closed records shown")
    revision = os.path.join(home, "revision-4.1.1.csv")
    shutil.copy(os.path.join(DATA, "revision-4.1.1.csv"), revision)

    log_path = os.path.join(home, "evident.log")
    proc = start([exe, project], env, log_path)
    try:
        status = PARTS[sys.argv[3]](proc, revision)
    finally:
        output = stop(proc, log_path)
        shutil.rmtree(home, ignore_errors=True)
    check_output(output)
    return status


def showing(app):
    """The windows on screen (a dialog is visible, not showing, in GTK 4.8)."""
    return [w for w in children(app) if any(has_state(w, s) for s in (pyatspi.STATE_SHOWING, pyatspi.STATE_ACTIVE,
                                                                      pyatspi.STATE_VISIBLE))]


def sidebar_of(app):
    return find(app, lambda n: role(n) == "list" and name(n) == "Chapters"
                and any(name(r).startswith("All Items") for r in children(n)))


class Dialogs:
    def __init__(self, app, window):
        self.app = app
        self.window = window
        self.walker = Walker()

    def key(self, combo, wait=0.3):
        rawinput.keyCombo(combo)
        time.sleep(wait)

    def menu(self, label):
        """Chooses @label in the main menu (F10)."""
        self.key("F10")
        item = wait_for(f"{label} in the main menu",
                        lambda: [n for n in find_all(self.app, lambda n: role(n) == "menu item" and name(n) == label)
                                 if has_state(n, pyatspi.STATE_VISIBLE)][-1], node=self.app)
        time.sleep(0.3)
        item.queryAction().doAction(0)

    def tab_to(self, what, pred):
        """Presses Tab until the focus in the main window is on what @pred
        takes."""
        for presses in range(25):
            now = focused(self.window)
            if now is not None and pred(now):
                log(f"Tab reaches {what} in {presses} presses")
                return now
            self.key("Tab", 0.2)
        fail(f"Tab does not reach {what}; the focus is on {describe(focused(self.window))}", self.window)

    def new_window(self, what, before):
        return wait_for(what, lambda: next((w for w in showing(self.app) if w not in before), None),
                        node=self.app)

    def audit(self, what, open_it, walk=True, before=None, check=None):
        """Opens a window with @open_it, walks its names and its Tab chain,
        and closes it with Escape. Faults are counted."""
        if before is None:
            before = showing(self.app)
        open_it()
        window = self.new_window(what, before)
        log(f"{what}: window {describe(window)} at {time.monotonic() - START:.1f} s")
        time.sleep(0.8)
        shot(what)
        if walk:
            self.walker.page(what, window)
            self.walker.tab_chain(what, window)
        if check is not None:
            check(window)
        self.key("Escape", 0.5)
        deadline = time.monotonic() + 4
        while window in showing(self.app):
            if time.monotonic() > deadline:
                self.walker.add(f"{what}: Escape does not close it")
                return
            time.sleep(0.25)


def chapter_menu(d, label):
    """Opens the menu of chapter 2.0 in the sidebar (Shift+F10) and chooses @label."""
    app = d.app

    def open_it():
        d.key("<Alt>Home", 0.5)
        for _ in range(6):
            if sidebar_of(app) is not None and focused(sidebar_of(app)) is not None:
                break
            d.key("F6")
        rows = children(sidebar_of(app))
        at = next((i for i, r in enumerate(rows) if has_state(r, pyatspi.STATE_FOCUSED)), 0)
        target = next(i for i, r in enumerate(rows) if name(r).startswith("2.0 "))
        for _ in range(abs(target - at)):
            d.key("Down" if target > at else "Up", 0.15)
        d.key("<Shift>F10", 0.5)
        item = wait_for(f"{label} in the chapter's menu",
                        lambda: find(app, lambda n: role(n) == "menu item" and name(n) == label
                                     and has_state(n, pyatspi.STATE_VISIBLE)), node=app)
        d.walker.page("Chapter menu", item.parent)
        item.queryAction().doAction(0)
    return open_it


def started(proc):
    app = find_app(proc)
    sidebar = wait_for("the chapter sidebar", lambda: sidebar_of(app), node=app, proc=proc)
    window = next(w for w in showing(app) if sidebar in find_all(w, lambda n: role(n) == "list"))
    # Keys go to the window under the pointer (no window manager).
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.5)
    return app, Dialogs(app, window)


def audit_part(proc, revision):
    app, d = started(proc)

    # What-If mode and the plan, in the main window
    d.key("<Control><Alt>w", 0.8)
    wait_for("What-If mode", lambda: find(app, lambda n: "What-If" in name(n) and role(n) != "menu item"),
             node=app)
    shot("What-If")
    d.walker.page("What-If mode", app)
    d.key("<Control><Alt>w", 0.5)

    # The sessions page, with the dry run and its finding
    d.key("<Control><Alt>s", 1.0)
    wait_for("the sessions page", lambda: find(app, lambda n: "Jane Reviewer" in name(n)), node=app)
    shot("Sessions")
    d.walker.page("Sessions page", app)

    # A verdict: the first item in the session's scope, from the keyboard
    tab_to = d.tab_to

    def verdict():
        tab_to("the session", lambda n: role(n) == "list item" and name(n).startswith("Dry run"))
        d.key("Return", 0.8)
        shot("Session")
        tab_to("the items in scope", lambda n: role(n) == "list item" and name(n).startswith("2.1"))
        d.key("Return")

    # The verdict chosen is said, not only shown pressed: 2.1 failed (by
    # evident-cli); choosing Passed moves the state.
    def verdict_state(dialog):
        def button(label):
            return find(dialog, lambda n: name(n) == label and role(n) in ("push button", "toggle button"))

        def chosen(n):
            return bool({pyatspi.STATE_PRESSED, pyatspi.STATE_CHECKED} & set(n.getState().getStates()))

        if not chosen(button("Failed")):
            fail("the verdict dialog does not say that 2.1's verdict is Failed", dialog)
        button("Passed").queryAction().doAction(0)
        wait_for("Passed to say it is chosen, and Failed not",
                 lambda: chosen(button("Passed")) and not chosen(button("Failed")), node=dialog)
        log("Verdict: the verdict chosen is said (pressed)")
    d.audit("Verdict", verdict, check=verdict_state)

    d.audit("New Session", lambda: d.key("<Control><Alt>n"))


    d.audit("Exemption", chapter_menu(d, "Mark as Exempt…"))
    d.walker.check(150, app)
    return 0


def exports_part(proc, revision):
    app, d = started(proc)
    d.audit("Readiness Report", lambda: d.menu("Readiness Report…"))
    d.audit("Evidence Pack", lambda: d.menu("Evidence Pack for the Auditor…"))
    d.audit("Checklist Versions", lambda: d.menu("Checklist Versions"))
    d.audit("Archive", lambda: d.menu("Archive"))
    d.audit("About", lambda: d.menu("About Evident"))
    # GTK's own file chooser (a portal's on a desktop): only that Escape closes it.
    d.audit("Save a Copy", lambda: d.key("<Control><Shift>s"), walk=False)
    d.audit("Session History", chapter_menu(d, "Session History"))
    d.audit("Presenter", lambda: d.key("F5", 1.0))
    d.walker.check(60, app)
    return 0


def revision_part(proc, revision):
    app, d = started(proc)

    # Addressing a finding, from the sessions page
    def address():
        d.key("<Control><Alt>s", 1.0)
        d.tab_to("the finding's Address button", lambda n: role(n) == "push button" and name(n).startswith("Address"))
        d.key("Return")
    d.audit("Address Finding", address)

    # Update Checklist: the file chooser, then the revision preview
    before = showing(app)
    d.key("<Control><Shift>r", 1.0)
    chooser = d.new_window("the checklist file chooser", before)
    d.key("<Control>l", 0.5)
    rawinput.typeText(revision)
    time.sleep(0.3)
    before.append(chooser)
    d.audit("Update Checklist", lambda: d.key("Return", 1.0), before=before)

    d.walker.check(60, app)
    return 0


PARTS = {"audit": audit_part, "exports": exports_part, "revision": revision_part}


if __name__ == "__main__":
    sys.exit(main())
