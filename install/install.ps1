#Requires -Version 5.1
<#
.SYNOPSIS
  Installs or upgrades ContactCenter.Ingest as a Windows service (Windows PowerShell 5.1 or PowerShell 7).
.DESCRIPTION
  Publishes the worker to Program Files and keeps %ProgramData%\ContactCenter\appsettings.json on upgrade. The
  service runs as its own virtual account NT SERVICE\contactcenter (or the gMSA given with -ServiceAccount), with
  its environment (data folder, CREDENTIALS_DIRECTORY, OMP_THREAD_LIMIT, DOTNET_ENVIRONMENT, TEMP) on the service
  itself. The data folder, the credentials folder and the configuration are readable only by the service and
  Administrators (ACLs by SID, read back and checked). Restart on failure, the event log source and delayed
  automatic start are set on every run, so running it again repairs an install. Steps and checks: docs/windows.md.
  Tesseract on Windows: see README, OCR.
.EXAMPLE
  PS> .\install\install.ps1                                   # as Administrator
  PS> .\install\install.ps1 -From .\publish -NoStart
  PS> .\install\install.ps1 -ServiceAccount 'CONTOSO\svc-cc$' # a group managed service account
  PS> .\install\install.ps1 -BackupTo D:\Backup\ContactCenter    # and a nightly store backup, verified weekly (scheduled tasks)
  PS> .\install\install.ps1 -VerifyWeekly                    # the archive verified weekly, no backup here (a PostgreSQL store: one node)
#>
[CmdletBinding()]
param(
    [string] $From,
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'ContactCenter'),
    [string] $DataDir = (Join-Path $env:ProgramData 'ContactCenter'),
    [string] $ServiceName = 'contactcenter',
    [string] $ServiceAccount,
    [string] $BackupTo,
    [switch] $VerifyWeekly,
    [switch] $NoStart
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'windows\ContactCenter.Install.psm1') -Force
$result = Install-ContactCenter -From $From -InstallDir $InstallDir -DataDir $DataDir -ServiceName $ServiceName `
    -ServiceAccount $ServiceAccount -BackupTo $BackupTo -VerifyWeekly:$VerifyWeekly -NoStart:$NoStart -RepositoryRoot (Split-Path -Parent $PSScriptRoot)
Write-Host "==> Installed $($result.ServiceName) as $($result.Account); secrets go in $($result.Layout.Credentials)"
