#!/usr/bin/env bash
# Prints each failed test of the TRX files in a folder: name, message, the first frame in our code, and the tail of
# its output. test.sh calls it last, so a CI log that keeps only its end still says why a test failed.
set -euo pipefail
shopt -s nullglob
files=("${1:?usage: print-failures.sh RESULTS_DIR}"/*.trx)
((${#files[@]})) || exit 0
awk '
  function decode(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); return s }
  function flush() { if (name != "") { print "FAILED " name; print msg; if (frame != "") print "  " frame; n = split(out, lines, "\n"); for (i = (n > 25 ? n - 24 : 1); i <= n; i++) if (lines[i] != "") print "  | " lines[i]; print "" } name = ""; msg = ""; frame = ""; out = "" }
  /<UnitTestResult / && /outcome="Failed"/ { flush(); match($0, /testName="[^"]*"/); name = decode(substr($0, RSTART + 10, RLENGTH - 11)); inside = 1; next }
  /<\/UnitTestResult>/ { inside = 0; next }
  !inside { next }
  /<StdOut>/ { section = "out" }
  /<Message>/ { section = "msg" }
  /<StackTrace>/ { section = "stack" }
  {
    line = $0; sub(/^[ \t]*<(StdOut|Message|StackTrace)>/, "", line); sub(/<\/(StdOut|Message|StackTrace)>.*$/, "", line); line = decode(line)
    if (section == "msg") msg = msg (msg == "" ? "" : "\n") "  " line
    else if (section == "out") out = out "\n" line
    else if (section == "stack" && frame == "" && line ~ /ContactCenter\./) { sub(/^[ \t]+/, "", line); frame = line }
  }
  /<\/(StdOut|Message|StackTrace)>/ { section = "" }
  END { flush() }
' "${files[@]}"
