<#
.SYNOPSIS
  Removes the ContactCenter.Ingest Windows service and program; keeps %ProgramData%\ContactCenter unless -Purge.
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'ContactCenter'),
    [string] $DataDir = (Join-Path $env:ProgramData 'ContactCenter'),
    [string] $ServiceName = 'ContactCenter',
    [switch] $Purge
)
$ErrorActionPreference = 'Stop'
$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') { Stop-Service -Name $ServiceName }
    sc.exe delete $ServiceName | Out-Null
}
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $InstallDir
if ($Purge) {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $DataDir
    if ([System.Diagnostics.EventLog]::SourceExists('ContactCenter')) { Remove-EventLog -Source 'ContactCenter' }
    Write-Host 'Removed the service, the program, the data and the configuration.'
} else {
    Write-Host "Removed the service and the program. Kept $DataDir (use -Purge to delete it)."
}
