#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Black-box tests of what evident-cli takes and prints when files and names
come from others: attach takes regular files only (no named pipe, device,
socket or folder), follows symbolic links to their target and says so,
refuses files above a size limit and files that grow while they are read;
every plain-text output shows control characters as escapes (\\n, \\t,
\\x1b, \\u2028, ...) so that no name forges a line or sends the terminal a
command, while JSON keeps every value exact.

Usage: test-cli-hygiene.py PATH/TO/evident-cli  (prints TAP)
"""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import threading

from cli_tap import CLI, check, finish, new_project, run


CHECKLIST = """ref,chapter,chapter_title,section,section_title,title,points,mandatory
1.1,1.0,Basics,1,Start,Alpha,100,yes
1.2,1.0,Basics,1,Start,Beta,50,no
2.1,2.0,Security,2,Keys,Gamma,300,yes
"""

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PASSWD = b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"

# Names made to forge lines and drive a terminal.
TITLE = "Audit\x1b[2J\nForged line"
OWNER = "\x1b[31mMallory\x1b[0m"
NOTE = "first\nsecond\x1b]0;pwned\x07"
FILENAME = "evil\nname\x1b[1m.pdf"
EVIDENCE_TITLE = "Deck\r\nInjected\u2028line\u202eevil\u0085x\ttab"

# What may never reach a terminal from a name.
RAW = ["\x1b", "\r", "\x07", "\u2028", "\u2029", "\u202e", "\u0085"]


def run_timeout(*args, timeout=30):
    """Runs evident-cli; a run that does not end within @timeout seconds
    is killed and reported as such (returncode None)."""
    try:
        return subprocess.run([CLI, *args], capture_output=True, text=True, errors="replace",
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, None, e.stdout or "", "timed out")


def count(project, sql):
    db = sqlite3.connect(project)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def clean(text):
    """No raw control character but line feeds."""
    return not any(c in text for c in RAW)


def attach_refusals(tmp, project):
    fifo = os.path.join(tmp, "pipe.pdf")
    os.mkfifo(fifo)
    p = run_timeout("attach", project, "1.1", fifo, timeout=20)
    check("attach refuses a named pipe at once, by name",
          p.returncode == 1 and "named pipe" in p.stderr and "pipe.pdf" in p.stderr,
          f"{p.returncode} {p.stderr}")

    for device in ("/dev/zero", "/dev/null"):
        p = run_timeout("attach", project, "1.1", device, timeout=20)
        check(f"attach refuses {device} as a device",
              p.returncode == 1 and "device" in p.stderr and device in p.stderr,
              f"{p.returncode} {p.stderr}")

    path = os.path.join(tmp, "socket.pdf")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    p = run_timeout("attach", project, "1.1", path, timeout=20)
    server.close()
    check("attach refuses a socket", p.returncode == 1 and "socket" in p.stderr, p.stderr)

    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    p = run_timeout("attach", project, "1.1", folder)
    check("attach refuses a folder", p.returncode == 1 and "folder" in p.stderr, p.stderr)

    check("nothing of a refused file is stored",
          count(project, "SELECT count(*) FROM blobs") == 0
          and count(project, "SELECT count(*) FROM evidence") == 0)


def attach_links(tmp, project):
    target = os.path.join(tmp, "Quarterly review")
    with open(target, "wb") as f:
        f.write(PDF)
    link = os.path.join(tmp, "notes.txt")
    os.symlink("Quarterly review", link)
    p = run_timeout("attach", project, "1.2", link)
    check("attach says that it followed a link, and where to",
          p.returncode == 0 and "symbolic link" in p.stdout and target in p.stdout
          and "“Quarterly review”" in p.stdout, p.stdout + p.stderr)

    etc = os.path.join(tmp, "etc")
    os.mkdir(etc)
    passwd = os.path.join(etc, "passwd")
    with open(passwd, "wb") as f:
        f.write(PASSWD)
    os.symlink(passwd, os.path.join(tmp, "x.pdf"))
    p = run_timeout("attach", project, "2.1", os.path.join(tmp, "x.pdf"))
    check("a link called x.pdf to a password file is added",
          p.returncode == 0 and passwd in p.stdout, p.stdout + p.stderr)

    evidence = {e["ref"]: e for e in json.loads(run("evidence", project, "--json").stdout)}
    pdf, text = evidence.get("1.2", {}), evidence.get("2.1", {})
    check("a misleadingly named link to a PDF: the target's name, a PDF",
          pdf.get("filename") == "Quarterly review"
          and pdf.get("content_type") == "application/pdf", str(pdf))
    check("x.pdf leading to a password file: text under the target's name",
          text.get("filename") == "passwd" and text.get("content_type") == "text/plain",
          str(text))


def attach_limits(tmp, project):
    big = os.path.join(tmp, "big.bin")
    with open(big, "wb") as f:
        f.write(os.urandom(2000))
    p = run_timeout("attach", project, "1.1", big, "--max-size", "1kB")
    check("attach --max-size refuses a larger file, with both sizes",
          p.returncode == 1 and "too large" in p.stderr and "big.bin" in p.stderr
          and "2.0" in p.stderr and "1.0" in p.stderr, p.stderr)
    p = run_timeout("attach", project, "1.1", big, "--max-size", "4 KiB")
    check("attach --max-size takes a file within the limit", p.returncode == 0, p.stderr)
    p = run_timeout("attach", project, "1.1", big, "--max-size", "lots")
    check("attach --max-size with no size is a usage error",
          p.returncode == 2 and "500MB" in p.stderr, p.stderr)
    p = run("attach", "--help")
    check("attach --help gives the default limit and the rules",
          p.returncode == 0 and "--max-size" in p.stdout and "2GB" in p.stdout
          and "symbolic link" in p.stdout, p.stdout)

    # A log still being written: reading stops at the size it had when it
    # was opened, and the addition is refused as changed.
    log = os.path.join(tmp, "growing.log")
    with open(log, "wb") as f:
        f.write(b"x" * (8 * 1024 * 1024))
    stop = threading.Event()
    started = threading.Event()

    def grow():
        with open(log, "ab", buffering=0) as f:
            while not stop.is_set():
                f.write(b"y" * 4096)
                started.set()
                stop.wait(0.0001)

    writer = threading.Thread(target=grow)
    writer.start()
    started.wait()
    p = run_timeout("attach", project, "1.1", log, timeout=60)
    stop.set()
    writer.join()
    check("attach refuses a file that grows while it is read, promptly",
          p.returncode == 1 and "changed" in p.stderr and "growing.log" in p.stderr,
          f"{p.returncode} {p.stderr}")


def control_characters(tmp):
    project, _ = new_project(tmp, CHECKLIST, "--title", TITLE, name="names.evident")
    p = run("set", project, "1.1", "--owner", OWNER, "--note", NOTE, "--status", "met")
    check("set takes names with control characters", p.returncode == 0, p.stderr)
    path = os.path.join(tmp, FILENAME)
    with open(path, "wb") as f:
        f.write(PDF + b"names")
    p = run("attach", project, "1.2", path, "--title", EVIDENCE_TITLE)
    check("attach: the file name escaped, on one line",
          p.returncode == 0 and clean(p.stdout) and p.stdout.count("\n") == 3
          and "evil\\nname\\x1b[1m.pdf" in p.stdout, repr(p.stdout + p.stderr))

    p = run("items", project)
    check("items: control characters escaped, one line per item",
          p.returncode == 0 and clean(p.stdout) and len(p.stdout.splitlines()) == 3
          and "\\x1b[31mMallory\\x1b[0m" in p.stdout, repr(p.stdout))

    p = run("history", project)
    check("history: control characters escaped, one line per field",
          p.returncode == 0 and clean(p.stdout) and len(p.stdout.splitlines()) == 4
          and "\\x1b[31mMallory" in p.stdout and "second\\x1b]0;pwned\\x07" in p.stdout,
          repr(p.stdout))

    p = run("evidence", project)
    check("evidence: title and file name escaped, on one line",
          p.returncode == 0 and clean(p.stdout) and len(p.stdout.splitlines()) == 1
          and "Deck\\r\\nInjected\\u2028line\\u202eevil\\u0085x\\ttab" in p.stdout
          and "evil\\nname\\x1b[1m.pdf" in p.stdout, repr(p.stdout))

    p = run("heatmap", project)
    lines = p.stdout.split("\n\n", 1)[-1].splitlines()
    check("heatmap: the owner escaped, rows of one width",
          p.returncode == 0 and clean(p.stdout) and len(lines) == 4
          and len({len(line) for line in lines}) == 1
          and any(line.startswith("\\x1b[31mMallory\\x1b[0m ") for line in lines),
          repr(p.stdout))

    p = run("score", project)
    check("score: the project's title escaped, on its line",
          p.returncode == 0 and clean(p.stdout)
          and p.stdout.splitlines()[0] == "Audit\\x1b[2J\\nForged line", repr(p.stdout))

    # JSON keeps every value exact.
    items = {i["ref"]: i for i in json.loads(run("items", project, "--json").stdout)}
    evidence = json.loads(run("evidence", project, "--json").stdout)
    score = json.loads(run("score", project, "--json").stdout)
    check("JSON output is exact",
          items["1.1"]["owner"] == OWNER and evidence[0]["title"] == EVIDENCE_TITLE
          and evidence[0]["filename"] == FILENAME and score["checklist"]["title"] == TITLE,
          f"{items['1.1']} {evidence} {score['checklist']}")

    # A damaged file's name, in verify's report.
    db = sqlite3.connect(project)
    db.execute("UPDATE blob_chunks SET data = X'00'")
    db.commit()
    db.close()
    p = run("verify", project)
    check("verify: a damaged file's name escaped",
          p.returncode == 1 and clean(p.stdout) and "evil\\nname\\x1b[1m.pdf" in p.stdout,
          repr(p.stdout + p.stderr))

    # Errors name what the user gave, escaped as well.
    p = run("set", project, "no\x1b[2Jsuch", "--status", "met")
    check("errors: escaped, on one line",
          p.returncode == 1 and clean(p.stderr) and "no\\x1b[2Jsuch" in p.stderr
          and len(p.stderr.splitlines()) == 1, repr(p.stderr))

    audit_commands(tmp, project)

    odd = os.path.join(tmp, "odd\x1b[5mname.evident")
    p = run("new", odd, "--checklist", os.path.join(tmp, "list.csv"))
    check("new: the project's path escaped", p.returncode == 0 and clean(p.stdout)
          and "odd\\x1b[5mname.evident" in p.stdout, repr(p.stdout + p.stderr))
    p = run("check", odd)
    check("check: the project's path escaped", p.returncode == 0 and clean(p.stdout)
          and "odd\\x1b[5mname.evident" in p.stdout, repr(p.stdout + p.stderr))


def audit_commands(tmp, project):
    """inspect, and the audit's commands: reasons, names and findings."""
    path = os.path.join(tmp, "list\x1b[1m\n.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write('ref,"Name\x1b[2J",chapter\n1.1,Alpha,1.0\n1.1,"Dup\x1b]0;t\x07",1.0\n')
    p = run("inspect", path)
    check("inspect: the file's name and the problems escaped",
          clean(p.stdout) and clean(p.stderr) and "list\\x1b[1m\\n.csv" in p.stdout
          and "problem" in p.stdout, repr(p.stdout + p.stderr))

    p = run("exempt", project, "2.0", "--reason", "Held\x1b[2J\nforged")
    check("exempt: the chapter's title on one line", p.returncode == 0 and clean(p.stdout)
          and len(p.stdout.splitlines()) == 1, repr(p.stdout + p.stderr))
    p = run("exemptions", project)
    check("exemptions: the reason escaped", p.returncode == 0 and clean(p.stdout)
          and "Held\\x1b[2J\\nforged" in p.stdout, repr(p.stdout))

    p = run("session", "new", project, "--kind", "dry-run", "--title", "Dry\x1b[5m run",
            "--with", "Eve\nMallory")
    session = p.stdout.strip()
    p = run("verdict", project, session, "1.1", "failed", "--finding", "No notes\x1b[31m\rforged")
    check("verdict with a crafted finding", p.returncode == 0 and clean(p.stdout), p.stderr)
    for command in (["sessions", project], ["findings", project], ["verdicts", project, "1.1"],
                    ["agenda", project, session]):
        p = run(*command)
        check(f"{command[0]}: names and findings escaped",
              p.returncode == 0 and clean(p.stdout)
              and ("\\x1b" in p.stdout or "Eve\\nMallory" in p.stdout
                   or command[0] == "agenda"), repr(p.stdout + p.stderr))


def main():
    tmp = tempfile.mkdtemp(prefix="evident-cli-hygiene-")
    project, _ = new_project(tmp, CHECKLIST)
    attach_refusals(tmp, project)
    attach_links(tmp, project)
    attach_limits(tmp, project)
    control_characters(tmp)
    shutil.rmtree(tmp)
    finish()


main()
