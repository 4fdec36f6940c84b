# Pure functions: no file, registry or service access, so the Pester tests run them on Linux.

function Get-ServiceSid {
    <# The SID Windows gives a service ("NT SERVICE\name"): S-1-5-80 followed by the SHA-1 of the upper-cased name in
       UTF-16LE, read as five little-endian 32-bit numbers (what `sc.exe showsid` prints). It is known before the
       service exists, so the ACLs name it without a lookup. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ServiceName)
    $bytes = [System.Text.Encoding]::Unicode.GetBytes($ServiceName.ToUpperInvariant())
    $sha = [System.Security.Cryptography.SHA1]::Create()
    try { $hash = $sha.ComputeHash($bytes) } finally { $sha.Dispose() }
    if (-not [BitConverter]::IsLittleEndian) { throw 'Get-ServiceSid assumes a little-endian machine.' }
    $parts = for ($i = 0; $i -lt 20; $i += 4) { [BitConverter]::ToUInt32($hash, $i) }
    'S-1-5-80-' + ($parts -join '-')
}

function Assert-ServiceName {
    [CmdletBinding()]
    param([string] $ServiceName)
    if ($ServiceName -notmatch '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$') {
        throw "ServiceName '$ServiceName' is not valid: use letters, digits, '.', '_' or '-' (at most 80, no spaces or slashes)."
    }
}

function Assert-LocalPath {
    <# Program and data live on a local NTFS drive: a share would not carry the ACLs, and LiteDB needs local locks. #>
    [CmdletBinding()]
    param([string] $Name, [string] $Path)
    if ($Path -notmatch '^[A-Za-z]:\\[^*?"<>|:]+$') {
        throw "$Name '$Path' is not a local folder: give a full path on a local drive such as C:\ProgramData\ContactCenter."
    }
}

function Resolve-ServiceAccount {
    <# The account the service runs as: its own virtual account (no password, no rights beyond what its SID is
       granted), or a group managed service account written DOMAIN\name$. Any other account needs a password that
       this script would have to handle, and LocalSystem is what the service must not be. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ServiceName, [string] $ServiceAccount)
    $virtual = "NT SERVICE\$ServiceName"
    if ([string]::IsNullOrWhiteSpace($ServiceAccount)) { return $virtual }
    if ($ServiceAccount -match '^NT SERVICE\\(.+)$') {
        if ($Matches[1] -ne $ServiceName) {
            throw "ServiceAccount '$ServiceAccount' is another service's virtual account; leave it empty for '$virtual'."
        }
        return $virtual
    }
    if ($ServiceAccount -match '^[A-Za-z0-9][A-Za-z0-9.-]{0,254}\\[A-Za-z0-9][A-Za-z0-9_.-]{0,14}\$$') {
        return $ServiceAccount
    }
    throw ("ServiceAccount '$ServiceAccount' is not a group managed service account (DOMAIN\name`$). " +
        "Leave it empty to run as the virtual account '$virtual'; LocalSystem and password accounts are refused.")
}

function Get-InstallLayout {
    <# Windows paths joined with '\' whatever the OS running the script, so the tests see what Windows sees. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $DataDir, [Parameter(Mandatory)][string] $InstallDir)
    $root = $DataDir.TrimEnd('\')
    $program = $InstallDir.TrimEnd('\')
    [pscustomobject]@{
        InstallDir  = $program
        Executable  = "$program\contactcenter.exe"
        DataDir     = $root
        Config      = "$root\appsettings.json"
        Credentials = "$root\credentials"
        Temp        = "$root\tmp"
        Folders     = @($root, "$root\archive", "$root\quarantine", "$root\scans", "$root\credentials", "$root\tmp")
    }
}

function Get-ServiceEnvironment {
    <# The service's own environment (REG_MULTI_SZ "Environment" under its service key): the service sees it from
       its first start, nothing else on the machine does. CREDENTIALS_DIRECTORY is what systemd sets on Linux, and
       the app resolves a relative PasswordFile against it; TEMP keeps OCR pages and spooled mail in the locked folder. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Layout)
    $values = [ordered]@{
        DOTNET_ENVIRONMENT                  = 'Production'
        DOTNET_CLI_TELEMETRY_OPTOUT         = '1'
        OMP_THREAD_LIMIT                    = '1'
        ContactCenter__Store__DataDirectory = $Layout.DataDir
        CREDENTIALS_DIRECTORY               = $Layout.Credentials
        TEMP                                = $Layout.Temp
        TMP                                 = $Layout.Temp
    }
    foreach ($name in $values.Keys) {
        if ($values[$name] -match "[`0`r`n]" -or $values[$name] -eq '') { throw "Environment value $name is empty or has a line break." }
        "$name=$($values[$name])"
    }
}

function New-AccessRule {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Sid,
        [Parameter(Mandatory)][ValidateSet('FullControl', 'Modify', 'Read')][string] $Right,
        [bool] $Inherit = $true)
    [pscustomobject]@{ Sid = $Sid; Right = $Right; Mask = $script:Rights[$Right]; Inherit = $Inherit }
}

function Get-AccessRules {
    <# A protected ACL (nothing inherited from ProgramData, where Users may read): Administrators and SYSTEM full
       control, the service's SID the one right it needs. By SID, so it means the same on every language of Windows. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $ServiceSid,
        [Parameter(Mandatory)][ValidateSet('Modify', 'Read')][string] $ServiceRight,
        [switch] $File)
    $inherit = -not $File
    New-AccessRule -Sid $script:AdministratorsSid -Right FullControl -Inherit $inherit
    New-AccessRule -Sid $script:SystemSid -Right FullControl -Inherit $inherit
    New-AccessRule -Sid $ServiceSid -Right $ServiceRight -Inherit $inherit
}

function Get-InstallAccessPlan {
    <# The data folder (tickets, citizens' originals) is written by the service; the credentials folder and the
       configuration only read. Sub-folders (archive, quarantine, scans, tmp) inherit the data folder's rules. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Layout, [Parameter(Mandatory)][string] $ServiceSid)
    [pscustomobject]@{ Path = $Layout.DataDir; File = $false; Rules = @(Get-AccessRules -ServiceSid $ServiceSid -ServiceRight Modify) }
    [pscustomobject]@{ Path = $Layout.Credentials; File = $false; Rules = @(Get-AccessRules -ServiceSid $ServiceSid -ServiceRight Read) }
    [pscustomobject]@{ Path = $Layout.Config; File = $true; Rules = @(Get-AccessRules -ServiceSid $ServiceSid -ServiceRight Read -File) }
}

function ConvertTo-AccessSddl {
    <# The DACL as SDDL ("P": protected, inheritance removed), for the log and for comparing with icacls /save. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][object[]] $Rules)
    $aces = foreach ($rule in $Rules) {
        $flags = if ($rule.Inherit) { 'OICI' } else { '' }
        "(A;$flags;$($script:SddlRights[$rule.Right]);;;$($rule.Sid))"
    }
    'D:PAI' + ($aces -join '')
}

function Compare-AccessRules {
    <# What differs between the rules wanted and the ones read back (objects with Sid, Mask, Inherit, IsInherited,
       Allow); empty when the folder is locked as planned. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][object[]] $Expected, [AllowEmptyCollection()][object[]] $Actual)
    $problems = New-Object System.Collections.Generic.List[string]
    foreach ($ace in $Actual) {
        if ($ace.IsInherited) { $problems.Add("inherited entry for $($ace.Sid): inheritance is not removed"); continue }
        $match = @($Expected | Where-Object { $_.Sid -eq $ace.Sid -and $_.Mask -eq $ace.Mask -and $_.Inherit -eq $ace.Inherit })
        if (-not $ace.Allow -or $match.Count -eq 0) {
            $problems.Add(('unexpected entry for {0}: mask 0x{1:x}, inherit {2}, allow {3}' -f $ace.Sid, $ace.Mask, $ace.Inherit, $ace.Allow))
        }
    }
    foreach ($rule in $Expected) {
        $found = @($Actual | Where-Object { -not $_.IsInherited -and $_.Allow -and $_.Sid -eq $rule.Sid -and $_.Mask -eq $rule.Mask -and $_.Inherit -eq $rule.Inherit })
        if ($found.Count -eq 0) { $problems.Add("missing $($rule.Right) for $($rule.Sid)") }
    }
    $problems.ToArray()
}

function Get-ServiceBinaryPath {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Layout)
    '"{0}" run --config "{1}"' -f $Layout.Executable, $Layout.Config
}

function Get-ScCreateArguments {
    <# Created bare, then configured by Get-ScConfigArguments: a first install and a re-install run the same config. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ServiceName, [Parameter(Mandatory)][string] $BinaryPath)
    @('create', $ServiceName, 'binPath=', $BinaryPath, 'type=', 'own', 'start=', 'delayed-auto')
}

function Get-ScConfigArguments {
    <# Delayed automatic start: the network (mail servers, the relay) is up by then. A virtual account or a gMSA has
       no password to pass. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ServiceName, [Parameter(Mandatory)][string] $BinaryPath, [Parameter(Mandatory)][string] $Account)
    @('config', $ServiceName, 'binPath=', $BinaryPath, 'type=', 'own', 'start=', 'delayed-auto', 'obj=', $Account,
        'DisplayName=', 'ContactCenter.Ingest')
}

function Get-ScSettingsArguments {
    <# Run on every install: description; the service SID in the token also under a gMSA (the ACLs name it);
       restart after 10 s, 1 min, 5 min, the count reset after a day; and the same when the service stops itself with
       an error (failureflag), which is how the .NET host ends after a fatal error. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ServiceName)
    , @('description', $ServiceName, 'Turns e-mail, PEC, fax and scanned mail into contact center tickets.')
    , @('sidtype', $ServiceName, 'unrestricted')
    , @('failure', $ServiceName, 'reset=', '86400', 'actions=', 'restart/10000/restart/60000/restart/300000')
    , @('failureflag', $ServiceName, '1')
}

function ConvertTo-CommandLine {
    <# One command line from arguments, quoted as the Microsoft C runtime (and so sc.exe) splits it: Windows
       PowerShell 5.1 and PowerShell 7 pass embedded quotes differently, so the installer builds the line itself. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyString()][string[]] $Arguments)
    $quoted = foreach ($argument in $Arguments) {
        if ($argument.Length -gt 0 -and $argument -notmatch '[\s"]') { $argument; continue }
        $builder = New-Object System.Text.StringBuilder
        [void]$builder.Append('"')
        $slashes = 0
        foreach ($c in $argument.ToCharArray()) {
            if ($c -eq '\') { $slashes++; continue }
            if ($c -eq '"') { [void]$builder.Append('\' * (2 * $slashes + 1)).Append('"') }
            else { [void]$builder.Append('\' * $slashes).Append($c) }
            $slashes = 0
        }
        [void]$builder.Append('\' * (2 * $slashes)).Append('"')
        $builder.ToString()
    }
    $quoted -join ' '
}

function Get-EventSourcePlan {
    <# Windows PowerShell 5.1 (.NET Framework) registers with EventLog.CreateEventSource, whose message file is the
       in-box Framework's. PowerShell 7 has no New-EventLog, and its CreateEventSource would name a message DLL inside
       the PowerShell folder (gone when PowerShell is updated), so there the key is written directly, naming the same
       in-box message file. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][ValidateSet('Desktop', 'Core')][string] $Edition, [string] $Source = $script:EventSource)
    if ($Edition -eq 'Desktop') {
        return [pscustomobject]@{ Method = 'CreateEventSource'; Source = $Source; Log = 'Application'; Key = "$script:EventLogKey\$Source" }
    }
    [pscustomobject]@{
        Method           = 'Registry'
        Source           = $Source
        Log              = 'Application'
        Key              = "$script:EventLogKey\$Source"
        EventMessageFile = '%SystemRoot%\Microsoft.NET\Framework64\v4.0.30319\EventLogMessages.dll'
    }
}

function Get-LegacyMachineVariables {
    <# Older install.ps1 versions set these machine-wide; the service now has its own. OMP_THREAD_LIMIT goes only
       when it is the old installer's "1" next to its data-folder variable, so another program's setting stays. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyCollection()][System.Collections.IDictionary] $Machine)
    if (-not $Machine.Contains('ContactCenter__Store__DataDirectory')) { return }
    'ContactCenter__Store__DataDirectory'
    if ($Machine.Contains('OMP_THREAD_LIMIT') -and $Machine['OMP_THREAD_LIMIT'] -eq '1') { 'OMP_THREAD_LIMIT' }
}

function Get-BackupTaskPlan {
    <# The nightly `contactcenter store backup` as a scheduled task (README, "Backup and restore"). It runs as SYSTEM:
       a virtual service account cannot run tasks, and SYSTEM reads the service's local key as the service does. The
       folder is on a local drive (its ACL must hold), outside the program folder (uninstall deletes it) and the data
       folder (the disk a backup protects against); Administrators and SYSTEM only, like the data it copies. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Layout, [Parameter(Mandatory)][string] $BackupTo, [Parameter(Mandatory)][string] $ServiceName)
    Assert-LocalPath -Name BackupTo -Path $BackupTo
    $folder = $BackupTo.TrimEnd('\')
    foreach ($inside in @($Layout.InstallDir, $Layout.DataDir)) {
        if (($folder + '\').StartsWith($inside + '\', 'OrdinalIgnoreCase')) {
            throw "BackupTo '$BackupTo' must not be inside $inside`: choose a folder on another disk."
        }
    }
    [pscustomobject]@{
        TaskName  = "$ServiceName-backup"
        Folder    = $folder
        Execute   = $Layout.Executable
        Arguments = ConvertTo-CommandLine -Arguments @('store', 'backup', '--to', $folder, '--config', $Layout.Config)
        At        = '02:30'
        UserSid   = $script:SystemSid
        Rules     = @((New-AccessRule -Sid $script:AdministratorsSid -Right FullControl), (New-AccessRule -Sid $script:SystemSid -Right FullControl))
    }
}

function Get-VerifyTaskPlan {
    <# The weekly check beside the nightly backup (README, "Backup and restore"): `store verify` of the live archive,
       then `store backup --verify`. One PowerShell action runs both, so the backup's copy is checked even when the
       archive is not sound, and the task's last result is the failure of either. Without a backup (-VerifyWeekly: a
       PostgreSQL store, backed up with PostgreSQL's tools) the archive alone, as SYSTEM like the backup. #>
    [CmdletBinding()]
    param($Backup, [Parameter(Mandatory)] $Layout, [Parameter(Mandatory)][string] $ServiceName)
    $exe, $config = @($Layout.Executable, $Layout.Config) | ForEach-Object { "'" + $_.Replace("'", "''") + "'" }
    $script = if ($Backup) {
        $folder = "'" + $Backup.Folder.Replace("'", "''") + "'"
        "& $exe store verify --config $config; `$live = `$LASTEXITCODE; " +
        "& $exe store backup --to $folder --verify --config $config; if (`$LASTEXITCODE -ne 0) { exit `$LASTEXITCODE }; exit `$live"
    }
    else { "& $exe store verify --config $config; exit `$LASTEXITCODE" }
    [pscustomobject]@{
        TaskName  = "$ServiceName-verify"
        Execute   = 'powershell.exe'
        Script    = $script
        Arguments = ConvertTo-CommandLine -Arguments @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', $script)
        DayOfWeek = 'Sunday'
        At        = '04:00'
        UserSid   = $script:SystemSid
    }
}

function ConvertTo-WindowsConfig {
    <# The shipped appsettings.production.json names Linux folders; the Windows copy names the data folder. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Text, [Parameter(Mandatory)] $Layout)
    $json = $Layout.DataDir.Replace('\', '\\')
    $text = $Text.Replace('/etc/contactcenter/credentials/NAME (root only), run install.sh again',
        "$($Layout.Credentials)\NAME (administrators and the service only)")
    $text.Replace('/var/lib/contactcenter', $json)
}
