# Pester tests of the Windows installer's logic (install/windows). They run on Linux in CI (scripts/test-install.sh):
# the pure functions for real, the Windows-only wrappers mocked, so each test checks what the installer would ask
# Windows to do. The real thing on a Windows Server host: the checklist in docs/windows.md.
BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '..\..')
    $script:ModulePath = Join-Path $script:Root 'install/windows/ContactCenter.Install.psm1'
    Import-Module $script:ModulePath -Force
    $script:Layout = Get-InstallLayout -DataDir 'C:\ProgramData\ContactCenter' -InstallDir 'C:\Program Files\ContactCenter'
    $script:Sid = 'S-1-5-80-2109588389-2972806958-2711459640-999325982-370421421'
}

Describe 'Get-ServiceSid' {
    It 'matches the SID Windows gives <Name>' -ForEach @(
        @{ Name = 'TrustedInstaller'; Sid = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464' }
        @{ Name = 'MSSQLSERVER'; Sid = 'S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003' }
    ) {
        Get-ServiceSid -ServiceName $Name | Should -BeExactly $Sid
    }

    It 'ignores case, as Windows upper-cases the name first' {
        Get-ServiceSid -ServiceName 'trustedinstaller' | Should -BeExactly (Get-ServiceSid -ServiceName 'TRUSTEDINSTALLER')
        Get-ServiceSid -ServiceName 'ContactCenter' | Should -BeExactly $script:Sid
    }

    It 'differs between services' {
        Get-ServiceSid -ServiceName 'contactcenter2' | Should -Not -Be $script:Sid
    }
}

Describe 'Parameter validation' {
    It 'accepts the service name <_>' -ForEach @('contactcenter', 'ContactCenter-Test', 'cc_2.b') {
        { Assert-ServiceName -ServiceName $_ } | Should -Not -Throw
    }

    It 'refuses the service name "<_>"' -ForEach @('', 'contact center', 'a\b', 'a/b', '-x', ('x' * 81)) {
        { Assert-ServiceName -ServiceName $_ } | Should -Throw '*ServiceName*'
    }

    It 'refuses the folder "<_>"' -ForEach @('\\server\share\cc', 'ContactCenter', 'C:', 'C:\', 'C:\a|b', 'D:relative') {
        { Assert-LocalPath -Name DataDir -Path $_ } | Should -Throw "DataDir*not a local folder*"
    }

    It 'accepts a local folder with spaces' {
        { Assert-LocalPath -Name InstallDir -Path 'C:\Program Files\ContactCenter' } | Should -Not -Throw
    }

    It 'refuses a data folder inside the program folder (uninstall would delete it)' {
        { Assert-InstallParameters -ServiceName contactcenter -InstallDir 'C:\cc' -DataDir 'C:\cc\data' } | Should -Throw '*must not contain each other*'
        { Assert-InstallParameters -ServiceName contactcenter -InstallDir 'C:\data\cc\bin' -DataDir 'C:\data\cc' } | Should -Throw '*must not contain each other*'
    }

    It 'accepts sibling folders that share a prefix' {
        { Assert-InstallParameters -ServiceName contactcenter -InstallDir 'C:\cc' -DataDir 'C:\cc-data' } | Should -Not -Throw
    }
}

Describe 'Resolve-ServiceAccount' {
    It 'is the virtual account NT SERVICE\<service> by default' {
        Resolve-ServiceAccount -ServiceName contactcenter | Should -BeExactly 'NT SERVICE\contactcenter'
        Resolve-ServiceAccount -ServiceName contactcenter -ServiceAccount 'NT SERVICE\contactcenter' | Should -BeExactly 'NT SERVICE\contactcenter'
    }

    It 'takes a gMSA written <_>' -ForEach @('CONTOSO\svc-cc$', 'contoso.example.it\ccingest$') {
        Resolve-ServiceAccount -ServiceName contactcenter -ServiceAccount $_ | Should -BeExactly $_
    }

    It 'refuses <_>' -ForEach @('LocalSystem', 'NT AUTHORITY\SYSTEM', 'NT AUTHORITY\NetworkService', 'CONTOSO\alice',
        'svc-cc$@contoso.example.it', '.\ccuser', 'CONTOSO\averyveryverylongname$') {
        { Resolve-ServiceAccount -ServiceName contactcenter -ServiceAccount $_ } | Should -Throw '*not a group managed service account*'
    }

    It "refuses another service's virtual account" {
        { Resolve-ServiceAccount -ServiceName contactcenter -ServiceAccount 'NT SERVICE\MSSQLSERVER' } | Should -Throw "*another service's virtual account*"
    }
}

Describe 'Get-ServiceEnvironment' {
    It 'is the service-only environment, data and credentials folders included' {
        Get-ServiceEnvironment -Layout $script:Layout | Should -BeExactly @(
            'DOTNET_ENVIRONMENT=Production'
            'DOTNET_CLI_TELEMETRY_OPTOUT=1'
            'OMP_THREAD_LIMIT=1'
            'ContactCenter__Store__DataDirectory=C:\ProgramData\ContactCenter'
            'CREDENTIALS_DIRECTORY=C:\ProgramData\ContactCenter\credentials'
            'TEMP=C:\ProgramData\ContactCenter\tmp'
            'TMP=C:\ProgramData\ContactCenter\tmp')
    }

    It 'follows a data folder given with a trailing backslash' {
        $layout = Get-InstallLayout -DataDir 'D:\cc\' -InstallDir 'C:\Program Files\ContactCenter'
        Get-ServiceEnvironment -Layout $layout | Should -Contain 'CREDENTIALS_DIRECTORY=D:\cc\credentials'
        $layout.Config | Should -BeExactly 'D:\cc\appsettings.json'
    }

    It 'refuses a value with a line break (one REG_MULTI_SZ entry per variable)' {
        $layout = [pscustomobject]@{ DataDir = "C:\cc`nX=1"; Credentials = 'C:\cc\credentials'; Temp = 'C:\cc\tmp' }
        { Get-ServiceEnvironment -Layout $layout } | Should -Throw '*line break*'
    }
}

Describe 'ACL rules' {
    BeforeAll { $script:Plan = @(Get-InstallAccessPlan -Layout $script:Layout -ServiceSid $script:Sid) }

    It 'locks the data folder, the credentials folder and the configuration' {
        $script:Plan.Path | Should -BeExactly @('C:\ProgramData\ContactCenter', 'C:\ProgramData\ContactCenter\credentials', 'C:\ProgramData\ContactCenter\appsettings.json')
    }

    It 'lets the service modify the data folder, Administrators and SYSTEM have full control, nothing inherited' {
        ConvertTo-AccessSddl -Rules $script:Plan[0].Rules | Should -BeExactly "D:PAI(A;OICI;FA;;;S-1-5-32-544)(A;OICI;FA;;;S-1-5-18)(A;OICI;0x1301bf;;;$script:Sid)"
    }

    It 'lets the service only read the credentials and the configuration' {
        ConvertTo-AccessSddl -Rules $script:Plan[1].Rules | Should -BeExactly "D:PAI(A;OICI;FA;;;S-1-5-32-544)(A;OICI;FA;;;S-1-5-18)(A;OICI;0x120089;;;$script:Sid)"
        ConvertTo-AccessSddl -Rules $script:Plan[2].Rules | Should -BeExactly "D:PAI(A;;FA;;;S-1-5-32-544)(A;;FA;;;S-1-5-18)(A;;0x120089;;;$script:Sid)"
        $script:Plan[2].File | Should -BeTrue
    }

    It 'names only Administrators, SYSTEM and the service, by SID (never Users or a localised name)' {
        $sids = $script:Plan.Rules.Sid | Sort-Object -Unique
        $sids | Should -BeExactly @('S-1-5-18', 'S-1-5-32-544', $script:Sid)
    }

    It 'uses the masks Get-Acl reports for FullControl, Modify and Read' {
        ($script:Plan[0].Rules | Where-Object Right -EQ 'FullControl')[0].Mask | Should -Be 2032127
        ($script:Plan[0].Rules | Where-Object Right -EQ 'Modify').Mask | Should -Be 1245631
        ($script:Plan[1].Rules | Where-Object Right -EQ 'Read').Mask | Should -Be 1179785
    }
}

Describe 'Compare-AccessRules' {
    BeforeAll {
        $script:Expected = @(Get-AccessRules -ServiceSid $script:Sid -ServiceRight Modify)
        function AsRead($rules) {
            foreach ($r in $rules) { [pscustomobject]@{ Sid = $r.Sid; Mask = $r.Mask; Inherit = $r.Inherit; IsInherited = $false; Allow = $true } }
        }
    }

    It 'finds nothing when the ACL reads back as set' {
        @(Compare-AccessRules -Expected $script:Expected -Actual @(AsRead $script:Expected)).Count | Should -Be 0
    }

    It 'reports an entry still inherited from ProgramData' {
        $actual = @(AsRead $script:Expected) + [pscustomobject]@{ Sid = 'S-1-5-32-545'; Mask = 1179817; Inherit = $true; IsInherited = $true; Allow = $true }
        Compare-AccessRules -Expected $script:Expected -Actual $actual | Should -BeExactly @('inherited entry for S-1-5-32-545: inheritance is not removed')
    }

    It 'reports an explicit entry for Users' {
        $actual = @(AsRead $script:Expected) + [pscustomobject]@{ Sid = 'S-1-5-32-545'; Mask = 1179817; Inherit = $true; IsInherited = $false; Allow = $true }
        Compare-AccessRules -Expected $script:Expected -Actual $actual | Should -BeExactly @('unexpected entry for S-1-5-32-545: mask 0x1200a9, inherit True, allow True')
    }

    It "reports the service's right missing or wrong" {
        $actual = @(AsRead $script:Expected[0..1]) + [pscustomobject]@{ Sid = $script:Sid; Mask = 2032127; Inherit = $true; IsInherited = $false; Allow = $true }
        $problems = @(Compare-AccessRules -Expected $script:Expected -Actual $actual)
        $problems | Should -Contain "missing Modify for $script:Sid"
        $problems.Count | Should -Be 2
    }

    It 'reports an empty ACL as three missing rules' {
        @(Compare-AccessRules -Expected $script:Expected -Actual @()).Count | Should -Be 3
    }
}

Describe 'sc.exe arguments' {
    BeforeAll { $script:Binary = Get-ServiceBinaryPath -Layout $script:Layout }

    It 'quotes the program and the configuration in the binary path' {
        $script:Binary | Should -BeExactly '"C:\Program Files\ContactCenter\contactcenter.exe" run --config "C:\ProgramData\ContactCenter\appsettings.json"'
    }

    It 'creates the service bare' {
        Get-ScCreateArguments -ServiceName contactcenter -BinaryPath $script:Binary |
            Should -BeExactly @('create', 'contactcenter', 'binPath=', $script:Binary, 'type=', 'own', 'start=', 'delayed-auto')
    }

    It 'configures the account, start and binary path on every install' {
        Get-ScConfigArguments -ServiceName contactcenter -BinaryPath $script:Binary -Account 'NT SERVICE\contactcenter' |
            Should -BeExactly @('config', 'contactcenter', 'binPath=', $script:Binary, 'type=', 'own', 'start=', 'delayed-auto',
                'obj=', 'NT SERVICE\contactcenter', 'DisplayName=', 'ContactCenter.Ingest')
    }

    It 'sets recovery (restart 10 s, 1 min, 5 min; reset after a day), failure flag, SID type and description' {
        $settings = @(Get-ScSettingsArguments -ServiceName contactcenter)
        $settings.Count | Should -Be 4
        $settings[0][0..1] | Should -BeExactly @('description', 'contactcenter')
        $settings[1] | Should -BeExactly @('sidtype', 'contactcenter', 'unrestricted')
        $settings[2] | Should -BeExactly @('failure', 'contactcenter', 'reset=', '86400', 'actions=', 'restart/10000/restart/60000/restart/300000')
        $settings[3] | Should -BeExactly @('failureflag', 'contactcenter', '1')
    }

    It 'builds the command line sc.exe splits back into the same arguments' {
        ConvertTo-CommandLine -Arguments (Get-ScConfigArguments -ServiceName contactcenter -BinaryPath $script:Binary -Account 'NT SERVICE\contactcenter') |
            Should -BeExactly ('config contactcenter binPath= "\"C:\Program Files\ContactCenter\contactcenter.exe\" run --config ' +
                '\"C:\ProgramData\ContactCenter\appsettings.json\"" type= own start= delayed-auto obj= "NT SERVICE\contactcenter" DisplayName= ContactCenter.Ingest')
    }

    It 'quotes <In> as <Out>' -ForEach @(
        @{ In = 'plain'; Out = 'plain' }
        @{ In = ''; Out = '""' }
        @{ In = 'C:\a b\'; Out = '"C:\a b\\"' }
        @{ In = 'say "hi"'; Out = '"say \"hi\""' }
        @{ In = 'a\"b'; Out = '"a\\\"b"' }
        @{ In = 'C:\no\space'; Out = 'C:\no\space' }
    ) {
        ConvertTo-CommandLine -Arguments @($In) | Should -BeExactly $Out
    }
}

Describe 'Get-EventSourcePlan' {
    It 'uses EventLog.CreateEventSource on Windows PowerShell 5.1' {
        $plan = Get-EventSourcePlan -Edition Desktop
        $plan.Method | Should -Be 'CreateEventSource'
        $plan.Source | Should -BeExactly 'contactcenter'
        $plan.Log | Should -Be 'Application'
    }

    It 'writes the registry key with the in-box message file on PowerShell 7' {
        $plan = Get-EventSourcePlan -Edition Core
        $plan.Method | Should -Be 'Registry'
        $plan.Key | Should -BeExactly 'HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\contactcenter'
        $plan.EventMessageFile | Should -BeExactly '%SystemRoot%\Microsoft.NET\Framework64\v4.0.30319\EventLogMessages.dll'
    }
}

Describe 'Get-LegacyMachineVariables' {
    It 'removes what an older install.ps1 set machine-wide' {
        Get-LegacyMachineVariables -Machine @{ OMP_THREAD_LIMIT = '1'; ContactCenter__Store__DataDirectory = 'C:\x'; Path = 'C:\' } |
            Should -BeExactly @('ContactCenter__Store__DataDirectory', 'OMP_THREAD_LIMIT')
    }

    It "leaves another program's OMP_THREAD_LIMIT" {
        Get-LegacyMachineVariables -Machine @{ OMP_THREAD_LIMIT = '1' } | Should -BeNullOrEmpty
        Get-LegacyMachineVariables -Machine @{ OMP_THREAD_LIMIT = '4'; ContactCenter__Store__DataDirectory = 'C:\x' } | Should -BeExactly 'ContactCenter__Store__DataDirectory'
    }
}

Describe 'ConvertTo-WindowsConfig' {
    It 'points the shipped configuration at the Windows data and credentials folders' {
        $text = Get-Content -Raw (Join-Path $script:Root 'install/appsettings.production.json')
        $converted = ConvertTo-WindowsConfig -Text $text -Layout $script:Layout
        $converted | Should -Not -Match '/var/lib/contactcenter'
        $converted | Should -Match ([regex]::Escape('"DataDirectory": "C:\\ProgramData\\ContactCenter"'))
    }
}

Describe 'Get-VerifyTaskPlan' {
    BeforeAll {
        $script:Backup = Get-BackupTaskPlan -Layout $script:Layout -BackupTo 'D:\Backup\ContactCenter' -ServiceName 'contactcenter'
        # The action's script run by this PowerShell with a stand-in program that logs its arguments and fails on demand.
        function Invoke-VerifyScript([int] $VerifyExit, [int] $BackupExit, $Backup = $script:Backup) {
            $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
            try {
                $calls = Join-Path $folder 'calls.txt'
                $program = Join-Path $folder "it's contactcenter"
                Set-Content -LiteralPath $program -Value "#!/bin/sh`nprintf '%s\n' `"`$*`" >> '$calls'`ncase `"`$2`" in verify) exit $VerifyExit ;; backup) exit $BackupExit ;; esac`nexit 9"
                chmod +x $program
                $layout = [pscustomobject]@{ Executable = $program; Config = 'C:\ProgramData\ContactCenter\appsettings.json' }
                $plan = Get-VerifyTaskPlan -Backup $Backup -Layout $layout -ServiceName 'contactcenter'
                $pwsh = [Environment]::ProcessPath
                $arguments = @('-NoProfile', '-NonInteractive', '-Command', $plan.Script)
                # As a .NET tool, PowerShell runs inside dotnet: the host needs pwsh.dll named first.
                if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $arguments }
                & $pwsh @arguments | Out-Null
                [pscustomobject]@{ Exit = $LASTEXITCODE; Calls = @(Get-Content -LiteralPath $calls) }
            }
            finally { Remove-Item -LiteralPath $folder -Recurse -Force }
        }
    }

    It 'runs weekly as SYSTEM, as the backup does' {
        $plan = Get-VerifyTaskPlan -Backup $script:Backup -Layout $script:Layout -ServiceName 'contactcenter'
        $plan.TaskName | Should -BeExactly 'contactcenter-verify'
        $plan.DayOfWeek | Should -Be 'Sunday'
        $plan.UserSid | Should -BeExactly 'S-1-5-18'
        $plan.Arguments | Should -BeLike '-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "& ''C:\Program Files\ContactCenter\contactcenter.exe'' store verify*"'
    }

    It 'checks the backup even when the archive is not sound, and fails when either check does (<VerifyExit>, <BackupExit>)' -ForEach @(
        @{ VerifyExit = 0; BackupExit = 0; Expected = 0 }
        @{ VerifyExit = 1; BackupExit = 0; Expected = 1 }
        @{ VerifyExit = 0; BackupExit = 1; Expected = 1 }
        @{ VerifyExit = 1; BackupExit = 2; Expected = 2 }
    ) {
        $run = Invoke-VerifyScript -VerifyExit $VerifyExit -BackupExit $BackupExit
        $run.Exit | Should -Be $Expected
        $run.Calls | Should -BeExactly @(
            'store verify --config C:\ProgramData\ContactCenter\appsettings.json',
            'store backup --to D:\Backup\ContactCenter --verify --config C:\ProgramData\ContactCenter\appsettings.json')
    }

    It 'without a backup, verifies the archive alone, as SYSTEM, and fails when it does (<VerifyExit>)' -ForEach @(
        @{ VerifyExit = 0 }
        @{ VerifyExit = 1 }
    ) {
        $plan = Get-VerifyTaskPlan -Layout $script:Layout -ServiceName 'contactcenter'
        $plan.UserSid | Should -BeExactly 'S-1-5-18'
        $plan.Script | Should -Not -BeLike '*store backup*'
        $run = Invoke-VerifyScript -VerifyExit $VerifyExit -BackupExit 7 -Backup $null
        $run.Exit | Should -Be $VerifyExit
        $run.Calls | Should -BeExactly @('store verify --config C:\ProgramData\ContactCenter\appsettings.json')
    }
}
