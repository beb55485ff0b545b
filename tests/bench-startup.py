#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark, not a test: how fast Evident opens, beside its peers.

Usage: bench-startup.py WATCH MINIMAL EVIDENT EVIDENT-CLI

WATCH is bench-window-watch (built beside this script), MINIMAL the
minimal libadwaita window (tests/bench-minimal-window.c). Under an Xvfb of
its own, starts each program several times, interleaved, and takes from
the X server the time from exec to the first top-level window mapped
(MapNotify), the time to a known colour on screen (page 1 of a PDF made
here, with a pure red box), the peak RSS, and the CPU time the program
had used when its window was mapped (which a busy machine changes much
less than the wall time). Prints medians and the ratios to the minimal
window and, where installed, to gnome-text-editor and evince. The minimal
window runs a second time without GL, which shows how much of Evident's
lead comes from not loading GL where it draws with cairo. Always exits 0. BENCH_RUNS sets the number of runs (7);
BENCH_BASELINE_EVIDENT, another build's evident, adds rows to compare
(the sample project, and --item where this build has it).
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

WATCH, MINIMAL, EVIDENT, CLI = sys.argv[1:5]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def make_pdf(path, pages):
    """A PDF of @pages A4 pages; page 1 has a pure red box, the others grey text."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for n in range(pages):
        if n == 0:
            stream = "1 0 0 rg 72 300 450 450 re f"
        else:
            stream = f"0.3 g BT /F1 24 Tf 72 760 Td (Page {n + 1}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>"

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    with open(path, "wb") as f:
        f.write(out)


def generate_checklist(path, n_items):
    with open(path, "w") as f:
        f.write("ref,chapter,chapter_title,section,section_title,title,requirement,points,mandatory\n")
        for i in range(n_items):
            chapter = i * 13 // n_items + 1
            section = i // 25 % 40 + 1
            f.write(f"{chapter}.{section}.{i},{chapter}.0,Chapter {chapter},{chapter}.{section},"
                    f"Section {section},Item {i} title,Requirement text of item {i},"
                    f"{i % 15 + 1},{'yes' if i % 7 == 0 else 'no'}\n")


def watch(argv, env, red=False):
    """One start: (map ms, red ms, peak RSS MiB, CPU ms at map), None for what was not seen."""
    cmd = [WATCH, *(["--red"] if red else []), "--timeout", "20", "--", *argv]
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, timeout=60).stdout
    fields = dict(f.split("=") for f in out.split())
    values = [float(fields.get(k, -1)) for k in ("map_ms", "red_ms", "rss_kib", "map_cpu_ms")]
    values[2] = values[2] / 1024 if values[2] > 0 else -1
    return tuple(v if v >= 0 else None for v in values)


class Row:
    def __init__(self, label, argv, env, red=False):
        self.label, self.argv, self.env, self.red = label, argv, env, red
        self.samples = []

    def run(self):
        self.samples.append(watch(self.argv, self.env, self.red))

    def median(self, i):
        values = [s[i] for s in self.samples if s[i] is not None]
        return statistics.median(values) if values else None


def fmt(value, unit, width=8):
    return f"{value:{width - len(unit) - 1}.0f} {unit}" if value is not None else f"{'–':>{width}}"


def ratio(value, base):
    return f"{value / base:5.2f}×" if value is not None and base else "   – "


def start_xvfb():
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    return xvfb, f":{number}"


def supports_item(env):
    out = subprocess.run([EVIDENT, "--help-all"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, timeout=30).stdout
    return "--item" in out


def main():
    if shutil.which("Xvfb") is None:
        print("no Xvfb: install xvfb (build-aux/dev deps)")
        return
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("no session bus: run through build-aux/dev bench")
        return

    tmp = tempfile.mkdtemp(prefix="evident-bench-startup-")
    xvfb, display = start_xvfb()
    try:
        run_all(tmp, display)
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def run_all(tmp, display):
    env = dict(os.environ, DISPLAY=display, GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               NO_AT_BRIDGE="1")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("GSK_RENDERER", None)
    env.pop("G_DEBUG", None)
    cairo_env = dict(env, GSK_RENDERER="cairo")
    # Evident picks cairo itself where there is no GPU: GL forced shows
    # what software GL would cost.
    gl_env = dict(env, GSK_RENDERER="gl")

    red_pdf = os.path.join(tmp, "red.pdf")
    make_pdf(red_pdf, 50)
    text = os.path.join(tmp, "notes.txt")
    with open(text, "w") as f:
        f.write("Evident start-up benchmark\n" * 40)

    # The first start creates the demo project; later ones open it.
    watch([EVIDENT], env)
    demo_dir = os.path.join(tmp, "data", "evident")
    demos = [f for f in os.listdir(demo_dir) if f.endswith(".evident")] \
        if os.path.isdir(demo_dir) else []
    sample = os.path.join(demo_dir, demos[0]) if demos else None

    rows = [Row("minimal libadwaita window", [MINIMAL], env)]
    # The toolkit's floor without GL, which Evident skips where it draws
    # with cairo: what is left of its lead over the row above is its own.
    rows.append(Row("minimal window, GDK_DEBUG=gl-disable", [MINIMAL],
                    dict(cairo_env, GDK_DEBUG="gl-disable")))
    if shutil.which("gnome-text-editor"):
        rows.append(Row("gnome-text-editor, a small file",
                        ["gnome-text-editor", "--standalone", text], env))
    evince = None
    if shutil.which("evince"):
        evince = Row("evince, a 50-page PDF", ["evince", red_pdf], env, red=True)
        rows.append(evince)
    evident = Row("Evident, the sample project", [EVIDENT, *([sample] if sample else [])], env)
    rows.append(evident)
    baseline = os.environ.get("BENCH_BASELINE_EVIDENT")
    if baseline:
        rows.append(Row("Evident before (BENCH_BASELINE_EVIDENT)",
                        [baseline, *([sample] if sample else [])], env))
    rows.append(Row("Evident, GSK_RENDERER=cairo by the user", [EVIDENT, *([sample] if sample else [])],
                    cairo_env))
    rows.append(Row("Evident, GSK_RENDERER=gl", [EVIDENT, *([sample] if sample else [])],
                    gl_env))

    skipped = []
    if sample and supports_item(env):
        item_project = os.path.join(tmp, "item.evident")
        shutil.copy(sample, item_project)
        items = subprocess.run([CLI, "items", item_project, "--json"], stdout=subprocess.PIPE,
                               text=True, check=True).stdout
        ref = json.loads(items)[0]["ref"]
        subprocess.run([CLI, "attach", item_project, ref, red_pdf], check=True,
                       stdout=subprocess.DEVNULL)
        rows.append(Row(f"Evident --item {ref}, its 50-page PDF",
                        [EVIDENT, "--item", ref, item_project], env, red=True))
        if baseline:
            rows.append(Row(f"Evident before, --item {ref}",
                            [baseline, "--item", ref, item_project], env, red=True))
    elif sample:
        skipped.append("Evident --item: this build has no --item option; row left out")

    big = os.path.join(tmp, "big.evident")
    csv = os.path.join(tmp, "big.csv")
    generate_checklist(csv, 10000)
    subprocess.run([CLI, "new", big, "--checklist", csv], check=True, stdout=subprocess.DEVNULL)
    big_row = Row("Evident, 10,000 items", [EVIDENT, big], env)
    rows.append(big_row)

    for _ in range(RUNS):
        for row in rows:
            row.run()

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"\n{RUNS} interleaved runs each, medians; Xvfb 1280x800x24, no window manager; "
          f"load average {load}")
    base = rows[0].median(0)
    print(f"{'program':40s} {'mapped':>8s} {'×min':>6s} {'page 1':>8s} {'peak RSS':>9s}"
          f" {'Δ RSS':>8s} {'CPU@map':>8s} {'×min':>6s}")
    base_rss = rows[0].median(2)
    base_cpu = rows[0].median(3)
    for row in rows:
        mapped, red, rss, cpu = row.median(0), row.median(1), row.median(2), row.median(3)
        delta = f"{rss - base_rss:+6.0f} MiB" if rss is not None and base_rss else "      –"
        print(f"{row.label:40s} {fmt(mapped, 'ms')} {ratio(mapped, base)} "
              f"{fmt(red, 'ms') if row.red else ' ' * 8} {fmt(rss, 'MiB', 9)} {delta}"
              f" {fmt(cpu, 'ms')} {ratio(cpu, base_cpu)}")

    print()
    print(f"Evident mapped / minimal window: {ratio(evident.median(0), base)} (target ≤ 1.20×)")
    print(f"  CPU used by then / minimal:    {ratio(evident.median(3), base_cpu)}"
          f" (steadier than wall time on a loaded machine)")
    print(f"10,000 items / sample project:   {ratio(big_row.median(0), evident.median(0))}"
          f" (target ≤ 1.50×)")
    item_rows = [r for r in rows if r.label.startswith("Evident --item")]
    if evince and item_rows:
        print(f"Evident page 1 / evince page 1:  "
              f"{ratio(item_rows[0].median(1), evince.median(1))} (target ≤ 1.00×)")
    before_rows = [r for r in rows if r.label.startswith("Evident before, --item")]
    if item_rows and before_rows:
        print(f"Evident page 1 / before:         "
              f"{ratio(item_rows[0].median(1), before_rows[0].median(1))}")
    for row in rows:
        if row.label.startswith(("gnome-text-editor", "evince")):
            name = row.label.split(",")[0] + ":"
            print(f"Evident mapped / {name:16s} {ratio(evident.median(0), row.median(0))}")
    for row in rows:
        if row.red and row.median(1) is None:
            print(f"{row.label}: page 1 (the red box) never came on screen within 20 s;"
                  f" is the preview shown at this window size?")
    for line in skipped:
        print(line)


main()
