#Requires -Version 5.1
# ContactCenter.Ingest Windows installer logic. Pure functions (service SID, environment, ACL rules, sc.exe
# arguments, validation) run anywhere, so Pester tests them on Linux; everything that touches Windows goes through
# the small wrappers in ContactCenter.Install.Windows.ps1, which the tests mock. Syntax stays Windows PowerShell 5.1.
Set-StrictMode -Version 3.0

# The app's event log source: Microsoft.Extensions.Hosting.WindowsServices names it after the application
# ("contactcenter"), whatever the service is called.
$script:EventSource = 'contactcenter'
$script:EventLogKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application'
$script:ServicesKey = 'HKLM:\SYSTEM\CurrentControlSet\Services'
# install\, where appsettings.production.json is the template of a first install's configuration.
$script:InstallRoot = Split-Path -Parent $PSScriptRoot
# Well-known SIDs: BUILTIN\Administrators and NT AUTHORITY\SYSTEM. Never names: they are localised.
$script:AdministratorsSid = 'S-1-5-32-544'
$script:SystemSid = 'S-1-5-18'
# FileSystemRights masks, as Get-Acl reports them.
$script:Rights = @{ FullControl = 0x1F01FF; Modify = 0x1301BF; Read = 0x120089 }
$script:SddlRights = @{ FullControl = 'FA'; Modify = '0x1301bf'; Read = '0x120089' }

. (Join-Path $PSScriptRoot 'ContactCenter.Install.Windows.ps1')
. (Join-Path $PSScriptRoot 'ContactCenter.Install.Pure.ps1')
. (Join-Path $PSScriptRoot 'ContactCenter.Install.Main.ps1')

Export-ModuleMember -Function *-*
