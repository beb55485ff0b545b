#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control a screen reader user can reach has a clean name.

Starts the real application on a fresh data directory (the demo project)
(with a file and a link added to item 1.1.1 by evident-cli, so that the
editor shows evidence rows) and walks the whole accessibility tree of each of its pages: the
Overview, All Items, a chapter, the item editor (with an item that has
evidence, so its evidence rows are there too), the main menu, the Edit
History, the Plan Settings and the keyboard shortcuts window. It fails on any interactive
element (button, toggle, drop-down, entry, list row, menu item, …) whose
name is empty, a widget's class name ("GtkToggleButton"), shows a
mnemonic's underscore ("_Open…"), or says its label twice ("Open link
Open Link"). The evidence menu shows the key to remove as "Delete".

Usage: e2e-names.py PATH/TO/evident PATH/TO/evident-cli
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import shutil
import subprocess
import sys
import time

from e2e_atspi import (check_output, children, fail, find, find_all, find_app, has_state,
                       labels_under, log, name, pyatspi, role, set_up, start, stop, wait_for)
from e2e_walk import Walker
from dogtail import rawinput


def main():
    (exe, cli), home, env = set_up(__doc__, 2)
    log_path = os.path.join(home, "evident.log")
    try:
        # The first start creates the demo project; evidence goes to 1.1.1.
        proc = start([exe], env, log_path)
        try:
            app = find_app(proc)
            wait_for("the chapter sidebar", lambda: sidebar_of(app), node=app, proc=proc)
        finally:
            check_output(stop(proc, log_path))
        project = os.path.join(env["XDG_DATA_HOME"], "evident", "Demo Project.evident")
        document = os.path.join(home, "Security policy.txt")
        with open(document, "w") as f:
            f.write("Our security policy\n")
        for evidence in (document, "https://example.com/policy"):
            subprocess.run([cli, "attach", project, "1.1.1", evidence], env=env, check=True,
                           stdout=subprocess.DEVNULL)

        proc = start([exe], env, log_path)
        try:
            status = run(proc)
        finally:
            output = stop(proc, log_path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    check_output(output)
    return status


def sidebar_of(app):
    return find(app, lambda n: role(n) == "list" and name(n) == "Chapters"
                and any(name(r).startswith("All Items") for r in children(n)))


def items_of(app):
    return find(app, lambda n: role(n) == "list" and name(n) == "Items")


def select(app, lst, index, what):
    if not lst.querySelection().selectChild(index):
        fail(f"the list refused to select {what}", app)
    wait_for(f"{what} to be selected", lambda: has_state(children(lst)[index], pyatspi.STATE_SELECTED),
             node=app)


def toplevels(app):
    return [w for w in children(app) if has_state(w, pyatspi.STATE_SHOWING) or has_state(w, pyatspi.STATE_ACTIVE)]


def run(proc):
    app = find_app(proc)
    walker = Walker()
    sidebar = wait_for("the chapter sidebar", lambda: sidebar_of(app), node=app, proc=proc)
    wait_for("the overview", lambda: find(app, lambda n: name(n) == "EvidentOverview"), node=app)
    walker.page("Overview", app)

    rows = children(sidebar)
    index = next(i for i, r in enumerate(rows) if name(r).startswith("All Items"))
    select(app, sidebar, index, "All Items")
    items = wait_for("the item list", lambda: items_of(app), node=app)
    walker.page("All Items", app)

    # Items until one with evidence: its rows (kind drop-down, menu) too.
    with_evidence = None
    for i in range(min(len(children(items)), 40)):
        select(app, items, i, f"item {i}")
        editor = wait_for("the item editor", lambda: find(app, lambda n: name(n) == "EvidentItemEditor"),
                          node=app)
        time.sleep(0.3)
        if find(editor, lambda n: role(n) == "combo box" and name(n).startswith("Kind of evidence")):
            with_evidence = name(children(items)[i])
            break
    if with_evidence is None:
        fail("no item with evidence among the first 40 of the sample", app)
    log(f"item with evidence: {with_evidence}")
    walker.page("Item editor", app)

    # An evidence row's menu: its items named, and the key to remove one
    # shown as the key says ("Delete", not "KP Delete").
    button = find(editor, lambda n: name(n) == "Evidence Menu" and role(n) in ("push button", "toggle button"))
    if button is None:
        fail("no evidence menu in the editor", app)
    # Focus scrolls it into view, then a click opens it (the window is at
    # the origin of the Xvfb screen).
    # Tab to it from the item's notes (Alt+N): the editor scrolls it into
    # view (a popover beside a button off the screen has no monitor), and
    # Return opens it.
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.3)
    rawinput.keyCombo("<Alt>n")
    time.sleep(0.5)
    for _ in range(40):
        focus = find(editor, lambda n: has_state(n, pyatspi.STATE_FOCUSED))
        if focus is not None and name(focus) == "Evidence Menu":
            break
        rawinput.keyCombo("Tab")
        time.sleep(0.2)
    else:
        fail("Tab from the notes does not reach the evidence menu", editor)
    rawinput.keyCombo("Return")
    remove = wait_for("the evidence menu", lambda: find(app, lambda n: role(n) == "menu item"
                                                        and name(n).startswith("Remove")), node=app)
    walker.page("Evidence menu", remove.parent)
    keys = [t for t in labels_under(remove) if t != name(remove)]
    log(f"{name(remove)!r} shows the key {keys}")
    if "Delete" not in keys:
        fail(f"the evidence menu shows {keys} as the key of {name(remove)!r}, not Delete", app)
    rawinput.absoluteMotion(400, 300)
    rawinput.keyCombo("Escape")
    time.sleep(0.3)

    index = next(i for i, r in enumerate(rows) if name(r).startswith("8.0 "))
    select(app, sidebar, index, "chapter 8.0")
    walker.page("Chapter 8.0", app)

    # Keys go to the window under the pointer (no window manager).
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.3)

    rawinput.keyCombo("F10")
    wait_for("the main menu", lambda: find(app, lambda n: role(n) == "menu item"
                                           and name(n) == "Keyboard Shortcuts"), node=app)
    walker.page("Main menu", app)
    rawinput.keyCombo("Escape")
    time.sleep(0.3)

    rawinput.keyCombo("<Control>h")
    history = wait_for("the Edit History", lambda: next(
        (w for w in children(app) if name(w) == "Edit History"), None), node=app)
    time.sleep(0.5)
    walker.page("Edit History", history)
    rawinput.keyCombo("Escape")
    wait_for("the Edit History to close",
             lambda: not any(name(w) == "Edit History" for w in toplevels(app)), node=app)

    # Plan Settings, from the main menu
    rawinput.keyCombo("F10")
    item = wait_for("Plan Settings in the main menu",
                    lambda: find_all(app, lambda n: role(n) == "menu item"
                                     and name(n) == "Plan Settings…")[-1], node=app)
    time.sleep(0.5)
    item.queryAction().doAction(0)
    settings = wait_for("the Plan Settings", lambda: next(
        (w for w in children(app) if name(w) == "Plan Settings"), None), node=app)
    time.sleep(0.5)
    walker.page("Plan Settings", settings)
    rawinput.keyCombo("Escape")
    wait_for("the Plan Settings to close",
             lambda: not any(name(w) == "Plan Settings" for w in toplevels(app)), node=app)

    rawinput.keyCombo("<Control><Shift>question")
    shortcuts = wait_for("the shortcuts window", lambda: next(
        (w for w in children(app) if name(w) == "Keyboard Shortcuts"), None), node=app)
    time.sleep(0.5)
    walker.page("Keyboard Shortcuts", shortcuts)
    rawinput.keyCombo("Escape")

    walker.check(100, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
