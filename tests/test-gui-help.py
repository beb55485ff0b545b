#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`evident --help`: what a user reads before starting the application
from a terminal. The usage line names its arguments once, and every
option is listed with its description.

Usage: test-gui-help.py PATH/TO/evident
"""

from cli_tap import check, finish, run


def main():
    p = run("--help")
    lines = p.stdout.splitlines()
    # "Usage:", then the command line on the next line.
    at = next((i for i, line in enumerate(lines) if line.startswith("Usage:")), None)
    usage = " ".join(lines[at:at + 2]) if at is not None else ""
    check("--help succeeds", p.returncode == 0, p.stderr)
    check("the usage line names the projects once", usage.count("[PROJECT…]") == 1, usage)
    for option in ("--item=REF", "--present"):
        check(f"--help lists {option}", option in p.stdout, p.stdout)
    finish()


if __name__ == "__main__":
    main()
