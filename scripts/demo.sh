#!/usr/bin/env bash
# Quick start: ingests the bundled samples (six e-mails, a PEC and a PEC receipt, a scanned letter, a fax, a voicemail) once with the embedded store
# under .data/demo, then prints the tickets. Needs the .NET SDK and Tesseract with Italian data:
#   sudo apt-get install tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils
# Running it again starts from a fresh copy of the samples (pass --keep to keep the previous tickets).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-packages.sh
# Tesseract with Italian data, for the scanned letter and the fax.
ensure_packages tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils

[[ "${1:-}" == "--keep" ]] || rm -rf .data/demo
mkdir -p .data/demo/inbox .data/demo/pec .data/demo/scans .data/demo/recvq .data/demo/voicemail
cp samples/mail/*.eml .data/demo/inbox/
cp samples/pec/*.eml .data/demo/pec/
cp samples/scans/* .data/demo/scans/
cp samples/fax/* .data/demo/recvq/
cp samples/voicemail/*.eml .data/demo/voicemail/

export OMP_THREAD_LIMIT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Logging__LogLevel__Default=Warning
config=(--config samples/routing.rules.json --config samples/appsettings.demo.json)
dotnet build src/Workers -c Release -nologo -v q >/dev/null
cc() { dotnet src/Workers/bin/Release/net10.0/contactcenter.dll "$@"; }
cc ingest --once "${config[@]}"
cc tickets list "${config[@]}"
echo
echo "More: dotnet src/Workers/bin/Release/net10.0/contactcenter.dll tickets show PC-$(date +%Y)-000001 ${config[*]}"
