# Pester tests of the install and uninstall steps: every Windows-only wrapper is mocked over one in-memory "machine"
# (service, registry values, ACLs, event log keys, machine environment), so a test checks what the installer asked
# Windows for and what the machine looks like afterwards, re-install and uninstall included.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../install/windows/ContactCenter.Install.psm1') -Force
    $script:Install = @{ InstallDir = 'C:\Program Files\ContactCenter'; DataDir = 'C:\ProgramData\ContactCenter'; Edition = 'Core' }
    $script:Sid = Get-ServiceSid -ServiceName contactcenter

    function New-Machine {
        @{ Admin = $true; Service = $null; Env = $null; Acl = @{}; EventKeys = @{}; Machine = @{ Path = 'C:\Windows' }
            Folders = New-Object System.Collections.Generic.List[string]; Files = @{}; Tasks = @{}
            Calls = New-Object System.Collections.Generic.List[string]; Removed = New-Object System.Collections.Generic.List[string] }
    }

    function Get-ScCalls { @($script:M.Calls | Where-Object { $_ -like 'sc *' }) }
}

Describe 'Windows installer steps' {
    BeforeEach {
        $script:M = New-Machine
        $m = 'ContactCenter.Install'
        Mock -ModuleName $m Write-Host {}
        Mock -ModuleName $m Test-Administrator { $script:M.Admin }
        Mock -ModuleName $m Get-ServiceState { $script:M.Service }
        Mock -ModuleName $m Stop-InstalledService { $script:M.Service = 'Stopped'; $script:M.Calls.Add('stop') }
        Mock -ModuleName $m Start-InstalledService { $script:M.Service = 'Running'; $script:M.Calls.Add('start') }
        Mock -ModuleName $m Invoke-Sc {
            $script:M.Calls.Add('sc ' + ($ArgumentList -join ' '))
            if ($ArgumentList[0] -eq 'create') { $script:M.Service = 'Stopped' }
            if ($ArgumentList[0] -eq 'delete') { $script:M.Service = $null; $script:M.Env = $null }
        }
        Mock -ModuleName $m Publish-Program { $script:M.Calls.Add("publish $InstallDir") }
        Mock -ModuleName $m New-InstallFolder { $script:M.Folders.Add($Path) }
        Mock -ModuleName $m Test-InstallFile { $script:M.Files.ContainsKey($Path) }
        Mock -ModuleName $m Read-TextFile { '{ "Store": { "DataDirectory": "/var/lib/contactcenter" } }' }
        Mock -ModuleName $m Write-TextFile { $script:M.Files[$Path] = $Text }
        Mock -ModuleName $m Set-PathAccess {
            $script:M.Calls.Add("acl $Path")
            $script:M.Acl[$Path] = @(foreach ($r in $Rules) { [pscustomobject]@{ Sid = $r.Sid; Mask = $r.Mask; Inherit = $r.Inherit; IsInherited = $false; Allow = $true } })
        }
        Mock -ModuleName $m Get-PathAccess { $script:M.Acl[$Path] }
        Mock -ModuleName $m Set-ServiceEnvironmentValue { $script:M.Env = $Environment; $script:M.Calls.Add("env $ServiceName") }
        Mock -ModuleName $m Get-ServiceEnvironmentValue { $script:M.Env }
        Mock -ModuleName $m Remove-ServiceEnvironmentValue { $script:M.Env = $null; $script:M.Calls.Add("env-remove $ServiceName") }
        Mock -ModuleName $m Test-EventSourceKey { $script:M.EventKeys.ContainsKey($Key) }
        Mock -ModuleName $m Register-EventSourceWithApi { $script:M.EventKeys[$Plan.Key] = 'CreateEventSource' }
        Mock -ModuleName $m Register-EventSourceInRegistry { $script:M.EventKeys[$Plan.Key] = $Plan.EventMessageFile }
        Mock -ModuleName $m Remove-EventSourceKey { $script:M.EventKeys.Remove($Key) }
        Mock -ModuleName $m Get-MachineVariables { $script:M.Machine.Clone() }
        Mock -ModuleName $m Remove-MachineVariable { $script:M.Machine.Remove($Name) }
        Mock -ModuleName $m Remove-InstallFolder { $script:M.Removed.Add($Path) }
        Mock -ModuleName $m Register-BackupTask { $script:M.Tasks[$Plan.TaskName] = $Plan }
        Mock -ModuleName $m Unregister-BackupTask { $script:M.Tasks.Remove($TaskName) }
    }

    Describe 'Install-ContactCenter, first install' {
        BeforeEach { $script:Result = Install-ContactCenter @script:Install }

        It 'creates the service bare, then configures it as its virtual account with recovery, failure flag and SID type' {
            $binary = '"C:\Program Files\ContactCenter\contactcenter.exe" run --config "C:\ProgramData\ContactCenter\appsettings.json"'
            $calls = Get-ScCalls
            $calls[0] | Should -BeExactly "sc create contactcenter binPath= $binary type= own start= delayed-auto"
            $calls[1] | Should -BeExactly "sc config contactcenter binPath= $binary type= own start= delayed-auto obj= NT SERVICE\contactcenter DisplayName= ContactCenter.Ingest"
            $calls[2] | Should -BeLike 'sc description contactcenter *'
            $calls[3..5] | Should -BeExactly @('sc sidtype contactcenter unrestricted',
                'sc failure contactcenter reset= 86400 actions= restart/10000/restart/60000/restart/300000', 'sc failureflag contactcenter 1')
            $calls.Count | Should -Be 6
            $script:Result.Account | Should -BeExactly 'NT SERVICE\contactcenter'
        }

        It "puts the environment on the service, not on the machine" {
            $script:M.Env | Should -Contain 'CREDENTIALS_DIRECTORY=C:\ProgramData\ContactCenter\credentials'
            $script:M.Env | Should -Contain 'ContactCenter__Store__DataDirectory=C:\ProgramData\ContactCenter'
            $script:M.Env | Should -Contain 'OMP_THREAD_LIMIT=1'
            $script:M.Machine.Keys | Should -BeExactly @('Path')
        }

        It 'locks the data folder, the credentials and the configuration by SID before the service exists' {
            $script:M.Acl.Keys | Sort-Object | Should -BeExactly @('C:\ProgramData\ContactCenter', 'C:\ProgramData\ContactCenter\appsettings.json', 'C:\ProgramData\ContactCenter\credentials')
            ($script:M.Acl['C:\ProgramData\ContactCenter\credentials'] | Where-Object Sid -EQ $script:Sid).Mask | Should -Be 0x120089
            $script:M.Calls.IndexOf('acl C:\ProgramData\ContactCenter\credentials') | Should -BeLessThan $script:M.Calls.IndexOf((Get-ScCalls)[0])
        }

        It 'creates the folders and a configuration naming the Windows data folder' {
            $script:M.Folders | Should -Contain 'C:\ProgramData\ContactCenter\credentials'
            $script:M.Folders | Should -Contain 'C:\ProgramData\ContactCenter\tmp'
            $script:M.Files['C:\ProgramData\ContactCenter\appsettings.json'] | Should -BeExactly '{ "Store": { "DataDirectory": "C:\\ProgramData\\ContactCenter" } }'
            Should -Invoke -ModuleName ContactCenter.Install Read-TextFile -Times 1 -Exactly -ParameterFilter {
                (Split-Path -Leaf $Path) -eq 'appsettings.production.json' -and (Test-Path -LiteralPath $Path)
            }
        }

        It 'registers the event source through the registry on PowerShell 7 and starts the service last' {
            $script:M.EventKeys['HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\contactcenter'] | Should -BeLike '*EventLogMessages.dll'
            Should -Invoke -ModuleName ContactCenter.Install Register-EventSourceWithApi -Times 0 -Exactly
            $script:M.Calls[-1] | Should -Be 'start'
            $script:M.Service | Should -Be 'Running'
        }
    }

    Describe 'Install-ContactCenter, again' {
        It 'stops the running service, re-applies the same configuration without creating it, keeps appsettings.json' {
            Install-ContactCenter @script:Install | Out-Null
            $first = @{ Sc = @(Get-ScCalls); Env = $script:M.Env; Acl = ($script:M.Acl | ConvertTo-Json -Depth 4); Events = ($script:M.EventKeys | ConvertTo-Json) }
            $script:M.Files['C:\ProgramData\ContactCenter\appsettings.json'] = 'edited by the admin'
            $script:M.Calls.Clear()

            Install-ContactCenter @script:Install | Out-Null

            $script:M.Calls[0] | Should -Be 'stop'
            Get-ScCalls | Should -BeExactly $first.Sc[1..5]
            $script:M.Env | Should -BeExactly $first.Env
            ($script:M.Acl | ConvertTo-Json -Depth 4) | Should -BeExactly $first.Acl
            ($script:M.EventKeys | ConvertTo-Json) | Should -BeExactly $first.Events
            $script:M.Files['C:\ProgramData\ContactCenter\appsettings.json'] | Should -BeExactly 'edited by the admin'
            $script:M.Calls[-1] | Should -Be 'start'
        }

        It 'repairs an ACL someone widened and an environment someone edited' {
            Install-ContactCenter @script:Install -NoStart | Out-Null
            $script:M.Acl['C:\ProgramData\ContactCenter'] += [pscustomobject]@{ Sid = 'S-1-5-32-545'; Mask = 0x1200a9; Inherit = $true; IsInherited = $false; Allow = $true }
            $script:M.Env = @('OMP_THREAD_LIMIT=8')

            Install-ContactCenter @script:Install -NoStart | Out-Null

            $script:M.Acl['C:\ProgramData\ContactCenter'].Sid | Should -Not -Contain 'S-1-5-32-545'
            $script:M.Env | Should -Contain 'OMP_THREAD_LIMIT=1'
        }
    }

    Describe 'Install-ContactCenter, options and failures' {
        It 'registers the event source with EventLog.CreateEventSource on Windows PowerShell 5.1' {
            Install-ContactCenter @script:Install -Edition Desktop -NoStart | Out-Null
            Should -Invoke -ModuleName ContactCenter.Install Register-EventSourceWithApi -Times 1 -Exactly -ParameterFilter { $Plan.Source -eq 'contactcenter' -and $Plan.Log -eq 'Application' }
            Should -Invoke -ModuleName ContactCenter.Install Register-EventSourceInRegistry -Times 0 -Exactly
        }

        It 'leaves an event source already registered alone' {
            $script:M.EventKeys['HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\contactcenter'] = 'existing'
            Install-ContactCenter @script:Install -NoStart | Out-Null
            Should -Invoke -ModuleName ContactCenter.Install Register-EventSourceInRegistry -Times 0 -Exactly
            Should -Invoke -ModuleName ContactCenter.Install Register-EventSourceWithApi -Times 0 -Exactly
        }

        It 'runs as a gMSA with the ACLs still on the service SID' {
            $result = Install-ContactCenter @script:Install -ServiceAccount 'CONTOSO\svc-cc$' -NoStart
            (Get-ScCalls)[1] | Should -BeLike '* obj= CONTOSO\svc-cc$ *'
            Get-ScCalls | Should -Contain 'sc sidtype contactcenter unrestricted'
            $result.ServiceSid | Should -BeExactly $script:Sid
            $script:M.Acl['C:\ProgramData\ContactCenter'].Sid | Should -Contain $script:Sid
        }

        It 'removes the machine-wide variables an older install.ps1 left' {
            $script:M.Machine['OMP_THREAD_LIMIT'] = '1'
            $script:M.Machine['ContactCenter__Store__DataDirectory'] = 'C:\var\lib\contactcenter'
            Install-ContactCenter @script:Install -NoStart | Out-Null
            $script:M.Machine.Keys | Should -BeExactly @('Path')
        }

        It 'with -BackupTo, locks the backup folder for Administrators and SYSTEM and registers the nightly task as SYSTEM' {
            Install-ContactCenter @script:Install -BackupTo 'D:\Backup\ContactCenter\' | Out-Null
            $script:M.Folders | Should -Contain 'D:\Backup\ContactCenter'
            @($script:M.Acl['D:\Backup\ContactCenter'] | ForEach-Object Sid) | Should -BeExactly @('S-1-5-32-544', 'S-1-5-18')
            $task = $script:M.Tasks['contactcenter-backup']
            $task.Execute | Should -BeExactly 'C:\Program Files\ContactCenter\contactcenter.exe'
            $task.Arguments | Should -BeExactly 'store backup --to D:\Backup\ContactCenter --config C:\ProgramData\ContactCenter\appsettings.json'
            $task.UserSid | Should -BeExactly 'S-1-5-18'
            $task.At | Should -Be '02:30'
            $weekly = $script:M.Tasks['contactcenter-verify']
            $weekly.Execute | Should -BeExactly 'powershell.exe'
            $weekly.Script | Should -BeLike "& 'C:\Program Files\ContactCenter\contactcenter.exe' store verify --config 'C:\ProgramData\ContactCenter\appsettings.json';*"
            $weekly.Script | Should -BeLike "*store backup --to 'D:\Backup\ContactCenter' --verify*"
            $weekly.DayOfWeek | Should -Be 'Sunday'
            $weekly.UserSid | Should -BeExactly 'S-1-5-18'
        }

        It 'with -VerifyWeekly and no -BackupTo, registers the weekly archive check alone' {
            Install-ContactCenter @script:Install -VerifyWeekly | Out-Null
            $script:M.Tasks.Keys | Should -BeExactly @('contactcenter-verify')
            $weekly = $script:M.Tasks['contactcenter-verify']
            $weekly.Script | Should -BeExactly "& 'C:\Program Files\ContactCenter\contactcenter.exe' store verify --config 'C:\ProgramData\ContactCenter\appsettings.json'; exit `$LASTEXITCODE"
            $weekly.DayOfWeek | Should -Be 'Sunday'
            $weekly.UserSid | Should -BeExactly 'S-1-5-18'
        }

        It 'registers no task without -BackupTo' {
            Install-ContactCenter @script:Install | Out-Null
            $script:M.Tasks.Count | Should -Be 0
        }

        It 'does not start with -NoStart' {
            Install-ContactCenter @script:Install -NoStart | Out-Null
            $script:M.Calls | Should -Not -Contain 'start'
            $script:M.Service | Should -Be 'Stopped'
        }

        It 'stops before touching anything when not elevated' {
            $script:M.Admin = $false
            { Install-ContactCenter @script:Install } | Should -Throw '*elevated*'
            $script:M.Calls.Count | Should -Be 0
            $script:M.Folders.Count | Should -Be 0
        }

        It 'stops before touching anything on a bad <Name>' -ForEach @(
            @{ Name = 'account'; Extra = @{ ServiceAccount = 'LocalSystem' }; Message = '*not a group managed service account*' }
            @{ Name = 'service name'; Extra = @{ ServiceName = 'contact center' }; Message = '*ServiceName*' }
            @{ Name = 'data folder'; Extra = @{ DataDir = '\\nas\cc' }; Message = '*DataDir*' }
            @{ Name = 'backup folder inside the data folder'; Extra = @{ BackupTo = 'C:\ProgramData\ContactCenter\backup' }; Message = '*BackupTo*must not be inside*' }
            @{ Name = 'backup folder on a share'; Extra = @{ BackupTo = '\\nas\backup' }; Message = '*BackupTo*not a local folder*' }
        ) {
            $arguments = $script:Install.Clone()
            foreach ($key in $Extra.Keys) { $arguments[$key] = $Extra[$key] }
            { Install-ContactCenter @arguments } | Should -Throw $Message
            $script:M.Calls.Count | Should -Be 0
            Should -Invoke -ModuleName ContactCenter.Install Test-Administrator -Times 0 -Exactly
        }

        It 'fails, without creating the service, when the ACL does not read back as set' {
            Mock -ModuleName ContactCenter.Install Get-PathAccess {
                @($script:M.Acl[$Path]) + [pscustomobject]@{ Sid = 'S-1-5-32-545'; Mask = 0x1200a9; Inherit = $true; IsInherited = $true; Allow = $true }
            }
            { Install-ContactCenter @script:Install } | Should -Throw '*ACL of C:\ProgramData\ContactCenter is not as set: inherited entry for S-1-5-32-545*'
            Get-ScCalls | Should -BeNullOrEmpty
        }

        It 'fails when the Environment value does not read back as written' {
            Mock -ModuleName ContactCenter.Install Get-ServiceEnvironmentValue { @('OMP_THREAD_LIMIT=1') }
            { Install-ContactCenter @script:Install } | Should -Throw "*Environment value reads back*"
            $script:M.Calls | Should -Not -Contain 'start'
        }

        It 'fails when sc.exe fails (recovery actions are checked, not hoped for)' {
            Mock -ModuleName ContactCenter.Install Invoke-Sc { if ($ArgumentList[0] -eq 'failure') { throw 'sc.exe failure failed with exit code 5' } }
            { Install-ContactCenter @script:Install } | Should -Throw '*exit code 5*'
            Should -Invoke -ModuleName ContactCenter.Install Start-InstalledService -Times 0 -Exactly
        }
    }

    Describe 'Invoke-Sc' {
        It 'passes one command line quoted for sc.exe and throws on a non-zero exit code' {
            Mock -ModuleName ContactCenter.Install Start-Process { [pscustomobject]@{ ExitCode = 1060 } }
            Mock -ModuleName ContactCenter.Install Get-Content { '[SC] OpenService FAILED 1060' }
            { Invoke-Sc -ArgumentList @('qc', 'contact center') } | Should -Throw '*sc.exe qc "contact center" failed with exit code 1060*OpenService FAILED 1060*'
            Should -Invoke -ModuleName ContactCenter.Install Start-Process -Times 1 -Exactly -ParameterFilter { $ArgumentList -ceq 'qc "contact center"' -and $FilePath -like '*sc.exe' }
        }

        It 'returns quietly on exit code 0' {
            Mock -ModuleName ContactCenter.Install Start-Process { [pscustomobject]@{ ExitCode = 0 } }
            Mock -ModuleName ContactCenter.Install Get-Content { '[SC] ChangeServiceConfig SUCCESS' }
            { Invoke-Sc -ArgumentList @('config', 'contactcenter') } | Should -Not -Throw
        }
    }

    Describe 'Uninstall-ContactCenter' {
        BeforeEach {
            Install-ContactCenter @script:Install | Out-Null
            $script:M.Machine['ContactCenter__Store__DataDirectory'] = 'C:\var\lib\contactcenter'
            $script:M.Calls.Clear()
        }

        It 'stops and deletes the service, removes its environment, event source, old machine variables and the program' {
            Uninstall-ContactCenter -InstallDir $script:Install.InstallDir -DataDir $script:Install.DataDir
            $script:M.Calls | Should -BeExactly @('stop', 'env-remove contactcenter', 'sc delete contactcenter')
            $script:M.Service | Should -BeNullOrEmpty
            $script:M.Env | Should -BeNullOrEmpty
            $script:M.EventKeys.Count | Should -Be 0
            $script:M.Machine.Keys | Should -BeExactly @('Path')
            $script:M.Removed | Should -BeExactly @('C:\Program Files\ContactCenter')
        }

        It 'unregisters the backup task and keeps the backups' {
            Install-ContactCenter @script:Install -BackupTo 'D:\Backup\ContactCenter' | Out-Null
            Uninstall-ContactCenter -InstallDir $script:Install.InstallDir -DataDir $script:Install.DataDir -RemoveData
            $script:M.Tasks.Count | Should -Be 0
            $script:M.Removed | Should -Not -Contain 'D:\Backup\ContactCenter'
        }

        It 'deletes the data folder only with -RemoveData' {
            Uninstall-ContactCenter -InstallDir $script:Install.InstallDir -DataDir $script:Install.DataDir -RemoveData
            $script:M.Removed | Should -BeExactly @('C:\Program Files\ContactCenter', 'C:\ProgramData\ContactCenter')
        }

        It 'still cleans up when the service is already gone' {
            $script:M.Service = $null
            Uninstall-ContactCenter -InstallDir $script:Install.InstallDir -DataDir $script:Install.DataDir
            Get-ScCalls | Should -BeNullOrEmpty
            $script:M.EventKeys.Count | Should -Be 0
            $script:M.Removed | Should -Contain 'C:\Program Files\ContactCenter'
        }

        It 'refuses to run when not elevated' {
            $script:M.Admin = $false
            { Uninstall-ContactCenter -InstallDir $script:Install.InstallDir -DataDir $script:Install.DataDir } | Should -Throw '*elevated*'
            $script:M.Service | Should -Be 'Running'
        }
    }
}

Describe 'Get-PathAccess' {
    BeforeAll {
        # PowerShell on Linux has no Get-Acl; a stand-in with its parameters lets Pester mock it.
        if (-not (Get-Command Get-Acl -ErrorAction SilentlyContinue)) {
            function global:Get-Acl { param([string] $LiteralPath, $ErrorAction) throw 'Get-Acl exists on Windows only' }
        }
    }

    It 'reads the DACL back by SID, flagging inherited, deny and non-inheriting entries' {
        Mock -ModuleName ContactCenter.Install Get-Acl {
            $entry = {
                param($sid, $rights, $inherit, $propagation, $inherited, $type)
                [pscustomobject]@{ IdentityReference = [pscustomobject]@{ Value = $sid }; FileSystemRights = [System.Security.AccessControl.FileSystemRights]$rights
                    InheritanceFlags = [System.Security.AccessControl.InheritanceFlags]$inherit; PropagationFlags = [System.Security.AccessControl.PropagationFlags]$propagation
                    IsInherited = $inherited; AccessControlType = [System.Security.AccessControl.AccessControlType]$type }
            }
            $aces = @(
                & $entry 'S-1-5-32-544' 0x1F01FF 'ContainerInherit, ObjectInherit' 'None' $false 'Allow'
                & $entry 'S-1-5-32-545' 0x1200A9 'ContainerInherit, ObjectInherit' 'None' $true 'Allow'
                & $entry 'S-1-5-18' 0x1F01FF 'ContainerInherit' 'None' $false 'Allow'
                & $entry 'S-1-1-0' 0x1F01FF 'ContainerInherit, ObjectInherit' 'InheritOnly' $false 'Deny')
            $acl = [pscustomobject]@{ Aces = $aces }
            $acl | Add-Member -MemberType ScriptMethod -Name GetAccessRules -Value { param($explicit, $inherited, $type) $this.Aces }
            $acl
        }

        $read = @(Get-PathAccess -Path 'C:\ProgramData\ContactCenter')

        $read.Sid | Should -BeExactly @('S-1-5-32-544', 'S-1-5-32-545', 'S-1-5-18', 'S-1-1-0')
        $read.Mask | Should -Be @(0x1F01FF, 0x1200A9, 0x1F01FF, 0x1F01FF)
        $read.Inherit | Should -Be @($true, $true, $false, $false)
        $read.IsInherited | Should -Be @($false, $true, $false, $false)
        $read.Allow | Should -Be @($true, $true, $true, $false)
        Should -Invoke -ModuleName ContactCenter.Install Get-Acl -Times 1 -Exactly -ParameterFilter { $LiteralPath -eq 'C:\ProgramData\ContactCenter' }
    }
}
