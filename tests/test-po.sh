#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every catalogue in po/LINGUAS compiles and is complete: no untranslated or
# fuzzy messages in the .po file itself, and none once it is merged with a
# template regenerated from the current sources (which catches strings added
# to the sources but not yet translated).
#
# Usage: test-po.sh SOURCE_ROOT
# Prints TAP.
set -uo pipefail

root=$1
po=$root/po
# msgfmt's statistics are translated; read them in English.
export LC_ALL=C LANGUAGE=

tmp=$(mktemp -d "${TMPDIR:-/tmp}/evident-po-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)) failed=$((failed + 1))
  echo "not ok $n - $1"
  local line
  [[ -n ${2:-} ]] || return 0
  while IFS= read -r line; do echo "# $line"; done <<<"$2"
}

# The template, extracted as meson's i18n.gettext(preset: 'glib') does.
pot=$tmp/evident.pot
if out=$(xgettext --package-name=evident -f "$po/POTFILES.in" -D "$root" -o "$pot" \
           --from-code=UTF-8 --add-comments \
           -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
           --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
           --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
           --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
           --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
           --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
           --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
           --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
           --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
           --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format 2>&1) \
   && [[ -s $pot ]]; then
  ok "template extracted from po/POTFILES.in"
else
  not_ok "template extracted from po/POTFILES.in" "$out"
  pot=
fi

# The first few msgids of the messages a catalogue leaves untranslated or fuzzy.
list_open() { # list_open PO_FILE_OR_-
  { msgattrib --untranslated --no-obsolete --no-wrap "$1"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$1"; } 2>/dev/null \
    | grep -E '^msgid "..*"$' | head -n 20
}

while read -r lang _; do
  case $lang in '' | '#'*) continue ;; esac
  file=$po/$lang.po

  if [[ ! -f $file ]]; then
    not_ok "$lang: po/$lang.po exists"
    continue
  fi

  # Compiles, formats agree with their msgids, nothing left open.
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$file" 2>&1); then
    not_ok "$lang: po/$lang.po compiles (msgfmt --check)" "$stats"
  elif [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
    not_ok "$lang: po/$lang.po has no untranslated or fuzzy messages" \
      "$stats"$'\n'"$(list_open "$file")"
  else
    ok "$lang: po/$lang.po compiles, $stats"
  fi

  # Complete against the strings in the sources now.
  if [[ -z $pot ]]; then
    ok "$lang: translates every message in the sources # SKIP no template"
    continue
  fi
  merged=$tmp/$lang.po
  if ! out=$(msgmerge --no-fuzzy-matching -q "$file" "$pot" -o - 2>&1 >"$merged"); then
    not_ok "$lang: po/$lang.po merges with the template" "$out"
    continue
  fi
  stats=$(msgfmt --statistics -o /dev/null "$merged" 2>&1)
  if [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
    not_ok "$lang: translates every message in the sources" \
      "$stats"$'\n'"$(list_open "$merged")"
  else
    ok "$lang: translates every message in the sources"
  fi
done <"$po/LINGUAS"

echo "1..$n"
exit $((failed > 0))
