#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of evident-cli's evidence commands: attach, evidence,
extract, verify and cleanup.

Usage: test-cli-evidence.py PATH/TO/evident-cli  (prints TAP)
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile

from cli_tap import check, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
2.1,2.0,Security,2,Keys,Gamma,300,yes
"""

MiB = 1024 * 1024


def count(project, sql):
    db = sqlite3.connect(project)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-evidence-")
    project, _ = new_project(tmp, CHECKLIST)

    report = os.path.join(tmp, "report.pdf")
    data = os.urandom(3 * MiB + 12345)
    with open(report, "wb") as f:
        f.write(data)
    sha = hashlib.sha256(data).hexdigest()
    diagram = os.path.join(tmp, "diagram.png")
    with open(diagram, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + os.urandom(5000))
    diagram_sha = hashlib.sha256(open(diagram, "rb").read()).hexdigest()
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "wb").close()

    for command in ("attach", "evidence", "extract", "verify", "cleanup"):
        p = run(command, "--help")
        check(f"{command} --help", p.returncode == 0 and "Usage" in p.stdout, p.stderr)
    p = run("--help")
    check("the evidence commands are listed in --help",
          all(c in p.stdout for c in ("attach", "evidence", "extract", "verify", "cleanup")),
          p.stdout)

    # attach
    p = run("attach", project, "1.1", report, "--title", "Quarterly report",
            "--kind", "presentation")
    check("attach prints the SHA-256 and stores the file",
          p.returncode == 0 and sha in p.stdout and "Stored" in p.stdout, p.stdout + p.stderr)
    p = run("attach", project, "2.1", report)
    check("attaching the same bytes again says they were already stored",
          p.returncode == 0 and sha in p.stdout and "already" in p.stdout, p.stdout + p.stderr)
    check("the same file attached twice is stored once",
          count(project, "SELECT count(*) FROM blobs") == 1
          and count(project, "SELECT count(*) FROM blob_chunks") == 4,
          str(count(project, "SELECT count(*) FROM blob_chunks")))
    p = run("attach", project, "1.2", diagram, "--kind", "asset")
    check("attach a second file", p.returncode == 0, p.stderr)
    p = run("attach", project, "1.2", empty)
    check("attach an empty file", p.returncode == 0, p.stderr)
    p = run("attach", project, "1.2", "https://wiki.example.com/runbook", "--title", "Runbook",
            "--kind", "process")
    check("attach a link", p.returncode == 0 and "https://wiki.example.com/runbook" in p.stdout,
          p.stdout + p.stderr)

    p = run("attach", project, "1.1", report, "--kind", "slides")
    check("an unknown kind is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("attach", project, "1.1")
    check("a missing argument is a usage error (exit 2)", p.returncode == 2, p.stderr)
    p = run("attach", project, "9.9", report)
    check("an unknown item is an error naming it (exit 1)",
          p.returncode == 1 and "9.9" in p.stderr, p.stderr)
    p = run("attach", project, "1.1", os.path.join(tmp, "missing.pdf"))
    check("a missing file is an error naming it (exit 1)",
          p.returncode == 1 and "missing.pdf" in p.stderr and p.stderr.count("\n") == 1,
          p.stderr)
    p = run("attach", project, "1.1", "https://")
    check("a link without a host is refused (exit 1)", p.returncode == 1, p.stderr)

    # evidence
    p = run("evidence", project, "--json")
    listed = json.loads(p.stdout) if p.returncode == 0 else []
    check("evidence --json lists every piece in checklist order",
          [(e["ref"], e["title"]) for e in listed] == [
              ("1.1", "Quarterly report"), ("1.2", "diagram.png"), ("1.2", "empty.txt"),
              ("1.2", "Runbook"), ("2.1", "report.pdf")],
          p.stdout + p.stderr)
    first = listed[0] if listed else {}
    check("evidence --json: the fields of a file",
          first.get("kind") == "presentation" and first.get("filename") == "report.pdf"
          and first.get("size") == len(data) and first.get("sha256") == sha
          and first.get("url") is None
          and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first.get("added", "")),
          json.dumps(first))
    link = listed[3] if len(listed) > 3 else {}
    check("evidence --json: a link has a url and no sha256 or size",
          link.get("url") == "https://wiki.example.com/runbook" and link.get("sha256") is None
          and link.get("size") is None and link.get("kind") == "process", json.dumps(link))
    empty_entry = listed[2] if len(listed) > 2 else {}
    check("evidence --json: an empty file",
          empty_entry.get("size") == 0
          and empty_entry.get("sha256") == hashlib.sha256(b"").hexdigest(),
          json.dumps(empty_entry))
    p = run("evidence", project, "1.2", "--json")
    check("evidence REF lists one item's evidence",
          p.returncode == 0 and [e["ref"] for e in json.loads(p.stdout)] == ["1.2"] * 3,
          p.stdout + p.stderr)
    p = run("evidence", project)
    check("evidence prints one line each",
          p.returncode == 0 and len(p.stdout.strip().splitlines()) == 5
          and sha[:12] in p.stdout, p.stdout + p.stderr)
    p = run("evidence", project, "7.7")
    check("evidence of an unknown item (exit 1)", p.returncode == 1 and "7.7" in p.stderr,
          p.stderr)

    # extract
    out = os.path.join(tmp, "out.pdf")
    p = run("extract", project, sha, out)
    check("extract writes the bytes back, byte for byte",
          p.returncode == 0 and open(out, "rb").read() == data, p.stderr)
    out2 = os.path.join(tmp, "out2.pdf")
    p = run("extract", project, sha[:10].upper(), out2)
    check("extract takes the start of a SHA-256",
          p.returncode == 0 and open(out2, "rb").read() == data, p.stderr)
    p = run("extract", project, "0" * 64, os.path.join(tmp, "none"))
    check("extract of an unknown SHA-256 fails (exit 1) and writes nothing",
          p.returncode == 1 and not os.path.exists(os.path.join(tmp, "none")), p.stderr)
    p = run("extract", project, sha)
    check("extract without OUTFILE is a usage error (exit 2)", p.returncode == 2, p.stderr)

    # verify
    p = run("verify", project)
    check("verify: all files match (exit 0)",
          p.returncode == 0 and "All 3 stored files match" in p.stdout, p.stdout + p.stderr)
    p = run("evidence", project, "--json")
    check("verified files are marked",
          p.returncode == 0 and all(e["verified"] == (e["sha256"] is not None)
                                    for e in json.loads(p.stdout)), p.stdout)

    damaged = os.path.join(tmp, "damaged.evident")
    shutil.copy(project, damaged)
    db = sqlite3.connect(damaged)
    db.execute("UPDATE blob_chunks SET data = randomblob(length(data))"
               " WHERE sha256 = ? AND seq = 2", (sha,))
    db.commit()
    db.close()
    p = run("verify", damaged)
    check("verify: a tampered file is reported with its items (exit 1)",
          p.returncode == 1 and "report.pdf" in p.stdout and "1.1" in p.stdout
          and "2.1" in p.stdout and "1 of 3" in p.stdout and diagram_sha not in p.stdout,
          p.stdout + p.stderr)
    p = run("extract", damaged, sha, os.path.join(tmp, "bad.pdf"))
    check("extract refuses a damaged file (exit 1) and writes nothing",
          p.returncode == 1 and "damaged" in p.stderr
          and not os.path.exists(os.path.join(tmp, "bad.pdf")), p.stderr)

    # cleanup
    p = run("cleanup", project)
    check("cleanup with nothing unused", p.returncode == 0 and "Nothing" in p.stdout,
          p.stdout + p.stderr)
    db = sqlite3.connect(project)
    db.execute("UPDATE evidence SET removed_at = '2026-01-01T00:00:00Z' WHERE sha256 IN (?, ?)",
               (sha, diagram_sha))
    db.commit()
    db.close()
    p = run("cleanup", project)
    freed = len(data) + os.path.getsize(diagram)
    check("cleanup frees the bytes no evidence uses and says how many",
          p.returncode == 0 and f"({freed} bytes)" in p.stdout
          and count(project, "SELECT count(*) FROM blobs") == 1
          and count(project, "SELECT count(*) FROM blob_chunks") == 0, p.stdout + p.stderr)
    p = run("evidence", project, "--json")
    check("what remains after cleanup",
          p.returncode == 0 and [e["title"] for e in json.loads(p.stdout)]
          == ["empty.txt", "Runbook"], p.stdout)

    p = run("verify", project)
    check("verify after cleanup", p.returncode == 0 and "1 stored file matches" in p.stdout,
          p.stdout + p.stderr)
    p = run("check", project)
    check("the project is sound after it all", p.returncode == 0, p.stderr)

    shutil.rmtree(tmp)

    finish()


main()
