#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of evident-cli's report, pack and verify-pack: the
report's text as pdftotext reads it, scopes, the pack's contents and
manifest, its digest on the report's cover, and verify-pack catching a
changed, a missing and an extra file.

Usage: test-cli-report.py PATH/TO/evident-cli  (prints TAP)
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile

from cli_tap import check, edit, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,title,points,mandatory
1.1,1.0,Basics,Alpha,100,yes
1.2,1.0,Basics,Beta,50,no
2.1,2.0,Security,Gamma,300,yes
2.2,2.0,Security,Delta,40,no
"""


def pdf_text(path):
    """The text of a PDF file as pdftotext reads it, or None without it."""
    if shutil.which("pdftotext") is None:
        return None
    p = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else ""


def rewrite(source, target, drop=None, change=None, extra=None):
    """Copies the zip @source to @target without @drop, with a byte of
    @change flipped and with an @extra file."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if info.filename == drop:
                continue
            data = zin.read(info.filename)
            if info.filename == change:
                data = bytes([data[0] ^ 1]) + data[1:]
            zout.writestr(info, data)
        if extra:
            zout.writestr(extra, b"not from the project")


def check_report(tmp, project):
    report = os.path.join(tmp, "report.pdf")
    p = run("report", project, report)
    check("report writes a PDF file",
          p.returncode == 0 and open(report, "rb").read(5) == b"%PDF-", p.stderr)
    check("report says how many items it holds", "4 items" in p.stdout, p.stdout)
    text = pdf_text(report)
    if text is None:
        check("the report's text # SKIP pdftotext is not installed", True)
    else:
        items = text[text.find("Every item in this report"):]
        positions = [items.find(title) for title in ("Alpha", "Beta", "Gamma", "Delta")]
        check("the report lists every item once, in order",
              all(pos >= 0 for pos in positions) and positions == sorted(positions)
              and all(items.count(t) == 1 for t in ("Alpha", "Beta", "Gamma", "Delta")), items)
        check("the report's pages are numbered", "Page 2 of" in text, text)

    chapter = os.path.join(tmp, "chapter.pdf")
    p = run("report", project, chapter, "--scope", "2.0")
    text = pdf_text(chapter) if p.returncode == 0 else ""
    check("report --scope CHAPTER lists that chapter's items",
          p.returncode == 0 and "2 items" in p.stdout
          and (text is None or ("Gamma" in text and "Beta" not in text)), p.stderr)
    p = run("report", project, os.path.join(tmp, "open.pdf"), "--scope", "open")
    check("report --scope open lists the items not counted in the projected view",
          p.returncode == 0 and "2 items" in p.stdout, p.stdout + p.stderr)

    missing = os.path.join(tmp, "missing.pdf")
    p = run("report", project, missing, "--scope", "9.0")
    check("an unknown chapter is refused, naming it, and writes nothing",
          p.returncode == 1 and "9.0" in p.stderr and not os.path.exists(missing), p.stderr)
    p = run("report", project)
    check("report without an output file is wrong usage", p.returncode == 2, p.stderr)


def check_pack(tmp, project):
    pack = os.path.join(tmp, "pack.zip")
    p = run("pack", project, pack)
    check("pack writes a zip archive", p.returncode == 0 and zipfile.is_zipfile(pack), p.stderr)
    digest = p.stdout.split("Manifest SHA-256 ")[-1].strip()
    with zipfile.ZipFile(pack) as z:
        names = z.namelist()
        manifest_bytes = z.read("manifest.json")
        manifest = json.loads(manifest_bytes)
        csv = z.read("manifest.csv").decode("utf-8-sig")
        files_ok = all(hashlib.sha256(z.read(f["path"])).hexdigest() == f["sha256"]
                       and len(z.read(f["path"])) == f["size"] for f in manifest["files"])
    check("pack prints the SHA-256 of its manifest",
          digest == hashlib.sha256(manifest_bytes).hexdigest(), p.stdout)
    check("the pack holds each file once, in its item's folder",
          sorted(names) == sorted(["1.0 Basics/1.1 Alpha/runbook.pdf",
                                   "2.0 Security/2.1 Gamma/diagram.png",
                                   "manifest.csv", "manifest.json"]), names)
    check("the manifest matches the files", files_ok, manifest)
    shared = [e for i in manifest["items"] if i["ref"] == "1.2" for e in i["evidence"]]
    check("a file shared by two items is referenced from the second",
          shared and shared[0]["file"] == "1.0 Basics/1.1 Alpha/runbook.pdf", manifest)
    check("the CSV manifest lists every piece of evidence",
          csv.startswith("ref,title,status,evidence,file,size,sha256,added,url")
          and csv.count("runbook.pdf") >= 2, csv)

    p = run("verify-pack", pack)
    check("verify-pack accepts the pack as written",
          p.returncode == 0 and "All 2 files match" in p.stdout and digest in p.stdout, p.stdout)

    bad = os.path.join(tmp, "bad.zip")
    rewrite(pack, bad, drop="2.0 Security/2.1 Gamma/diagram.png",
            change="1.0 Basics/1.1 Alpha/runbook.pdf", extra="1.0 Basics/extra.txt")
    p = run("verify-pack", bad)
    check("verify-pack names a changed, a missing and an extra file and exits with 1",
          p.returncode == 1
          and "changed: 1.0 Basics/1.1 Alpha/runbook.pdf" in p.stdout
          and "missing: 2.0 Security/2.1 Gamma/diagram.png" in p.stdout
          and "not in the manifest: 1.0 Basics/extra.txt" in p.stdout, p.stdout)
    with open(bad, "w") as f:
        f.write("not a zip")
    p = run("verify-pack", bad)
    check("verify-pack refuses a file that is not a pack", p.returncode == 1
          and "not an evidence pack" in p.stderr, p.stderr)

    ready = os.path.join(tmp, "ready.zip")
    p = run("pack", project, ready, "--scope", "ready")
    with zipfile.ZipFile(ready) as z:
        refs = [i["ref"] for i in json.loads(z.read("manifest.json"))["items"]]
    check("pack --scope ready holds the items ready or met", refs == ["1.1", "2.1"], refs)

    report = os.path.join(tmp, "with-pack.pdf")
    p = run("report", project, report, "--pack", pack)
    text = pdf_text(report)
    check("report --pack shows the pack's digest on the cover",
          p.returncode == 0 and digest in p.stdout
          and (text is None or digest[:32] in text.replace("\n", "").replace(" ", "")),
          p.stdout + p.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-report-")
    project, _ = new_project(tmp, CHECKLIST)
    edit(project, [("1.1", "--status", "met"), ("2.1", "--status", "ready")],
         "states are set")

    runbook = os.path.join(tmp, "runbook.pdf")
    with open(runbook, "wb") as f:
        f.write(b"%PDF-1.4\n" + os.urandom(20000))
    diagram = os.path.join(tmp, "diagram.png")
    with open(diagram, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + os.urandom(5000))
    for ref, path in (("1.1", runbook), ("1.2", runbook), ("2.1", diagram)):
        p = run("attach", project, ref, path)
        check(f"attach to {ref}", p.returncode == 0, p.stderr)

    for command in ("report", "pack", "verify-pack"):
        p = run(command, "--help")
        check(f"{command} --help", p.returncode == 0 and "Usage" in p.stdout, p.stderr)

    check_report(tmp, project)
    check_pack(tmp, project)

    shutil.rmtree(tmp)
    finish()


main()
