<#
.SYNOPSIS
  Installs or upgrades ContactCenter.Ingest as a Windows service.
.DESCRIPTION
  Publishes the worker to Program Files, keeps %ProgramData%\ContactCenter\appsettings.json on upgrade,
  creates the data folders (store, archive, quarantine), registers the Event Log source and the service
  (automatic start, restart on failure) and starts it.
  Tesseract on Windows: install the UB Mannheim build (Tesseract 5.3) or copy its DLLs
  (libtesseract-5.dll, leptonica-1.82.0.dll and their dependencies) next to contactcenter.exe, and put
  ita.traineddata, eng.traineddata and osd.traineddata in a tessdata folder named by ContactCenter:Ocr:TessdataPath.
.EXAMPLE
  PS> .\install\install.ps1                      # as Administrator
  PS> .\install\install.ps1 -From .\publish -NoStart
#>
[CmdletBinding()]
param(
    [string] $From,
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'ContactCenter'),
    [string] $DataDir = (Join-Path $env:ProgramData 'ContactCenter'),
    [string] $ServiceName = 'ContactCenter',
    [switch] $NoStart
)
$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent $PSScriptRoot

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run install.ps1 from an elevated PowerShell (Administrator).'
}

$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') {
    Write-Host "==> Stopping $ServiceName for the upgrade"
    Stop-Service -Name $ServiceName
}

Write-Host "==> Publishing to $InstallDir"
New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
if ($From) {
    Copy-Item -Recurse -Force -Path (Join-Path $From '*') -Destination $InstallDir
} else {
    dotnet publish (Join-Path $repo 'src\Workers\ContactCenter.Workers.csproj') -c Release -r win-x64 --self-contained false -o $InstallDir --nologo
    if ($LASTEXITCODE -ne 0) { throw 'dotnet publish failed' }
}

Write-Host "==> Data and configuration in $DataDir"
foreach ($d in @('', 'archive', 'quarantine', 'scans', 'credentials')) {
    New-Item -ItemType Directory -Force -Path (Join-Path $DataDir $d) | Out-Null
}
$config = Join-Path $DataDir 'appsettings.json'
if (Test-Path $config) {
    Write-Host "==> Keeping existing $config"
} else {
    Copy-Item (Join-Path $PSScriptRoot 'appsettings.production.json') $config
}
# Only SYSTEM and Administrators may read the secrets folder.
icacls (Join-Path $DataDir 'credentials') /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' | Out-Null

if (-not [System.Diagnostics.EventLog]::SourceExists('ContactCenter')) {
    New-EventLog -LogName Application -Source 'ContactCenter'
}

$exe = Join-Path $InstallDir 'contactcenter.exe'
$bin = "`"$exe`" run --config `"$config`""
if (-not $existing) {
    Write-Host "==> Registering service $ServiceName"
    New-Service -Name $ServiceName -BinaryPathName $bin -DisplayName 'ContactCenter.Ingest' `
        -Description 'Turns e-mail, fax and scanned mail into contact center tickets.' -StartupType Automatic | Out-Null
    sc.exe failure $ServiceName reset= 86400 actions= restart/10000/restart/60000/restart/300000 | Out-Null
}
[Environment]::SetEnvironmentVariable('OMP_THREAD_LIMIT', '1', 'Machine')
[Environment]::SetEnvironmentVariable('ContactCenter__Store__DataDirectory', $DataDir, 'Machine')

if (-not $NoStart) {
    Start-Service -Name $ServiceName
    Write-Host "==> Started. Check it with: & '$exe' channels check --config '$config'"
}
