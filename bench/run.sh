#!/usr/bin/env bash
# Builds Release and runs every benchmark, printing one Markdown table and writing it to bench/results/latest.md.
#   ./bench/run.sh            full run (about 10 minutes on 2 cores)
#   ./bench/run.sh --quick    smaller sizes (under 3 minutes)
#   ./bench/run.sh --only store,mail,latency,ocr,memory
# Needs what scripts/test.sh installs (dovecot-imapd, tesseract-ocr-ita, imagemagick, poppler-utils) and root,
# because the test Dovecot drops to the mail user.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/ContactCenter.Bench/ContactCenter.Bench.csproj -c Release -nologo -v q -warnaserror >&2
exec dotnet bench/ContactCenter.Bench/bin/Release/net10.0/ContactCenter.Bench.dll "$@"
