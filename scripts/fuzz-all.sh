#!/usr/bin/env bash
# Fuzzes the three targets at once (mail, page, fax; see fuzz.sh) for SECONDS each, on one published build.
#   scripts/fuzz-all.sh SECONDS
# afl-fuzz keeps one core busy: one target after another left the second core idle. Three at once for 1.5 times as
# long take half the wall time: test.sh's 180 s gave mail as many executions as 120 s alone, fax 77%, page 58–127%.
# Prints each target's report in order and exits with the worst status (1: a crash found, 2: a fuzzer failed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz-all.sh SECONDS" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
published=artifacts/fuzz/published
rm -rf "$published"
mkdir -p artifacts/fuzz
dotnet publish tests/ContactCenter.Fuzz -c Release -o "$published" -nologo -v q

declare -A pids
for target in mail page fax; do
  FUZZ_PUBLISHED=$published ./scripts/fuzz.sh "$target" "$seconds" >"artifacts/fuzz/$target.log" 2>&1 &
  pids[$target]=$!
done
worst=0
for target in mail page fax; do
  status=0
  wait "${pids[$target]}" || status=$?
  cat "artifacts/fuzz/$target.log"
  ((status <= worst)) || worst=$status
done
exit "$worst"
