#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark, not a test: time from starting Evident to its first frame.

Usage: bench-startup.py PATH/TO/evident PATH/TO/evident-cli

With the sample project (as on every start after the first) and with a
generated project of 10,000 items; prints the median of several runs beside
the budgets (400 ms and 1 s) and always exits 0. Needs a display.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

EVIDENT, CLI = sys.argv[1], sys.argv[2]
RUNS = 5


def first_frame_ms(args, env):
    start = time.monotonic()
    proc = subprocess.Popen([EVIDENT, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    elapsed = None
    try:
        for line in proc.stdout:
            if "first frame" in line:
                elapsed = (time.monotonic() - start) * 1000
                break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return elapsed


def measure(label, args, env, budget_ms):
    times = [t for t in (first_frame_ms(args, env) for _ in range(RUNS)) if t is not None]
    if not times:
        print(f"{label:34s} no frame seen")
        return
    median = statistics.median(times)
    verdict = "ok" if median < budget_ms else "OVER"
    print(f"{label:34s} median {median:7.1f} ms  (min {min(times):.1f}, {len(times)} runs)"
          f"   budget < {budget_ms:.0f} ms   {verdict}")


def generate_checklist(path, n_items):
    with open(path, "w") as f:
        f.write("ref,chapter,chapter_title,section,section_title,title,requirement,points,mandatory\n")
        for i in range(n_items):
            chapter = i * 13 // n_items + 1
            section = i // 25 % 40 + 1
            f.write(f"{chapter}.{section}.{i},{chapter}.0,Chapter {chapter},{chapter}.{section},"
                    f"Section {section},Item {i} title,Requirement text of item {i},"
                    f"{i % 15 + 1},{'yes' if i % 7 == 0 else 'no'}\n")


def main():
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("no display: run through build-aux/dev bench")
        return
    tmp = tempfile.mkdtemp(prefix="evident-bench-startup-")
    env = dict(os.environ,
               EVIDENT_REPORT_FIRST_FRAME="1",
               GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))

    # The first start creates the demo project; later ones open it.
    first_frame_ms([], env)
    measure("sample project (130 items)", [], env, 400)

    csv = os.path.join(tmp, "big.csv")
    big = os.path.join(tmp, "big.evident")
    generate_checklist(csv, 10000)
    subprocess.run([CLI, "new", big, "--checklist", csv], check=True,
                   stdout=subprocess.DEVNULL)
    measure("generated project (10,000 items)", [big], env, 1000)


main()
