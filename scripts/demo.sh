#!/usr/bin/env bash
# Quick start: ingests the bundled samples (six e-mails, a PEC and a PEC receipt, a scanned letter, a fax, a voicemail) once with the embedded store
# under .data/demo, then prints the tickets. Needs the .NET SDK and Tesseract with Italian data:
#   sudo apt-get install tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils
# Running it again starts from a fresh copy of the samples (pass --keep to keep the previous tickets).
# With --serve it then runs the service in the foreground, so the online form (when enabled in
# samples/appsettings.demo.json) answers at the address printed; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-packages.sh
# Tesseract with Italian data, for the scanned letter and the fax.
ensure_packages tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils

keep=0 serve=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    --serve) serve=1 ;;
    *) echo "usage: $0 [--keep] [--serve]" >&2; exit 2 ;;
  esac
done
[[ $keep == 1 ]] || rm -rf .data/demo
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

# The online form's address, from the effective configuration (ContactCenter:WebForm).
effective=$(cc config check --json "${config[@]}")
setting() { grep -oP "\"ContactCenter:WebForm:$1\": *\"\\K[^\"]*" <<<"$effective" || true; }
if [[ $(setting Enabled) =~ ^[Tt]rue$ ]]; then
  form_url=$(setting PublicUrl)
  [[ -n $form_url ]] || form_url="$(setting Url)$(setting PathBase)"
  echo
  echo "Online form: ${form_url%/}/   (tracking page: ${form_url%/}/segui)"
  if [[ $serve == 1 ]]; then
    echo "Service running with the form; Ctrl+C stops it."
    cc run "${config[@]}"
  else
    echo "It is served while the service runs: ./scripts/demo.sh --keep --serve"
  fi
fi
