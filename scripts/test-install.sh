#!/usr/bin/env bash
# Runs the Pester tests of the Windows installer's logic (tests/install/*.Tests.ps1) on Linux with PowerShell 7.6.10
# (the local .NET tool in dotnet-tools.json) and Pester 6.2.0 (a NuGet package restored by tests/install/PesterRestore.csproj).
# Last line: "Installer tests (Pester): N passed, N failed, N skipped"; exit code non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet restore tests/install/PesterRestore.csproj --nologo -v q >/dev/null
pester="$PWD/tests/install/obj/packages/pester/6.2.0/tools/Pester.psd1"
[[ -f $pester ]] || { echo "test-install.sh: $pester not found after restore" >&2; exit 1; }
dotnet tool run pwsh -NoProfile -NonInteractive -Command "
  \$ErrorActionPreference = 'Stop'
  \$PSStyle.OutputRendering = 'PlainText'
  Import-Module '$pester'
  \$c = New-PesterConfiguration
  \$c.Run.Path = 'tests/install'
  \$c.Run.ExcludePath = @('*/obj/*')
  \$c.Run.PassThru = \$true
  \$c.Output.Verbosity = 'Normal'
  \$r = Invoke-Pester -Configuration \$c
  Write-Host ('Installer tests (Pester): {0} passed, {1} failed, {2} skipped' -f \$r.PassedCount, \$r.FailedCount, \$r.SkippedCount)
  if (\$r.FailedCount -gt 0 -or \$r.PassedCount -eq 0 -or \$r.Result -ne 'Passed') { exit 1 }
"
