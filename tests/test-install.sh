#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks what a desktop
# needs is there and that the installed evident-cli runs.
#
# Usage: test-install.sh BUILDDIR PREFIX BINDIR DATADIR LIBEXECDIR APPLICATION_ID VERSION LINGUAS
# (BINDIR, DATADIR and LIBEXECDIR as meson's options: relative to PREFIX or absolute;
# LINGUAS is po/LINGUAS).
# Prints TAP.
set -uo pipefail

builddir=$1 prefix=$2 bindir=$3 datadir=$4 libexecdir=$5 app_id=$6 version=$7 linguas=$8
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $libexecdir in /*) ;; *) libexecdir=$prefix/$libexecdir ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/evident-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)) failed=$((failed + 1))
  echo "not ok $n - $1"
  local line
  while IFS= read -r line; do echo "# $line"; done <<<"${2:-}"
}
check() { # check NAME COMMAND...
  local name=$1 out; shift
  if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}
has_file() { check "installs ${1#"$tmp"}" test -f "$1"; }

# The tests run after meson has built everything, so no rebuild here.
# With DESTDIR set, meson skips the post-install cache updates.
if out=$(DESTDIR=$tmp meson install -C "$builddir" --no-rebuild --quiet 2>&1); then
  ok "meson install into a temporary DESTDIR"
else
  not_ok "meson install into a temporary DESTDIR" "$out"
  echo "1..$n"
  exit 1
fi

bin=$tmp$bindir
share=$tmp$datadir
icons=$share/icons/hicolor

check "installs ${bin#"$tmp"}/evident" test -x "$bin/evident"
check "installs ${bin#"$tmp"}/evident-cli" test -x "$bin/evident-cli"
# The document renderer, where the application looks for it.
check "installs ${libexecdir}/evident-render" test -x "$tmp$libexecdir/evident-render"
has_file "$share/applications/$app_id.desktop"
has_file "$share/metainfo/$app_id.metainfo.xml"
has_file "$share/glib-2.0/schemas/io.github.evidentapp.Evident.gschema.xml"
has_file "$share/mime/packages/$app_id.mime.xml"
has_file "$icons/scalable/apps/$app_id.svg"
has_file "$icons/symbolic/apps/$app_id-symbolic.svg"
has_file "$icons/scalable/mimetypes/application-x-evident-project.svg"
has_file "$share/evident/checklists/msp-sample.csv"
has_file "$share/evident/checklists/msp-sample-demo.csv"
has_file "$share/evident/checklists/msp-sample.de.csv"
has_file "$share/evident/checklists/msp-sample-demo.de.csv"

# Every language in po/LINGUAS has its catalogue installed.
while read -r lang _; do
  case $lang in '' | '#'*) continue ;; esac
  has_file "$share/locale/$lang/LC_MESSAGES/evident.mo"
done <"$linguas"

# The desktop file names the icon that was installed.
desktop=$share/applications/$app_id.desktop
if grep -qx "Icon=$app_id" "$desktop" 2>/dev/null; then
  ok "desktop file names the installed icon $app_id"
else
  not_ok "desktop file names the installed icon $app_id" \
    "$(grep '^Icon=' "$desktop" 2>&1)"
fi

if command -v glib-compile-schemas >/dev/null; then
  check "installed schemas compile strictly" \
    glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
else
  ok "installed schemas compile strictly # SKIP glib-compile-schemas not installed"
fi

if command -v update-mime-database >/dev/null; then
  if out=$(XDG_DATA_DIRS=$share update-mime-database "$share/mime" 2>&1) &&
    grep -q ':application/x-evident-project:\*\.evident$' "$share/mime/globs2" 2>/dev/null &&
    grep -qx 'application/x-evident-project:application-x-evident-project' \
      "$share/mime/icons" 2>/dev/null; then
    ok "MIME database knows .evident files and their icon"
  else
    not_ok "MIME database knows .evident files and their icon" \
      "$out$(cat "$share/mime/globs2" "$share/mime/icons" 2>&1)"
  fi
else
  ok "MIME database knows .evident files and their icon # SKIP update-mime-database not installed"
fi

# The installed command-line tool runs from the installed tree.
if out=$("$bin/evident-cli" --version 2>&1) && grep -qF "$version" <<<"$out"; then
  ok "installed evident-cli --version runs and prints $version"
else
  not_ok "installed evident-cli --version runs and prints $version" "$out"
fi

# The installed renderer links and runs; without the socket the application
# hands it, it refuses to start (status 2).
out=$("$tmp$libexecdir/evident-render" 2>&1)
status=$?
if [ "$status" -eq 2 ] && grep -q "Started by Evident" <<<"$out"; then
  ok "installed evident-render runs and wants its socket"
else
  not_ok "installed evident-render runs and wants its socket" "status $status: $out"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
