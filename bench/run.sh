#!/usr/bin/env bash
# Builds Release and runs every benchmark, printing one Markdown table and writing it to bench/results/latest.md
# (a --quick or --only run to bench/results/partial.md, so it never replaces the full run's record).
#   ./bench/run.sh            full run (about 10 minutes on 2 cores)
#   ./bench/run.sh --quick    smaller sizes (under 3 minutes)
#   ./bench/run.sh --only store,mail,remote,latency,ocr,memory
# Needs what scripts/test.sh installs (dovecot-imapd, tesseract-ocr-ita, imagemagick, poppler-utils) and root,
# because the test Dovecot drops to the mail user.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Published as install/install.sh publishes the service (for this machine's runtime, compiled ahead of time), and the
# program the whole-run rows start is the one install.sh stages: the rows time what an installed service runs.
out=bench/bin/published
rm -rf "$out"
dotnet publish bench/ContactCenter.Bench/ContactCenter.Bench.csproj -c Release --use-current-runtime --self-contained false \
  -o "$out/bench" -nologo -v q -warnaserror >&2
install/install.sh --root "$PWD/$out/installed" --no-packages --no-start >&2
export CC_BENCH_PROGRAM="$PWD/$out/installed/opt/contactcenter"
exec dotnet "$out/bench/ContactCenter.Bench.dll" "$@"
