# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests (tests/e2e-*.py) share: the real application
started on fresh folders of its own, found on the accessibility bus, and
read and driven as a screen reader user would, with pyatspi and dogtail.

Importing this module skips the test (exit status 77) when there is no
display, no session bus, or no pyatspi and dogtail.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77

KEY_UP, KEY_DOWN, KEY_RETURN = 0xFF52, 0xFF54, 0xFF0D


def log(*args):
    print("#", *args, flush=True)


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


def fail(message, node=None):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    if node is not None:
        print("Accessibility tree at the failure:", file=sys.stderr)
        dump(node, sys.stderr)
    raise SystemExit(1)


# The application

def set_up(doc, n_paths, prefix="evident-e2e-"):
    """The @n_paths programs named on the command line, made absolute, a
    fresh home folder and the environment for it; prints @doc and exits
    with status 2 on other arguments."""
    if len(sys.argv) != n_paths + 1:
        print(doc, file=sys.stderr)
        sys.exit(2)
    home = tempfile.mkdtemp(prefix=prefix)
    return [os.path.abspath(arg) for arg in sys.argv[1:]], home, environment(home)


def cli_run(cli, env, *args):
    """Runs evident-cli with @args; fails the test unless it succeeds; returns what it printed."""
    result = subprocess.run([cli, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"evident-cli {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def environment(home):
    """The environment for the application: its own data, configuration
    and cache below @home (also its home: file choosers start there), the
    C locale, and the accessibility bridge on."""
    env = dict(os.environ)
    env.update({
        "HOME": home,
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
    return env


def start(command, env, log_path):
    log("starting " + " ".join(command))
    with open(log_path, "w") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(proc, log_path):
    """Stops the application; returns what it printed."""
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
    return output


def check_output(output):
    """Fails when the application printed a critical warning (a broken
    precondition; GTK's warnings about the accessibility bridge under Xvfb
    are no fault of the application)."""
    if "-CRITICAL **" in output:
        fail("the application printed critical warnings (above)")


def find_app(proc):
    """The application started as @proc, on the accessibility bus."""
    desktop = pyatspi.Registry.getDesktop(0)

    def check():
        if proc.poll() is not None:
            fail(f"the application exited with status {proc.returncode}")
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == proc.pid:
                    return app
            except Exception:
                pass
        return None

    return wait_for("the application on the accessibility bus", check, timeout=30)


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


def wait_for(what, check, timeout=20.0, node=None, proc=None):
    """Calls @check until it returns something true, and returns that; fails
    after @timeout seconds, or at once when @proc has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            fail(f"the application exited with status {proc.returncode} while waiting for {what}")
        try:
            result = check()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(0.25)
    fail(f"timed out waiting for {what}", node)


def labels_under(node):
    return [text(n) for n in find_all(node, lambda n: role(n) == "label")]


def is_button(node, label):
    """Whether @node is the button labelled @label (evident_a11y_name_mnemonics
    names a button with a mnemonic after its label without the underscore;
    GTK alone would name it "C_reate Project… Create Project…")."""
    return role(node) == "push button" and (name(node) == label or name(node).endswith(" " + label))


# Input

def press(keysym, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        time.sleep(0.15)


def do_click(node):
    """Clicks @node as a screen reader does: its "click" action."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            action.doAction(i)
            return
    fail(f"[{role(node)}] {name(node)!r} offers no click action", node)


def click(node):
    """Clicks the middle of @node (windows sit at the origin of the Xvfb
    screen, with no window manager)."""
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    rawinput.click(extents.x + extents.width // 2, extents.y + extents.height // 2)
