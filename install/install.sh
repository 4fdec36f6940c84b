#!/usr/bin/env bash
# Installs or upgrades ContactCenter.Ingest as a systemd service on Debian/Ubuntu.
#   sudo install/install.sh                 # install system packages, publish, create user, enable and start
#   install/install.sh --root /tmp/r --no-packages --no-start   # stage into a folder (CI, packaging)
# The configuration (/etc/contactcenter/appsettings.json) and the data (/var/lib/contactcenter) are kept on upgrade.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
root=""
prefix="/opt/contactcenter"
confdir="/etc/contactcenter"
datadir="/var/lib/contactcenter"
user="contactcenter"
from=""
packages=1
start=1
backupdir=""
verify_weekly=0

usage() {
  cat <<USAGE
Usage: install.sh [--root DIR] [--from PUBLISHED_DIR] [--user NAME] [--backup-to DIR | --verify-weekly] [--no-packages] [--no-start]
  --root DIR        install under DIR instead of / (no user creation, no systemctl)
  --from DIR        use an already published build instead of running dotnet publish
  --user NAME       system user running the service (default contactcenter)
  --backup-to DIR   back the store up to DIR every night (contactcenter-backup.timer) and verify the archive and the
                    backup every week (contactcenter-verify.timer; README, "Backup and restore")
  --verify-weekly   verify the archive every week without a backup here (contactcenter-verify.timer, store verify):
                    for a PostgreSQL store, backed up with PostgreSQL's tools; give it on one node
  --no-packages     do not install Debian packages (only check them)
  --no-start        do not enable or start the service
USAGE
}

while (($#)); do
  case "$1" in
    --root) root="${2%/}"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --backup-to) backupdir="${2%/}"; shift 2 ;;
    --verify-weekly) verify_weekly=1; shift ;;
    --no-packages) packages=0; shift ;;
    --no-start) start=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ -n "$backupdir" && "$backupdir" != /* ]]; then
  echo "install.sh: --backup-to needs an absolute path (the unit runs it from the data folder)" >&2
  exit 2
fi

say() { printf '==> %s\n' "$*"; }
staged() { [[ -n "$root" ]]; }

if ! staged && [[ $(id -u) -ne 0 ]]; then
  echo "install.sh: run as root (or use --root DIR to stage into a folder)" >&2
  exit 1
fi

required=(tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd poppler-utils)
missing=()
for p in "${required[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if ((packages)) && ! staged; then
    say "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "warning: missing packages: ${missing[*]} (install them with apt-get before starting the service)" >&2
  fi
fi

# An upgrade publishes over the running program's files: stop it first, and start the new one at the end (a running
# unit ignores `enable --now`, so it would keep the old code and the old credentials until the next reboot).
was_running=0
if ! staged && [[ -d "${CONTACTCENTER_SYSTEMD_DIR:-/run/systemd/system}" ]] && systemctl is-active --quiet contactcenter.service; then
  say "Stopping the running service for the upgrade (in-flight items finish first)"
  systemctl stop contactcenter.service
  was_running=1
fi

say "Publishing to $root$prefix"
mkdir -p "$root$prefix"
if [[ -n "$from" ]]; then
  cp -a "$from"/. "$root$prefix"/
else
  # For this machine's runtime, so the assemblies are compiled ahead of time (ReadyToRun); still framework-dependent.
  dotnet publish "$repo/src/Workers/ContactCenter.Workers.csproj" -c Release --use-current-runtime --self-contained false \
    -o "$root$prefix" --nologo -v q
fi
cp "$repo/README.md" "$root$prefix/README.md" 2>/dev/null || true

# The admin's `contactcenter status` must read the service's store, not create one beside the program or in the
# current folder: the wrapper names the service's configuration unless --config or CONTACTCENTER_CONFIG says otherwise.
say "Command wrapper in $root/usr/local/bin/contactcenter"
mkdir -p "$root/usr/local/bin"
cat > "$root/usr/local/bin/contactcenter" <<WRAPPER
#!/bin/sh
# Written by install.sh: runs $prefix/contactcenter with the service's configuration.
export CONTACTCENTER_CONFIG="\${CONTACTCENTER_CONFIG:-$confdir/appsettings.json}"
export OMP_THREAD_LIMIT="\${OMP_THREAD_LIMIT:-1}"
exec $prefix/contactcenter "\$@"
WRAPPER
chmod 0755 "$root/usr/local/bin/contactcenter"

if ! staged && ! id "$user" >/dev/null 2>&1; then
  say "Creating system user $user"
  useradd --system --home-dir "$datadir" --no-create-home --shell /usr/sbin/nologin "$user"
fi

say "Configuration in $root$confdir"
mkdir -p "$root$confdir/credentials"
chmod 0700 "$root$confdir/credentials"
if [[ -f "$root$confdir/appsettings.json" ]]; then
  say "Keeping existing $confdir/appsettings.json"
else
  install -m 0640 "$here/appsettings.production.json" "$root$confdir/appsettings.json"
fi

say "Data in $root$datadir"
for d in "" archive quarantine scans scans/done; do mkdir -p "$root$datadir/$d"; done
if ! staged; then
  chown -R "$user:$user" "$datadir"
  chgrp "$user" "$confdir/appsettings.json"
fi
chmod 0750 "$root$datadir"

credentials=""
for f in "$root$confdir"/credentials/*; do
  [[ -f "$f" ]] || continue
  name="$(basename "$f")"
  credentials+="LoadCredential=$name:$confdir/credentials/$name"$'\n'
done
[[ -n "$credentials" ]] || credentials="# (no files in $confdir/credentials yet: add them and run install.sh again)"

unit="$root/etc/systemd/system/contactcenter.service"
say "Writing $unit"
mkdir -p "$(dirname "$unit")"
awk -v prefix="$prefix" -v confdir="$confdir" -v datadir="$datadir" -v user="$user" \
    -v creds="$credentials" '
  { gsub(/@PREFIX@/, prefix); gsub(/@CONFDIR@/, confdir); gsub(/@DATADIR@/, datadir); gsub(/@USER@/, user);
    if ($0 == "@CREDENTIALS@") { printf "%s", creds; if (creds !~ /\n$/) print ""; next } print }' \
  "$here/contactcenter.service.in" > "$unit"
chmod 0644 "$unit"

if [[ -n "$backupdir" || $verify_weekly -eq 1 ]]; then
  # One sandbox to maintain: the service's hardening lines, with the backup folder writable too when there is one.
  sandbox="$(awk '/^# Hardening/ { on = 1 } /^\[Install\]/ { on = 0 } on' "$here/contactcenter.service.in")"
  if [[ -n "$backupdir" ]]; then
    say "Nightly backup to $backupdir (contactcenter-backup.timer), verified weekly (contactcenter-verify.timer)"
    mkdir -p "$root$backupdir"
    staged || chown "$user:$user" "$backupdir"
    chmod 0750 "$root$backupdir"
    sandbox="$(sed 's|^ReadWritePaths=@DATADIR@$|ReadWritePaths=@DATADIR@ @BACKUPDIR@|' <<<"$sandbox")"
    jobs=(backup verify) keep=WITH_BACKUP drop=ARCHIVE_ONLY
  else
    say "The archive verified weekly (contactcenter-verify.timer); back the database up with its own tools"
    jobs=(verify) keep=ARCHIVE_ONLY drop=WITH_BACKUP
  fi
  for job in "${jobs[@]}"; do
    awk -v sandbox="$sandbox" '$0 == "@SANDBOX@" { print sandbox; next } { print }' "$here/contactcenter-$job.service.in" \
      | sed -e "/^@$drop@/d" -e "s|^@$keep@||" \
        -e "s|@PREFIX@|$prefix|g" -e "s|@CONFDIR@|$confdir|g" -e "s|@DATADIR@|$datadir|g" -e "s|@USER@|$user|g" \
        -e "s|@BACKUPDIR@|$backupdir|g" > "$root/etc/systemd/system/contactcenter-$job.service"
    install -m 0644 "$here/contactcenter-$job.timer" "$root/etc/systemd/system/contactcenter-$job.timer"
    chmod 0644 "$root/etc/systemd/system/contactcenter-$job.service"
  done
fi

# Without systemd as PID 1 (a container, WSL, some VMs) systemctl cannot work: the files are in place, so say how
# to run the service instead of stopping halfway. CONTACTCENTER_SYSTEMD_DIR exists for the install tests.
if ((start)) && [[ ! -d "${CONTACTCENTER_SYSTEMD_DIR:-/run/systemd/system}" ]]; then
  say "Installed, not started: systemd is not running on this host (container, WSL?)."
  cat <<HINT
Run it in the foreground as $user (Ctrl+C stops it; in-flight items finish first):
  cd $datadir && runuser -u $user -- env OMP_THREAD_LIMIT=1 ContactCenter__Store__DataDirectory=$datadir \\
    $prefix/contactcenter run --config $confdir/appsettings.json
Secrets: set CREDENTIALS_DIRECTORY=$confdir/credentials (readable by $user) so PasswordFile names resolve.
Or run that same command as a container's entry point (README, "Running without systemd"), or use the image:
  docker build -t contactcenter $repo && docker compose -f $repo/compose.yaml up -d   (README, "Containers")
HINT
  exit 0
fi

if ! staged && ((start)); then
  systemctl daemon-reload
  systemctl enable contactcenter.service
  systemctl restart contactcenter.service
  if [[ -n "$backupdir" ]]; then
    systemctl enable --now contactcenter-backup.timer contactcenter-verify.timer
  elif ((verify_weekly)); then
    systemctl enable --now contactcenter-verify.timer
  fi
  say "Started. Check it with: systemctl status contactcenter; sudo contactcenter channels check"
elif ((was_running)); then
  systemctl daemon-reload
  say "Installed; the service was stopped for the upgrade and not started again (--no-start): systemctl start contactcenter"
else
  say "Installed (not started)."
fi
