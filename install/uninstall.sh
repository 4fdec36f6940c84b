#!/usr/bin/env bash
# Removes the ContactCenter.Ingest service and program. Keeps the tickets, archive and configuration
# unless --purge is given: a public administration's records are not deleted by accident.
set -euo pipefail
root=""; purge=0
while (($#)); do
  case "$1" in
    --root) root="${2%/}"; shift 2 ;;
    --purge) purge=1; shift ;;
    -h|--help) echo "Usage: uninstall.sh [--root DIR] [--purge]"; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$root" ]]; then
  systemctl disable --now contactcenter-backup.timer 2>/dev/null || true
  systemctl disable --now contactcenter-verify.timer 2>/dev/null || true
  systemctl disable --now contactcenter.service 2>/dev/null || true
fi
# The backup and verify timers' units go with the service; the backups themselves stay where --backup-to put them.
rm -f "$root/etc/systemd/system/contactcenter.service" "$root/etc/systemd/system/contactcenter-backup.service" \
  "$root/etc/systemd/system/contactcenter-backup.timer" "$root/etc/systemd/system/contactcenter-verify.service" \
  "$root/etc/systemd/system/contactcenter-verify.timer"
[[ -z "$root" ]] && systemctl daemon-reload || true
rm -rf "$root/opt/contactcenter"
# Only the wrapper install.sh wrote, not a program of the same name an admin put there.
if grep -q "Written by install.sh" "$root/usr/local/bin/contactcenter" 2>/dev/null; then rm -f "$root/usr/local/bin/contactcenter"; fi
if ((purge)); then
  rm -rf "$root/var/lib/contactcenter" "$root/etc/contactcenter"
  [[ -z "$root" ]] && userdel contactcenter 2>/dev/null || true
  echo "Removed the service, the program, the data and the configuration."
else
  echo "Removed the service and the program. Kept /var/lib/contactcenter and /etc/contactcenter (use --purge to delete them)."
fi
