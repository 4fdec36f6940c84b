#!/usr/bin/env bash
# Prints the slowest tests of the TRX files in a folder, slowest first, so whoever watches CI's 30-minute budget sees
# what spends it. test.sh calls it before the failures. (The list is cut by awk, which reads it all: head would leave
# sort writing into a closed pipe, and pipefail would turn that SIGPIPE into the script's failure.)
#   print-slowest.sh RESULTS_DIR [COUNT]
set -euo pipefail
shopt -s nullglob
files=("${1:?usage: print-slowest.sh RESULTS_DIR [COUNT]}"/*.trx)
count=${2:-15}
((${#files[@]})) || exit 0
echo "Slowest tests (seconds):"
awk '
  function decode(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); return s }
  /<UnitTestResult / {
    if (!match($0, /duration="[0-9:.]+"/)) next
    split(substr($0, RSTART + 10, RLENGTH - 11), t, ":")
    seconds = t[1] * 3600 + t[2] * 60 + t[3]
    match($0, /testName="[^"]*"/); name = decode(substr($0, RSTART + 10, RLENGTH - 11))
    sub(/^ContactCenter\./, "", name)
    printf "%8.1f  %s\n", seconds, name
  }
' "${files[@]}" | sort -rn | awk -v n="$count" 'NR <= n'
