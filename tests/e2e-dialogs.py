#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every dialog and page beyond the main window, as a screen reader and
keyboard user meets them.

Makes a project from tests/data/revision-4.1.csv with evident-cli (a dry
run of chapter 2.0 with a failed verdict and its finding, a file attached
to item 2.1), starts the real application on it, and opens from the
keyboard, one after the other: What-If mode and the plan, the sessions page,
New Session, the chapter's menu in the sidebar and its exemption dialog,
its session history, the readiness report and evidence pack dialogs, the
checklist versions and the archive, Update Checklist (with
tests/data/revision-4.1.1.csv: the revision preview), Save a Copy, About
and presenter mode. In each it walks the accessibility tree and fails on
any interactive element without a clean name (see e2e_walk.py), presses
Tab round the dialog and fails on a focus that gets lost or trapped, and
closes it with Escape.

Usage: e2e-dialogs.py PATH/TO/evident PATH/TO/evident-cli
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

from e2e_atspi import (check_output, children, environment, fail, find, find_all, find_app, has_state, log,
                       name, pyatspi, role, start, stop, wait_for)
from e2e_walk import Walker, describe, focused
from dogtail import rawinput

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def cli_run(cli, env, *args):
    result = subprocess.run([cli, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"evident-cli {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def shot(what):
    folder = os.environ.get("E2E_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, what.replace(" ", "-").replace("/", "-") + ".png")
        subprocess.run(["import", "-window", "root", path], check=False)


def main():
    if len(sys.argv) != 3:
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
        status = run(proc, revision)
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

    def new_window(self, what, before):
        return wait_for(what, lambda: next((w for w in showing(self.app) if w not in before), None),
                        node=self.app)

    def audit(self, what, open_it, walk=True, before=None):
        """Opens a window with @open_it, walks its names and its Tab chain,
        and closes it with Escape. Faults are counted."""
        if before is None:
            before = showing(self.app)
        open_it()
        window = self.new_window(what, before)
        log(f"{what}: window {describe(window)}")
        time.sleep(0.8)
        shot(what)
        if walk:
            self.walker.page(what, window)
            self.walker.tab_chain(what, window)
        self.key("Escape", 0.5)
        try:
            wait_for(f"{what} to close with Escape", lambda: window not in showing(self.app), timeout=4)
        except SystemExit:
            self.walker.add(f"{what}: Escape does not close it")
            return window
        return None


def run(proc, revision):
    app = find_app(proc)
    sidebar = wait_for("the chapter sidebar", lambda: sidebar_of(app), node=app, proc=proc)
    window = next(w for w in showing(app) if sidebar in find_all(w, lambda n: role(n) == "list"))
    # Keys go to the window under the pointer (no window manager).
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.5)
    d = Dialogs(app, window)

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

    d.audit("New Session", lambda: d.key("<Control><Alt>n"))

    # A chapter's menu in the sidebar (Shift+F10): exempt, session history
    def chapter_menu(label):
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

    d.audit("Exemption", chapter_menu("Mark as Exempt…"))
    d.audit("Session History", chapter_menu("Session History"))

    d.audit("Readiness Report", lambda: d.menu("Readiness Report…"))
    d.audit("Evidence Pack", lambda: d.menu("Evidence Pack for the Auditor…"))
    d.audit("Checklist Versions", lambda: d.menu("Checklist Versions"))
    d.audit("Archive", lambda: d.menu("Archive"))
    d.audit("About", lambda: d.menu("About Evident"))
    # GTK's own file chooser (a portal's on a desktop): only that Escape closes it.
    d.audit("Save a Copy", lambda: d.key("<Control><Shift>s"), walk=False)

    # Update Checklist: the file chooser, then the revision preview
    before = showing(app)
    d.key("<Control><Shift>r", 1.0)
    chooser = d.new_window("the checklist file chooser", before)
    d.key("<Control>l", 0.5)
    rawinput.typeText(revision)
    time.sleep(0.3)
    before.append(chooser)
    d.audit("Update Checklist", lambda: d.key("Return", 1.0), before=before)

    d.audit("Presenter", lambda: d.key("F5", 1.0))

    d.walker.check(60, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
