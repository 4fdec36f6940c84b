# Thin wrappers over what only Windows has (services, registry, ACLs, sc.exe). No decisions here: the tests mock
# each of them and check what the installer asks for.

function Test-Administrator {
    $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
    $principal.IsInRole([Security.Principal.SecurityIdentifier]'S-1-5-32-544')
}

function Get-ServiceState {
    param([string] $ServiceName)
    $service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
    if ($service) { [string]$service.Status }
}

function Stop-InstalledService {
    param([string] $ServiceName)
    Stop-Service -Name $ServiceName -ErrorAction Stop
}

function Start-InstalledService {
    param([string] $ServiceName)
    Start-Service -Name $ServiceName -ErrorAction Stop
}

function Invoke-Sc {
    <# sc.exe with a command line built by ConvertTo-CommandLine; any exit code but 0 stops the install. #>
    param([string[]] $ArgumentList)
    $line = ConvertTo-CommandLine -Arguments $ArgumentList
    $output = [System.IO.Path]::GetTempFileName()
    try {
        $process = Start-Process -FilePath "$env:SystemRoot\System32\sc.exe" -ArgumentList $line -NoNewWindow -Wait -PassThru -RedirectStandardOutput $output
        $text = (Get-Content -Raw -LiteralPath $output)
        if ($process.ExitCode -ne 0) { throw "sc.exe $line failed with exit code $($process.ExitCode): $text" }
    } finally {
        Remove-Item -LiteralPath $output -ErrorAction SilentlyContinue
    }
}

function Publish-Program {
    param([string] $From, [string] $InstallDir, [string] $RepositoryRoot)
    New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
    if ($From) {
        Copy-Item -Recurse -Force -Path (Join-Path $From '*') -Destination $InstallDir
        return
    }
    $project = Join-Path $RepositoryRoot 'src\Workers\ContactCenter.Workers.csproj'
    & dotnet publish $project -c Release -r win-x64 --self-contained false -o $InstallDir --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish failed with exit code $LASTEXITCODE" }
}

function New-InstallFolder {
    param([string] $Path)
    New-Item -ItemType Directory -Force -Path $Path | Out-Null
}

function Test-InstallFile {
    param([string] $Path)
    Test-Path -LiteralPath $Path -PathType Leaf
}

function Read-TextFile {
    param([string] $Path)
    [System.IO.File]::ReadAllText($Path)
}

function Write-TextFile {
    param([string] $Path, [string] $Text)
    [System.IO.File]::WriteAllText($Path, $Text, (New-Object System.Text.UTF8Encoding($false)))
}

function Set-ServiceEnvironmentValue {
    param([string] $ServiceName, [string[]] $Environment)
    New-ItemProperty -Path "$script:ServicesKey\$ServiceName" -Name Environment -PropertyType MultiString -Value $Environment -Force | Out-Null
}

function Get-ServiceEnvironmentValue {
    param([string] $ServiceName)
    $key = Get-ItemProperty -Path "$script:ServicesKey\$ServiceName" -Name Environment -ErrorAction SilentlyContinue
    if ($key) { [string[]]$key.Environment }
}

function Remove-ServiceEnvironmentValue {
    param([string] $ServiceName)
    Remove-ItemProperty -Path "$script:ServicesKey\$ServiceName" -Name Environment -ErrorAction SilentlyContinue
}

function Set-PathAccess {
    <# Replaces the whole DACL (protected: nothing inherited) with the rules, each naming a SecurityIdentifier. Only
       the DACL is written, so no SeSecurityPrivilege is needed. #>
    param([string] $Path, [object[]] $Rules, [bool] $File)
    $acl = if ($File) { New-Object System.Security.AccessControl.FileSecurity } else { New-Object System.Security.AccessControl.DirectorySecurity }
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($rule in $Rules) {
        $inherit = if ($rule.Inherit) { 'ContainerInherit, ObjectInherit' } else { 'None' }
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule(
                    (New-Object System.Security.Principal.SecurityIdentifier($rule.Sid)),
                    [System.Security.AccessControl.FileSystemRights]$rule.Mask,
                    [System.Security.AccessControl.InheritanceFlags]$inherit,
                    [System.Security.AccessControl.PropagationFlags]::None,
                    [System.Security.AccessControl.AccessControlType]::Allow)))
    }
    Set-Acl -LiteralPath $Path -AclObject $acl -ErrorAction Stop
}

function Get-PathAccess {
    <# The DACL read back, by SID, in the shape Compare-AccessRules takes. #>
    param([string] $Path)
    $acl = Get-Acl -LiteralPath $Path -ErrorAction Stop
    foreach ($ace in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
        [pscustomobject]@{
            Sid         = $ace.IdentityReference.Value
            Mask        = [int]$ace.FileSystemRights
            Inherit     = ([int]$ace.InheritanceFlags -eq 3) -and [int]$ace.PropagationFlags -eq 0
            IsInherited = $ace.IsInherited
            Allow       = $ace.AccessControlType -eq 'Allow'
        }
    }
}

function Test-EventSourceKey {
    param([string] $Key)
    Test-Path -Path $Key
}

function Register-EventSourceWithApi {
    param($Plan)
    [System.Diagnostics.EventLog]::CreateEventSource($Plan.Source, $Plan.Log)
}

function Register-EventSourceInRegistry {
    param($Plan)
    New-Item -Path $Plan.Key -Force | Out-Null
    New-ItemProperty -Path $Plan.Key -Name EventMessageFile -PropertyType ExpandString -Value $Plan.EventMessageFile -Force | Out-Null
}

function Remove-EventSourceKey {
    param([string] $Key)
    Remove-Item -Path $Key -Recurse -Force -ErrorAction Stop
}

function Get-MachineVariables {
    [Environment]::GetEnvironmentVariables('Machine')
}

function Remove-MachineVariable {
    param([string] $Name)
    [Environment]::SetEnvironmentVariable($Name, $null, 'Machine')
}

function Remove-InstallFolder {
    param([string] $Path)
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction Stop }
}

function Register-BackupTask {
    <# Daily at the plan's time, or weekly on its DayOfWeek, started late when the machine was off; replaces an
       existing task of that name, so running install.ps1 again updates it. #>
    param($Plan)
    $action = New-ScheduledTaskAction -Execute $Plan.Execute -Argument $Plan.Arguments
    $trigger = if ($Plan.PSObject.Properties['DayOfWeek']) { New-ScheduledTaskTrigger -Weekly -DaysOfWeek $Plan.DayOfWeek -At $Plan.At }
               else { New-ScheduledTaskTrigger -Daily -At $Plan.At }
    $principal = New-ScheduledTaskPrincipal -UserId $Plan.UserSid -LogonType ServiceAccount -RunLevel Highest
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 12)
    Register-ScheduledTask -TaskName $Plan.TaskName -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
}

function Unregister-BackupTask {
    param([string] $TaskName)
    if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) {
        Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction Stop
    }
}
