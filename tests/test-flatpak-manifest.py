#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: sandbox, runtime and pinned sources.

Usage: test-flatpak-manifest.py MANIFEST APP_ID  (prints TAP)

When flatpak-builder is installed, also checks that
`flatpak-builder --show-manifest` accepts the file.
"""

import json
import os
import shutil
import subprocess
import sys

MANIFEST = sys.argv[1]
APP_ID = sys.argv[2]

# What a GNOME document application needs, and nothing more: files come
# and go through the file chooser and document portals.
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail, None))


def skip(name, reason):
    results.append((name, True, "", reason))


def all_modules(modules):
    """Yields every module, nested ones included, depth first."""
    for module in modules:
        if isinstance(module, str):
            # A path to a module file: not used by this manifest.
            yield {"name": module, "sources": [], "_external": True}
            continue
        yield module
        yield from all_modules(module.get("modules", []))


def source_problem(source):
    """Returns why a source is not pinned, or None when it is."""
    kind = source.get("type")
    if kind in ("archive", "file"):
        if "url" in source and not source.get("sha256"):
            return f"{kind} {source['url']} has no sha256"
        if "url" not in source and "path" not in source:
            return f"{kind} source has neither url nor path"
        return None
    if kind == "git":
        if not source.get("tag") or not source.get("commit"):
            return f"git {source.get('url')} needs both tag and commit"
        if source.get("branch"):
            return f"git {source.get('url')} follows a branch"
        return None
    if kind in ("dir", "patch", "shell"):
        return None
    return f"source type {kind!r} is not pinned by this test"


def main():
    try:
        with open(MANIFEST, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check("manifest parses as JSON", False, str(e))
        return
    check("manifest parses as JSON", isinstance(manifest, dict))

    app_id = manifest.get("id", manifest.get("app-id"))
    check("application ID matches", app_id == APP_ID,
          f"got {app_id!r}, want {APP_ID!r}")
    check("runtime is org.gnome.Platform",
          manifest.get("runtime") == "org.gnome.Platform",
          f"got {manifest.get('runtime')!r}")
    check("SDK is org.gnome.Sdk", manifest.get("sdk") == "org.gnome.Sdk",
          f"got {manifest.get('sdk')!r}")
    check("runtime version is set",
          isinstance(manifest.get("runtime-version"), str)
          and manifest["runtime-version"] not in ("", "master"),
          f"got {manifest.get('runtime-version')!r}")
    check("command is evident", manifest.get("command") == "evident",
          f"got {manifest.get('command')!r}")

    finish_args = manifest.get("finish-args", [])
    filesystem = [a for a in finish_args if a.startswith("--filesystem")]
    check("no file-system permission", not filesystem, " ".join(filesystem))
    check("no network permission", "--share=network" not in finish_args)
    extra = sorted(set(finish_args) - ALLOWED_FINISH_ARGS)
    check("finish-args hold only ipc, wayland, fallback-x11 and dri",
          not extra, " ".join(extra))

    modules = manifest.get("modules", [])
    everything = list(all_modules(modules))
    external = [m["name"] for m in everything if m.get("_external")]
    check("every module is inline", not external, " ".join(external))
    problems = []
    for module in everything:
        for source in module.get("sources", []):
            if isinstance(source, str):
                problems.append(f"{module['name']}: external source file {source}")
                continue
            problem = source_problem(source)
            if problem:
                problems.append(f"{module['name']}: {problem}")
    check("every external source is pinned", not problems, "; ".join(problems))

    dir_modules = [m["name"] for m in everything
                   if any(isinstance(s, dict) and s.get("type") == "dir"
                          for s in m.get("sources", []))]
    last = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check("only the last module builds from the source tree",
          dir_modules == [last.get("name")], " ".join(dir_modules))
    check("last module builds Evident with meson",
          last.get("name") == "evident" and last.get("buildsystem") == "meson",
          f"got {last.get('name')!r} with {last.get('buildsystem')!r}")
    # The document renderer's system call filter: libseccomp is in the
    # runtime (freedesktop SDK), and a build without it must fail rather
    # than ship a renderer without its filter.
    check("Evident requires the renderer's seccomp filter",
          "-Dseccomp=enabled" in last.get("config-opts", []),
          json.dumps(last.get("config-opts", [])))
    sources = last.get("sources", [])
    check("Evident is built from this checkout",
          len(sources) == 1 and sources[0].get("type") == "dir"
          and sources[0].get("path") == "..", json.dumps(sources))

    builder = shutil.which("flatpak-builder")
    if builder is None:
        skip("flatpak-builder --show-manifest accepts the manifest",
             "flatpak-builder is not installed")
    else:
        # Without the test suite's fatal warnings, which are for our code.
        env = {k: v for k, v in os.environ.items() if k != "G_DEBUG"}
        proc = subprocess.run([builder, "--show-manifest", MANIFEST],
                              capture_output=True, text=True, env=env)
        check("flatpak-builder --show-manifest accepts the manifest",
              proc.returncode == 0 and "Unknown property" not in proc.stderr,
              f"exit {proc.returncode}: {proc.stderr.strip()}")


main()
print(f"1..{len(results)}")
failed = 0
for i, (name, ok, detail, skipped) in enumerate(results, 1):
    if skipped:
        print(f"ok {i} - {name} # SKIP {skipped}")
        continue
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        failed += 1
        for line in detail.splitlines() or [""]:
            print(f"# {line}")
sys.exit(1 if failed else 0)
