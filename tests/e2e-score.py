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
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
MANDATORY_PENALTY = 200  # the sample checklist keeps the default rules

# Labels as the application shows them (the test runs in the C locale).
STATUSES = ["Not Started", "In Progress", "Ready for Review", "Met", "Not Met", "Not Applicable"]
NOT_CONFIRMED = {"Not Started", "In Progress", "Ready for Review", "Not Met"}


def log(*args):
    print("#", *args, flush=True)


def fail(message, app=None):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    if app is not None:
        print("Accessibility tree at the failure:", file=sys.stderr)
        dump(app, sys.stderr)
    raise SystemExit(1)


if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    print("SKIP: no display", flush=True)
    sys.exit(SKIP)
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("SKIP: no session bus", flush=True)
    sys.exit(SKIP)

try:
    import pyatspi
    from dogtail.config import config as dogtail_config
    dogtail_config.logDebugToFile = False
    from dogtail import rawinput
except ImportError as e:
    print(f"SKIP: pyatspi or dogtail missing ({e})", flush=True)
    sys.exit(SKIP)


# Accessibility tree helpers

def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def name(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def text(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return name(node)


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def find_all(node, pred, depth=0, out=None):
    if out is None:
        out = []
    if node is None or depth > 60:
        return out
    if pred(node):
        out.append(node)
    for child in children(node):
        find_all(child, pred, depth + 1, out)
    return out


def find(node, pred):
    found = find_all(node, pred)
    return found[0] if found else None


def dump(node, stream, depth=0):
    if node is None or depth > 40:
        return
    extra = ""
    if has_state(node, pyatspi.STATE_SELECTED):
        extra += " [selected]"
    if has_state(node, pyatspi.STATE_FOCUSED):
        extra += " [focused]"
    print("  " * depth + f"[{role(node)}] {name(node)!r}{extra}", file=stream)
    for child in children(node):
        dump(child, stream, depth + 1)


def wait_for(what, check, timeout=20.0, app=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(0.25)
    fail(f"timed out waiting for {what}", app)


def labels_under(node):
    return [text(n) for n in find_all(node, lambda n: role(n) == "label")]


def press(keysym, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        time.sleep(0.15)


KEY_UP, KEY_DOWN, KEY_RETURN = 0xFF52, 0xFF54, 0xFF0D


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


# An item row's name: "8.1.1 Title, Status, owner X, Low complexity, 8 points, mandatory"

def parse_item(row_name):
    m = re.match(r"^(\S+) (.*?), (" + "|".join(map(re.escape, STATUSES)) + r"), ", row_name)
    p = re.search(r", (\d+) points?(, mandatory)?$", row_name)
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
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2

    exe = os.path.abspath(sys.argv[1])
    home = tempfile.mkdtemp(prefix="evident-e2e-")
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "GSETTINGS_BACKEND": "memory",
        "GTK_A11Y": "atspi",
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "C",
    })
    for var in ("NO_AT_BRIDGE", "G_DEBUG"):
        env.pop(var, None)

    log_path = os.path.join(home, "evident.log")
    log(f"starting {exe} with XDG_DATA_HOME={env['XDG_DATA_HOME']}")
    with open(log_path, "w") as out:
        proc = subprocess.Popen([exe], env=env, stdout=out, stderr=subprocess.STDOUT)

    try:
        return run(proc)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
        with open(log_path) as f:
            output = f.read().strip()
        if output:
            log("application output:\n" + output)
        shutil.rmtree(home, ignore_errors=True)


def run(proc):
    desktop = pyatspi.Registry.getDesktop(0)

    def find_app():
        if proc.poll() is not None:
            fail(f"the application exited with status {proc.returncode}")
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == proc.pid:
                    return app
            except Exception:
                pass
        return None

    app = wait_for("the application on the accessibility bus", find_app, timeout=30)
    log(f"found application {name(app)!r}")

    # The sidebar lists Overview, All Items and the 13 chapters. (The
    # overview page has a list of chapters too: the sidebar's is the one
    # with the All Items row.)
    def is_sidebar(n):
        return (role(n) == "list" and name(n) == "Chapters"
                and any(name(r).startswith("All Items") for r in children(n)))

    sidebar = wait_for("the chapter sidebar", lambda: find(app, is_sidebar), app=app)
    rows = children(sidebar)
    log("sidebar rows: " + "; ".join(name(r) for r in rows))

    # The project opens on the Overview.
    if not rows or name(rows[0]) != "Overview":
        fail("the sidebar's first row is not Overview", app)
    wait_for("the Overview row to be selected",
             lambda: has_state(children(sidebar)[0], pyatspi.STATE_SELECTED), app=app)
    # (Hidden widgets are not in the accessibility tree.)
    wait_for("the overview page in place of the item list",
             lambda: find(app, lambda n: name(n) == "EvidentOverview")
             and not find(app, lambda n: role(n) == "list" and name(n) == "Items"), app=app)
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
             lambda: has_state(children(sidebar)[index], pyatspi.STATE_SELECTED), app=app)
    log(f"selected {name(children(sidebar)[index])!r}")

    # The item list now shows the items of chapter 8.0.
    items = wait_for("the item list",
                     lambda: find(app, lambda n: role(n) == "list" and name(n) == "Items"),
                     app=app)
    wait_for("the items of chapter 8.0",
             lambda: children(items) and all(name(r).startswith("8.") for r in children(items)),
             app=app)

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

    before = wait_for("the score in the header bar", lambda: score_text(app), app=app)
    confirmed_before = confirmed_of(before)
    log(f"score before: {before!r}")

    if not items.querySelection().selectChild(index):
        fail(f"the item list refused to select {item['ref']}", app)

    # The editor shows the item: its status control shows its status.
    editor = wait_for("the item editor",
                      lambda: find(app, lambda n: name(n) == "EvidentItemEditor"), app=app)

    def status_control():
        combo = find(editor, lambda n: role(n) == "combo box" and name(n) == "Status")
        if combo is None:
            return None
        shown = [label for label in labels_under(combo) if label in STATUSES]
        return combo if shown and shown[0] == item["status"] and item["ref"] in labels_under(editor) else None

    combo = wait_for(f"the editor to show {item['ref']} ({item['status']})", status_control, app=app)

    # Open the status control. It offers no accessible action, so click it
    # (the window is at the origin of the Xvfb screen).
    extents = combo.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    rawinput.click(extents.x + extents.width // 2, extents.y + extents.height // 2)

    def status_popup():
        lists = find_all(combo, lambda n: role(n) == "list")
        for lst in lists:
            options = [next((t for t in labels_under(r) if t in STATUSES), None) for r in children(lst)]
            if "Met" in options and len(options) >= 5:
                return lst, options
        return None

    popup, options = wait_for("the list of statuses", status_popup, app=app)
    focused = next((i for i, r in enumerate(children(popup)) if has_state(r, pyatspi.STATE_FOCUSED)), None)
    if focused is None:
        focused = options.index(item["status"])
    delta = options.index("Met") - focused
    log(f"statuses offered: {options}; moving {delta} from {options[focused]!r}")
    press(KEY_DOWN if delta > 0 else KEY_UP, abs(delta))
    press(KEY_RETURN)

    wait_for("the status control to show Met",
             lambda: [label for label in labels_under(combo) if label in STATUSES][:1] == ["Met"],
             app=app)

    # The header bar's score follows.
    expected = confirmed_before + item["points"] + (MANDATORY_PENALTY if item["mandatory"] else 0)
    after = wait_for("the confirmed score to change",
                     lambda: (lambda t: t if t and t != before else None)(score_text(app)),
                     timeout=10, app=app)
    log(f"score after: {after!r}")
    if confirmed_of(after) != expected:
        fail(f"confirmed score went from {confirmed_before} to {confirmed_of(after)}, "
             f"expected {expected} ({item['ref']}: {item['points']} points"
             f"{', mandatory' if item['mandatory'] else ''})", app)

    # The item list says so too.
    wait_for(f"the row of {item['ref']} to say Met",
             lambda: parse_item(name(children(items)[index]))["status"] == "Met", app=app)

    log(f"PASS: setting {item['ref']} to Met took the confirmed score from "
        f"{confirmed_before} to {confirmed_of(after)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
