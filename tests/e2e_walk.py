# SPDX-License-Identifier: GPL-3.0-or-later
"""What the accessibility audits (tests/e2e-names.py, tests/e2e-dialogs.py)
share: a walk of the accessibility tree that finds every interactive element
without a clean name, and a walk of the Tab chain of a window.

A clean name is not empty, not a widget's class name ("GtkToggleButton"),
shows no mnemonic's underscore ("_Open…") and does not say its label twice
("Open link Open Link"); a button or combo box offers an action to click it.
"""

import re
import time

from e2e_atspi import children, has_state, labels_under, log, name, pyatspi, role
from dogtail import rawinput

INTERACTIVE = {
    "push button", "toggle button", "combo box", "check box", "radio button", "entry", "password text",
    "spin button", "menu item", "check menu item", "radio menu item", "list item", "slider", "link",
    "page tab", "switch", "tree item",
}

CLASS_NAME = re.compile(r"^(Gtk|Adw|Evident)[A-Z]\w*$")
MNEMONIC = re.compile(r"(^|[\s(“\"])_[^\s_]")


def is_interactive(node):
    r = role(node)
    if r == "text":
        return has_state(node, pyatspi.STATE_EDITABLE)
    return r in INTERACTIVE


def fault(node):
    """What is wrong with @node's name, or None."""
    n = name(node).strip()
    if not n:
        return "has no name"
    if CLASS_NAME.match(n):
        return "is named after its class"
    if MNEMONIC.search(n):
        return "shows a mnemonic's underscore"
    words = n.replace("_", "").split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and [w.lower() for w in words[:half]] == [w.lower() for w in words[half:]]:
        return "says its label twice"
    return None


# What a screen reader user (or an AT-SPI client) clicks: these offer an
# action (GTK 4.8's tree expander arrows, "Expand", through
# evident_a11y_install_icon_click()).
CLICKABLE = {"push button", "toggle button", "combo box", "check box", "radio button", "switch"}


def has_action(node):
    try:
        return node.queryAction().nActions > 0
    except Exception:
        return False


def path_of(node):
    parts = []
    while node is not None and role(node) not in ("application", "frame", "dialog", "window"):
        parts.append(f"[{role(node)}] {name(node)!r}")
        try:
            node = node.parent
        except Exception:
            break
    if node is not None:
        parts.append(f"[{role(node)}] {name(node)!r}")
    return " < ".join(parts)


def describe(node):
    return f"[{role(node)}] {name(node)!r}" if node is not None else "nothing"


def focused(root):
    """The focused element under @root, or None. (What is not on screen
    holds no focus: the walk passes over it, which makes it quick.)"""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node is None or depth > 60:
            continue
        states = node.getState() if depth > 0 else None
        if states is not None:
            if states.contains(pyatspi.STATE_FOCUSED):
                return node
            if not states.contains(pyatspi.STATE_VISIBLE):
                continue
        stack.extend((c, depth + 1) for c in children(node))
    return None


def is_within(node, ancestor):
    """Whether @node is below @ancestor."""
    try:
        node = node.parent
        while node is not None:
            if node == ancestor:
                return True
            node = node.parent
    except Exception:
        pass
    return False


def in_list(node):
    """Whether @node is a row of a list, or in one (a list is one Tab stop,
    with the arrows inside)."""
    try:
        while node is not None:
            if role(node) in ("list item", "table row", "tree item", "menu item"):
                return True
            node = node.parent
    except Exception:
        pass
    return False


def reachable(window):
    """The elements under @window a user could Tab to: focusable, sensitive,
    shown, and not rows of a list."""
    out = []

    def walk(node, depth):
        if node is None or depth > 60:
            return
        if (is_interactive(node) and has_state(node, pyatspi.STATE_FOCUSABLE)
                and has_state(node, pyatspi.STATE_SENSITIVE) and has_state(node, pyatspi.STATE_SHOWING)
                and not in_list(node)):
            out.append(node)
        for child in children(node):
            walk(child, depth + 1)

    walk(window, 0)
    return out


class Walker:
    """Counts the interactive elements it walks, and the faults of their names."""

    def __init__(self):
        self.checked = 0
        self.faults = []

    def walk(self, page, root, depth=0):
        if root is None or depth > 60:
            return
        if is_interactive(root) and has_state(root, pyatspi.STATE_VISIBLE):
            self.checked += 1
            what = fault(root)
            if what is None and role(root) in CLICKABLE and not has_action(root):
                what = "offers no action to click it"
            if what is not None:
                shows = [text for text in labels_under(root) if text][:3]
                self.faults.append(f"{page}: {path_of(root)} {what}" + (f" (it shows {shows})" if shows else ""))
                log("fault: " + self.faults[-1])
        for child in children(root):
            self.walk(page, child, depth + 1)

    def page(self, page, root):
        before = self.checked, len(self.faults)
        self.walk(page, root)
        log(f"{page}: {self.checked - before[0]} interactive elements, {len(self.faults) - before[1]} faults")

    def add(self, message):
        self.faults.append(message)
        log("fault: " + message)

    def tab_chain(self, page, window, presses=30):
        """Presses Tab until the focus comes back round (at most @presses
        times) and records as faults a focus that is lost, or that stays
        where it is (a trap). Returns the elements the focus went to."""
        chain = []
        start = focused(window)
        if start is None:
            self.add(f"{page}: nothing has the focus when it opens")
        else:
            log(f"{page}: the focus starts on {describe(start)}")
            chain.append(start)
        for _ in range(presses):
            rawinput.keyCombo("Tab")
            time.sleep(0.15)
            now = focused(window)
            if now is None:
                log(f"{page}: Tab goes " + " → ".join(describe(n) for n in chain))
                self.add(f"{page}: Tab after {describe(chain[-1] if chain else None)} loses the focus")
                return chain
            if chain and now == chain[-1]:
                others = [n for n in reachable(window) if n != now and not is_within(n, now)]
                if others:
                    self.add(f"{page}: Tab does not move on from {describe(now)} (a trap), "
                             f"though {describe(others[0])} can take the focus")
                else:
                    log(f"{page}: {describe(now)} is its only Tab stop")
                return chain
            if now in chain:
                break
            chain.append(now)
        log(f"{page}: Tab goes " + " → ".join(describe(n) for n in chain))
        for node in chain:
            if not is_interactive(node) and role(node) not in ("list", "text", "table", "tree table", "table row",
                                                                "tree", "scroll pane", "panel"):
                self.add(f"{page}: Tab stops on {path_of(node)}, which is nothing a user can use")
            elif fault(node) is not None and role(node) != "panel":
                self.add(f"{page}: Tab stops on {path_of(node)}, which {fault(node)}")
        return chain

    def check(self, minimum, node=None):
        from e2e_atspi import fail
        log(f"{self.checked} interactive elements checked")
        if self.checked < minimum:
            fail(f"only {self.checked} interactive elements found: the walk missed pages", node)
        if self.faults:
            for f in self.faults:
                print("# " + f, flush=True)
            fail(f"{len(self.faults)} faults (above)")
