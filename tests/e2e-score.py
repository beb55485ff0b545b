#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test through the accessibility tree, as a screen reader user.

Starts the real application on a fresh data directory (so that it creates
the demo project), checks that it opens on the Overview, picks chapter 8.0
in the sidebar, selects an item of that
chapter that is not met yet, sets it to Met with the editor's status control
and reads the new confirmed score from the score button in the header bar:
it must have gone up by the item's points (plus the mandatory penalty for a
mandatory item, which no longer applies).

Usage: e2e-score.py PATH/TO/evident
Needs a display and a session bus (meson test runs under
`xvfb-run -a dbus-run-session`); exits 77 (skipped) without them.
"""

import os
import re
import shutil
import sys

from e2e_atspi import (KEY_DOWN, KEY_RETURN, KEY_UP, check_output, children, click, fail, find,
                       find_all, find_app, has_state, labels_under, log, name, press, pyatspi, role,
                       set_up, start, stop, wait_for)

MANDATORY_PENALTY = 200  # the sample checklist keeps the default rules

# Labels as the application shows them (the test runs in the C locale).
STATUSES = ["Not Started", "In Progress", "Ready for Review", "Met", "Not Met", "Not Applicable"]
NOT_CONFIRMED = {"Not Started", "In Progress", "Ready for Review", "Not Met"}


# The score button's text: "Confirmed 412 · Projected 566 / 900"

def score_text(app):
    button = find(app, lambda n: role(n) == "push button" and name(n).startswith("Score:"))
    if button is None:
        return None
    for label in labels_under(button):
        if label.startswith("Confirmed "):
            return label
    return None


def confirmed_of(label):
    m = re.match(r"Confirmed (-?\d+)", label)
    if m is None:
        fail(f"cannot read the confirmed score from {label!r}")
    return int(m.group(1))


# An item row's name: "8.1.1 Title, Status, owner X, Low complexity, 8 points, mandatory",
# and ", met without evidence" when it is

def parse_item(row_name):
    m = re.match(r"^(\S+) (.*?), (" + "|".join(map(re.escape, STATUSES)) + r"), ", row_name)
    p = re.search(r", (\d+) points?(, mandatory)?(, met without evidence)?$", row_name)
    if m is None or p is None:
        return None
    return {
        "ref": m.group(1),
        "title": m.group(2),
        "status": m.group(3),
        "points": int(p.group(1)),
        "mandatory": p.group(2) is not None,
    }


def main():
    (exe,), home, env = set_up(__doc__, 1)
    log_path = os.path.join(home, "evident.log")
    log(f"XDG_DATA_HOME={env['XDG_DATA_HOME']}")
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
    log(f"found application {name(app)!r}")

    # The sidebar lists Overview, All Items and the 13 chapters. (The
    # overview page has a list of chapters too: the sidebar's is the one
    # with the All Items row.)
    def is_sidebar(n):
        return (role(n) == "list" and name(n) == "Chapters"
                and any(name(r).startswith("All Items") for r in children(n)))

    sidebar = wait_for("the chapter sidebar", lambda: find(app, is_sidebar), node=app)
    rows = children(sidebar)
    log("sidebar rows: " + "; ".join(name(r) for r in rows))

    # The project opens on the Overview.
    if not rows or name(rows[0]) != "Overview":
        fail("the sidebar's first row is not Overview", app)
    wait_for("the Overview row to be selected",
             lambda: has_state(children(sidebar)[0], pyatspi.STATE_SELECTED), node=app)
    # (Hidden widgets are not in the accessibility tree.)
    wait_for("the overview page in place of the item list",
             lambda: find(app, lambda n: name(n) == "EvidentOverview")
             and not find(app, lambda n: role(n) == "list" and name(n) == "Items"), node=app)
    chapter_rows = [i for i, r in enumerate(rows) if re.match(r"^\d+\.0 ", name(r))]
    if len(chapter_rows) < 8:
        fail(f"expected the chapters in the sidebar, found {len(chapter_rows)} rows", app)

    # Pick chapter 8.0.
    index = next((i for i, r in enumerate(rows) if name(r).startswith("8.0 ")), None)
    if index is None:
        fail("no row for chapter 8.0 in the sidebar", app)
    if not sidebar.querySelection().selectChild(index):
        fail("the sidebar refused to select chapter 8.0", app)
    wait_for("chapter 8.0 to be selected",
             lambda: has_state(children(sidebar)[index], pyatspi.STATE_SELECTED), node=app)
    log(f"selected {name(children(sidebar)[index])!r}")

    # The item list now shows the items of chapter 8.0.
    items = wait_for("the item list",
                     lambda: find(app, lambda n: role(n) == "list" and name(n) == "Items"),
                     node=app)
    wait_for("the items of chapter 8.0",
             lambda: children(items) and all(name(r).startswith("8.") for r in children(items)),
             node=app)

    # An item that is not met yet; a plain one if there is one.
    candidates = []
    for i, row in enumerate(children(items)):
        item = parse_item(name(row))
        if item is not None and item["status"] in NOT_CONFIRMED:
            candidates.append((item["mandatory"], i, item))
    if not candidates:
        fail("no item of chapter 8.0 that is not met yet", app)
    candidates.sort(key=lambda c: (c[0], c[1]))
    _, index, item = candidates[0]
    log(f"picked item {item}")

    before = wait_for("the score in the header bar", lambda: score_text(app), node=app)
    confirmed_before = confirmed_of(before)
    log(f"score before: {before!r}")

    if not items.querySelection().selectChild(index):
        fail(f"the item list refused to select {item['ref']}", app)

    # The editor shows the item: its status control shows its status.
    editor = wait_for("the item editor",
                      lambda: find(app, lambda n: name(n) == "EvidentItemEditor"), node=app)

    def status_control():
        combo = find(editor, lambda n: role(n) == "combo box" and name(n) == "Status")
        if combo is None:
            return None
        shown = [label for label in labels_under(combo) if label in STATUSES]
        return combo if shown and shown[0] == item["status"] and item["ref"] in labels_under(editor) else None

    combo = wait_for(f"the editor to show {item['ref']} ({item['status']})", status_control, node=app)

    # Open the status control. It offers no accessible action, so click it
    # (the window is at the origin of the Xvfb screen).
    click(combo)

    def status_popup():
        lists = find_all(combo, lambda n: role(n) == "list")
        for lst in lists:
            options = [next((t for t in labels_under(r) if t in STATUSES), None) for r in children(lst)]
            if "Met" in options and len(options) >= 5:
                return lst, options
        return None

    popup, options = wait_for("the list of statuses", status_popup, node=app)
    focused = next((i for i, r in enumerate(children(popup)) if has_state(r, pyatspi.STATE_FOCUSED)), None)
    if focused is None:
        focused = options.index(item["status"])
    delta = options.index("Met") - focused
    log(f"statuses offered: {options}; moving {delta} from {options[focused]!r}")
    press(KEY_DOWN if delta > 0 else KEY_UP, abs(delta))
    press(KEY_RETURN)

    wait_for("the status control to show Met",
             lambda: [label for label in labels_under(combo) if label in STATUSES][:1] == ["Met"],
             node=app)

    # The header bar's score follows.
    expected = confirmed_before + item["points"] + (MANDATORY_PENALTY if item["mandatory"] else 0)
    after = wait_for("the confirmed score to change",
                     lambda: (lambda t: t if t and t != before else None)(score_text(app)),
                     timeout=10, node=app)
    log(f"score after: {after!r}")
    if confirmed_of(after) != expected:
        fail(f"confirmed score went from {confirmed_before} to {confirmed_of(after)}, "
             f"expected {expected} ({item['ref']}: {item['points']} points"
             f"{', mandatory' if item['mandatory'] else ''})", app)

    # The item list says so too.
    wait_for(f"the row of {item['ref']} to say Met",
             lambda: parse_item(name(children(items)[index]))["status"] == "Met", node=app)

    log(f"PASS: setting {item['ref']} to Met took the confirmed score from "
        f"{confirmed_before} to {confirmed_of(after)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
