# The install and uninstall steps, in order. Decisions come from the pure functions, effects from the wrappers.

function Assert-InstallParameters {
    param([string] $ServiceName, [string] $InstallDir, [string] $DataDir, [string] $ServiceAccount)
    Assert-ServiceName -ServiceName $ServiceName
    Assert-LocalPath -Name InstallDir -Path $InstallDir
    Assert-LocalPath -Name DataDir -Path $DataDir
    $program = $InstallDir.TrimEnd('\') + '\'
    $data = $DataDir.TrimEnd('\') + '\'
    if ($program.StartsWith($data, 'OrdinalIgnoreCase') -or $data.StartsWith($program, 'OrdinalIgnoreCase')) {
        throw "InstallDir and DataDir must not contain each other: uninstall deletes InstallDir, the data must survive it."
    }
    Resolve-ServiceAccount -ServiceName $ServiceName -ServiceAccount $ServiceAccount
}

function Install-ContactCenter {
    [CmdletBinding()]
    param(
        [string] $From,
        [Parameter(Mandatory)][string] $InstallDir,
        [Parameter(Mandatory)][string] $DataDir,
        [string] $ServiceName = 'contactcenter',
        [string] $ServiceAccount,
        [switch] $NoStart,
        [string] $BackupTo,
        [switch] $VerifyWeekly,
        [string] $RepositoryRoot,
        [ValidateSet('Desktop', 'Core')][string] $Edition = $PSVersionTable.PSEdition)
    $account = Assert-InstallParameters -ServiceName $ServiceName -InstallDir $InstallDir -DataDir $DataDir -ServiceAccount $ServiceAccount
    $backup = if ($BackupTo) { Get-BackupTaskPlan -Layout (Get-InstallLayout -DataDir $DataDir -InstallDir $InstallDir) -BackupTo $BackupTo -ServiceName $ServiceName }
    if (-not (Test-Administrator)) { throw 'Run install.ps1 from an elevated PowerShell (Administrator).' }
    $layout = Get-InstallLayout -DataDir $DataDir -InstallDir $InstallDir
    $sid = Get-ServiceSid -ServiceName $ServiceName

    $state = Get-ServiceState -ServiceName $ServiceName
    if ($state -and $state -ne 'Stopped') {
        Write-Host "==> Stopping $ServiceName for the upgrade"
        Stop-InstalledService -ServiceName $ServiceName
    }

    Write-Host "==> Publishing to $($layout.InstallDir)"
    Publish-Program -From $From -InstallDir $layout.InstallDir -RepositoryRoot $RepositoryRoot

    Write-Host "==> Data and configuration in $($layout.DataDir)"
    foreach ($folder in $layout.Folders) { New-InstallFolder -Path $folder }
    if (Test-InstallFile -Path $layout.Config) {
        Write-Host "==> Keeping existing $($layout.Config)"
    } else {
        $template = Read-TextFile -Path (Join-Path $script:InstallRoot 'appsettings.production.json')
        Write-TextFile -Path $layout.Config -Text (ConvertTo-WindowsConfig -Text $template -Layout $layout)
    }

    # Locked before the service is (re)configured, so no start ever sees the folders open.
    foreach ($item in Get-InstallAccessPlan -Layout $layout -ServiceSid $sid) {
        Write-Host "==> ACL $($item.Path): $(ConvertTo-AccessSddl -Rules $item.Rules)"
        Set-PathAccess -Path $item.Path -Rules $item.Rules -File $item.File
        $problems = @(Compare-AccessRules -Expected $item.Rules -Actual @(Get-PathAccess -Path $item.Path))
        if ($problems.Count -gt 0) { throw "ACL of $($item.Path) is not as set: $($problems -join '; ')" }
    }

    $binary = Get-ServiceBinaryPath -Layout $layout
    if (-not $state) {
        Write-Host "==> Registering service $ServiceName"
        Invoke-Sc -ArgumentList (Get-ScCreateArguments -ServiceName $ServiceName -BinaryPath $binary)
    }
    Write-Host "==> Service $ServiceName runs as $account ($sid)"
    Invoke-Sc -ArgumentList (Get-ScConfigArguments -ServiceName $ServiceName -BinaryPath $binary -Account $account)
    foreach ($arguments in Get-ScSettingsArguments -ServiceName $ServiceName) { Invoke-Sc -ArgumentList $arguments }

    $environment = @(Get-ServiceEnvironment -Layout $layout)
    Set-ServiceEnvironmentValue -ServiceName $ServiceName -Environment $environment
    $written = @(Get-ServiceEnvironmentValue -ServiceName $ServiceName)
    if (($written -join "`n") -cne ($environment -join "`n")) { throw "The service's Environment value reads back as '$($written -join ';')'." }

    $plan = Get-EventSourcePlan -Edition $Edition
    if (Test-EventSourceKey -Key $plan.Key) {
        Write-Host "==> Event log source $($plan.Source) already registered"
    } elseif ($plan.Method -eq 'CreateEventSource') {
        Register-EventSourceWithApi -Plan $plan
    } else {
        Register-EventSourceInRegistry -Plan $plan
    }

    foreach ($name in @(Get-LegacyMachineVariables -Machine (Get-MachineVariables))) {
        Write-Host "==> Removing the machine-wide $name an older install.ps1 set (the service has its own now)"
        Remove-MachineVariable -Name $name
    }

    if ($backup) {
        Write-Host "==> Nightly backup to $($backup.Folder) (scheduled task $($backup.TaskName), as SYSTEM at $($backup.At))"
        New-InstallFolder -Path $backup.Folder
        Set-PathAccess -Path $backup.Folder -Rules $backup.Rules -File $false
        $problems = @(Compare-AccessRules -Expected $backup.Rules -Actual @(Get-PathAccess -Path $backup.Folder))
        if ($problems.Count -gt 0) { throw "ACL of $($backup.Folder) is not as set: $($problems -join '; ')" }
        Register-BackupTask -Plan $backup
        $verify = Get-VerifyTaskPlan -Backup $backup -Layout $layout -ServiceName $ServiceName
        Write-Host "==> Weekly verification of the archive and the backup (scheduled task $($verify.TaskName), $($verify.DayOfWeek) at $($verify.At))"
        Register-BackupTask -Plan $verify
    }
    elseif ($VerifyWeekly) {
        $verify = Get-VerifyTaskPlan -Layout $layout -ServiceName $ServiceName
        Write-Host "==> Weekly verification of the archive (scheduled task $($verify.TaskName), $($verify.DayOfWeek) at $($verify.At)); back the database up with its own tools"
        Register-BackupTask -Plan $verify
    }

    if (-not $NoStart) {
        Start-InstalledService -ServiceName $ServiceName
        Write-Host "==> Started. Check it with: & '$($layout.Executable)' channels check --config '$($layout.Config)'"
    }
    [pscustomobject]@{ ServiceName = $ServiceName; Account = $account; ServiceSid = $sid; Environment = $environment; Layout = $layout }
}

function Uninstall-ContactCenter {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $InstallDir,
        [Parameter(Mandatory)][string] $DataDir,
        [string] $ServiceName = 'contactcenter',
        [switch] $RemoveData)
    $null = Assert-InstallParameters -ServiceName $ServiceName -InstallDir $InstallDir -DataDir $DataDir
    if (-not (Test-Administrator)) { throw 'Run uninstall.ps1 from an elevated PowerShell (Administrator).' }
    $layout = Get-InstallLayout -DataDir $DataDir -InstallDir $InstallDir

    $state = Get-ServiceState -ServiceName $ServiceName
    if ($state) {
        if ($state -ne 'Stopped') { Stop-InstalledService -ServiceName $ServiceName }
        # Removed explicitly: if a handle keeps the service "marked for deletion", its key (and this value) stays.
        Remove-ServiceEnvironmentValue -ServiceName $ServiceName
        Invoke-Sc -ArgumentList @('delete', $ServiceName)
    }
    # The tasks go with the service; the backups they made stay where they are.
    Unregister-BackupTask -TaskName "$ServiceName-backup"
    Unregister-BackupTask -TaskName "$ServiceName-verify"
    $plan = Get-EventSourcePlan -Edition Core
    if (Test-EventSourceKey -Key $plan.Key) { Remove-EventSourceKey -Key $plan.Key }
    foreach ($name in @(Get-LegacyMachineVariables -Machine (Get-MachineVariables))) { Remove-MachineVariable -Name $name }
    Remove-InstallFolder -Path $layout.InstallDir
    if ($RemoveData) {
        Remove-InstallFolder -Path $layout.DataDir
        Write-Host 'Removed the service, its event log source, the program, the data and the configuration.'
    } else {
        Write-Host "Removed the service, its event log source and the program. Kept $($layout.DataDir) (-RemoveData deletes it)."
    }
}
