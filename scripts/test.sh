#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine with the .NET SDK:
# installs what the tests need (Dovecot, Tesseract with Italian data, poppler, Chromium, AFL++),
# then builds and runs every test project. Servers (Dovecot, SMTP) are started by the tests on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-packages.sh
ensure_packages dovecot-imapd dovecot-pop3d tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils \
  libtiff-tools imagemagick fonts-dejavu-core ghostscript chromium systemd afl++ strace \
  postgresql time rspamd redis-server
# Debian's packages try to start the system Dovecot; the tests run their own on loopback instead.
if command -v systemctl >/dev/null && systemctl is-active --quiet dovecot 2>/dev/null; then systemctl stop dovecot || true; fi
# The PostgreSQL tests start a private cluster (initdb in a temp folder, as the postgres user); Debian's own is not used.
# rspamd and redis likewise: the spam tests start private ones on free ports, so the packages' services are stopped.
for unit in rspamd redis-server; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$unit" 2>/dev/null; then systemctl disable --now "$unit" || true; fi
done

# One OpenMP thread per Tesseract engine: pages run in parallel instead (see README, OCR).
export OMP_THREAD_LIMIT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The Windows installer's Pester tests (PowerShell 7 as a .NET tool) run beside the build and the .NET tests.
install_log=$(mktemp)
./scripts/test-install.sh >"$install_log" 2>&1 &
install_pid=$!
dotnet build ContactCenter.Ingest.sln -c Release -warnaserror -nologo -v q
log=$(mktemp)
results=$(mktemp -d)
# The tests that must run alone (crash suite, corpus, metrics: about 5 minutes) get a test process of their own,
# started beside the others instead of running last in the Workers suite with one thread. Arguments (a --filter of
# your own) run everything in one process, as before.
alone=()
if (($# == 0)); then
  alone_log=$(mktemp)
  dotnet test tests/ContactCenter.Workers.Tests -c Release --no-build --nologo -v q --filter "Schedule=RunAlone" \
    --logger "trx;LogFileName=run-alone.trx" --results-directory "$results" >"$alone_log" 2>&1 &
  alone_pid=$!
  alone=(--filter "Schedule!=RunAlone")
fi
set +e
dotnet test ContactCenter.Ingest.sln -c Release --no-build --nologo -v q --logger trx --results-directory "$results" "${alone[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if ((${#alone[@]})); then
  wait "$alone_pid"
  alone_status=$?
  grep -q 'Passed:' "$alone_log" || { echo "the run-alone filter (Schedule=RunAlone) ran no test" >&2; alone_status=1; }
  echo "Tests that run alone (Workers, Schedule=RunAlone), in their own process:"
  tee -a "$log" <"$alone_log"
  rm -f "$alone_log"
  ((status != 0)) || status=$alone_status
fi
wait "$install_pid"
install_status=$?
set -e
cat "$install_log"
install_summary=$(grep -E '^Installer tests' "$install_log" || echo "Installer tests (Pester): no result (exit $install_status)")
rm -f "$install_log"
./scripts/print-slowest.sh "$results" || echo "print-slowest.sh failed (exit $?); the tests' result stands" >&2
./scripts/print-failures.sh "$results"
rm -rf "$results"
passed=$(grep -oP 'Passed:\s+\K\d+' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -oP 'Failed:\s+\K\d+' "$log" | awk '{s+=$1} END {print s+0}')
skipped=$(grep -oP 'Skipped:\s+\K\d+' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [[ $status -eq 0 && ${passed:-0} -eq 0 ]]; then echo "no test ran" >&2; exit 1; fi
echo "$install_summary"
if [[ $status -ne 0 ]]; then exit "$status"; fi
if [[ $install_status -ne 0 ]]; then exit "$install_status"; fi

# Short fuzzing runs (the three targets at once for 3 minutes, see docs/fuzzing.md). Skipped only when asked for, and then loudly.
if [[ ${CC_SKIP_FUZZ:-} == 1 ]]; then
  if [[ -n ${CI:-} ]]; then echo "CC_SKIP_FUZZ=1 is for local runs only; CI must fuzz" >&2; exit 1; fi
  echo "Fuzzing: SKIPPED (CC_SKIP_FUZZ=1)" >&2
  exit 0
fi
./scripts/fuzz-all.sh "${CC_FUZZ_SECONDS:-180}"
# The test summary once more, last, for whoever reads only the closing line.
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
echo "$install_summary"
