#Requires -Version 5.1
<#
.SYNOPSIS
  Removes the ContactCenter.Ingest Windows service, its event log source and the program; keeps
  %ProgramData%\ContactCenter (tickets, originals, configuration, credentials) unless -RemoveData.
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'ContactCenter'),
    [string] $DataDir = (Join-Path $env:ProgramData 'ContactCenter'),
    [string] $ServiceName = 'contactcenter',
    [Alias('Purge')][switch] $RemoveData
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'windows\ContactCenter.Install.psm1') -Force
Uninstall-ContactCenter -InstallDir $InstallDir -DataDir $DataDir -ServiceName $ServiceName -RemoveData:$RemoveData
