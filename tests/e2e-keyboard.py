#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test with the keyboard only, as an audit lead works all day.

Starts the real application on a fresh data directory (the demo project),
and with keys only, no clicks, goes: start → chapter 8.0 in the sidebar →
its first item → sets its status (Alt+4 Met, or Alt+5 Not Met when it is met) → types a note (Alt+N) →
back to the item list (Shift+F6) → searches the items (Ctrl+F); then, in a
dialog, marks chapter 9.0 exempt with a reason (its menu in the sidebar,
Shift+F10; the reason typed; Return) and undoes it (Ctrl+Z). Each step
is read back from the accessibility tree (the focus, the selected row, the
status control, the notes, the list, the dialog, the sidebar row), and
each must take a few key presses, not dozens.

Usage: e2e-keyboard.py PATH/TO/evident
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import re
import shutil
import sys
import time

from e2e_atspi import (check_output, children, fail, find, find_all, find_app, has_state,
                       labels_under, log, name, pyatspi, role, set_up, start, stop, text, wait_for)
from dogtail import rawinput

# The most key presses one step may take.
MAX_PRESSES = 15

STATUSES = ["Not Started", "In Progress", "Ready for Review", "Met", "Not Met", "Not Applicable"]
NOTE = "Checked with the auditor"
REASON = "DevOps competency held"


class Keys:
    """Presses keys and counts them, step by step."""

    def __init__(self):
        self.count = 0
        self.steps = []

    def key(self, combo, times=1):
        for _ in range(times):
            rawinput.keyCombo(combo)
            self.count += 1
            time.sleep(0.2)

    def type(self, string):
        rawinput.typeText(string)
        self.count += 1  # typing text is one step of its own, whatever its length
        time.sleep(0.3)

    def step(self, what):
        log(f"{what}: {self.count} key presses")
        self.steps.append((what, self.count))
        if self.count > MAX_PRESSES:
            fail(f"{what} took {self.count} key presses (at most {MAX_PRESSES})")
        self.count = 0


def focused(app):
    return find(app, lambda n: has_state(n, pyatspi.STATE_FOCUSED))


def describe(node):
    return f"[{role(node)}] {name(node)!r}" if node is not None else "nothing"


def sidebar_of(app):
    return find(app, lambda n: role(n) == "list" and name(n) == "Chapters"
                and any(name(r).startswith("All Items") for r in children(n)))


def items_of(app):
    return find(app, lambda n: role(n) == "list" and name(n) == "Items")


def is_ancestor(node, child):
    """Whether @child is @node or below it."""
    while child is not None:
        if child == node:
            return True
        try:
            child = child.parent
        except Exception:
            return False
    return False


def until_focus_in(keys, app, container_of, combo, what):
    """Presses @combo until the focus is inside what @container_of finds."""
    for _ in range(MAX_PRESSES):
        container = container_of(app)
        if container is not None and is_ancestor(container, focused(app)):
            return container
        keys.key(combo)
    fail(f"{combo} did not bring the focus to {what}; it is on {describe(focused(app))}", app)


def status_shown(app):
    editor = find(app, lambda n: name(n) == "EvidentItemEditor")
    combo = editor and find(editor, lambda n: role(n) == "combo box" and name(n) == "Status")
    if combo is None:
        return None
    shown = [label for label in labels_under(combo) if label in STATUSES]
    return shown[0] if shown else None


def exempt_and_undo(keys, app):
    """Chapter 9.0 exempt with a reason, from its menu in the sidebar, in
    the dialog with the keys only; then Ctrl+Z."""
    def row_of_9():
        sidebar = sidebar_of(app)
        return sidebar and next((r for r in children(sidebar) if name(r).startswith("9.0 ")), None)

    sidebar = until_focus_in(keys, app, sidebar_of, "F6", "the sidebar")
    rows = children(sidebar)
    target = next(i for i, r in enumerate(rows) if name(r).startswith("9.0 "))
    at = next((i for i, r in enumerate(rows) if has_state(r, pyatspi.STATE_FOCUSED)), 0)
    keys.key("Down" if target > at else "Up", abs(target - at))
    keys.key("<Shift>F10")
    wait_for("the chapter's menu", lambda: (lambda f: f is not None and role(f) == "menu item"
                                            and name(f) == "Mark as Exempt…")(focused(app)), node=app)
    keys.key("Return")
    dialog = wait_for("the exemption dialog with the focus in its reason",
                      lambda: next((w for w in children(app) if name(w).startswith("Mark 9.0 ")
                                    and (lambda f: f is not None and role(f) == "text" and name(f) == "Reason")(
                                        focused(w))), None), node=app)
    log(f"exemption dialog: {describe(dialog)}")
    keys.type(REASON)
    keys.key("Return")
    wait_for("chapter 9.0 to say it is exempt, with the reason",
             lambda: f"Exempt: {REASON}" in name(row_of_9()), node=app)
    keys.step("the exemption of 9.0")

    keys.key("<Control>z")
    wait_for("Ctrl+Z to lift the exemption again",
             lambda: "Exempt" not in name(row_of_9()), node=app)
    keys.step("undoing it")


def main():
    (exe,), home, env = set_up(__doc__, 1)
    log_path = os.path.join(home, "evident.log")
    proc = start([exe], env, log_path)
    try:
        status = run(proc)
    finally:
        output = stop(proc, log_path)
        shutil.rmtree(home, ignore_errors=True)
    check_output(output)
    return status


def run(proc):
    app = find_app(proc)
    sidebar = wait_for("the chapter sidebar", lambda: sidebar_of(app), node=app, proc=proc)
    wait_for("the keyboard focus in the window", lambda: focused(app), node=app, proc=proc)
    # Keys go to the window under the pointer (Xvfb has no window manager):
    # move the pointer onto the window, without clicking.
    rawinput.absoluteMotion(400, 300)
    time.sleep(0.5)
    log(f"focus at the start: {describe(focused(app))}")
    keys = Keys()

    # Chapter 8.0: F6 to the sidebar, arrows to the row, Return.
    until_focus_in(keys, app, sidebar_of, "F6", "the sidebar")
    rows = children(sidebar)
    target = next((i for i, r in enumerate(rows) if name(r).startswith("8.0 ")), None)
    if target is None:
        fail("no row for chapter 8.0 in the sidebar", app)
    at = next((i for i, r in enumerate(rows) if has_state(r, pyatspi.STATE_FOCUSED)), 0)
    keys.key("Down" if target > at else "Up", abs(target - at))
    # Page down would be shorter; the arrows are what a user knows.
    keys.key("Return")
    wait_for("chapter 8.0 to be selected",
             lambda: has_state(children(sidebar)[target], pyatspi.STATE_SELECTED), node=app)
    wait_for("the items of chapter 8.0",
             lambda: items_of(app) and children(items_of(app))
             and all(name(r).startswith("8.") for r in children(items_of(app))), node=app)
    keys.step("the chapter")

    # Its first item: F6 to the list, Return on the focused row.
    items = until_focus_in(keys, app, items_of, "F6", "the item list")
    row = wait_for("a focused item row",
                   lambda: next((r for r in children(items_of(app))
                                 if has_state(r, pyatspi.STATE_FOCUSED)), None), node=app)
    ref = name(row).split(" ")[0]
    keys.key("Return")
    wait_for(f"the editor to show {ref}",
             lambda: (lambda e: e is not None and ref in labels_under(e))(
                 find(app, lambda n: name(n) == "EvidentItemEditor")), node=app)
    keys.step(f"the item {ref}")

    # Its status: Alt+4 is Met, Alt+5 Not Met (Alt+1…6 in the order of the
    # status control).
    before = status_shown(app)
    after = "Not Met" if before == "Met" else "Met"
    log(f"{ref} was {before!r}, becomes {after!r}")
    keys.key(f"<Alt>{STATUSES.index(after) + 1}")
    wait_for(f"{ref} to show {after}", lambda: status_shown(app) == after, node=app)
    wait_for(f"the list row of {ref} to say {after}",
             lambda: any(name(r).startswith(ref + " ") and f", {after}, " in name(r)
                         for r in children(items_of(app))), node=app)
    keys.step("the status")

    # Its notes: Alt+N, then type.
    keys.key("<Alt>n")
    notes = wait_for("the focus in the notes",
                     lambda: (lambda f: f if f is not None and role(f) == "text" else None)(focused(app)),
                     node=app)
    keys.key("<Control>End")
    keys.type(" " + NOTE)
    wait_for("the note typed", lambda: NOTE in text(notes), node=app)
    keys.step("the notes")

    # Back to the list: Shift+F6 (the panes the other way round).
    until_focus_in(keys, app, items_of, "<Shift>F6", "the item list")
    keys.step("back to the list")

    # Search: Ctrl+F, a word, the list narrows.
    count_before = len(children(items_of(app)))
    keys.key("<Control>f")
    entry = wait_for("the focus in the search entry",
                     lambda: (lambda f: f if f is not None and role(f) in ("text", "entry") else None)(
                         focused(app)), node=app)
    log(f"search: {describe(entry)}")
    keys.type("encrypt")
    wait_for("the list to narrow to the matches",
             lambda: items_of(app) is not None
             and 0 < len(children(items_of(app))) < max(count_before, 20), node=app)
    keys.step("the search")

    exempt_and_undo(keys, app)

    total = sum(n for _, n in keys.steps)
    log(f"{len(keys.steps)} steps in {total} key presses: "
        + ", ".join(f"{what} {n}" for what, n in keys.steps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
