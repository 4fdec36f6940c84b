# The installer files themselves, parsed (not run): Windows PowerShell 5.1 must be able to run them, so they declare
# it and use none of PowerShell 7's syntax, and nothing calls New-EventLog, which PowerShell 7 lacks.
BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../../install'
    $script:Files = @(Get-ChildItem -Path $root -Recurse -Include '*.ps1', '*.psm1' | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    function Read-Ast([string] $Path) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        if ($errors.Count -gt 0) { throw "$Path does not parse: $($errors[0].Message)" }
        $ast
    }
    function Find-All($Ast, [scriptblock] $Predicate) { @($Ast.FindAll($Predicate, $true)) }
    $script:InstallRoot = Join-Path $PSScriptRoot '../../install'
}

Describe 'Installer file <Name>' -ForEach $script:Files {
    BeforeAll { $script:Ast = Read-Ast $Path }

    It 'uses no PowerShell 7-only syntax (ternary, ??, ?., &&, ||)' {
        $found = Find-All $script:Ast {
            param($node)
            $type = $node.GetType().Name
            $type -in @('TernaryExpressionAst', 'PipelineChainAst') -or
            ($node -is [System.Management.Automation.Language.BinaryExpressionAst] -and "$($node.Operator)" -eq 'QuestionQuestion') -or
            ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and "$($node.Operator)" -eq 'QuestionQuestionEquals') -or
            ($node -is [System.Management.Automation.Language.MemberExpressionAst] -and $node.NullConditional) -or
            ($node -is [System.Management.Automation.Language.IndexExpressionAst] -and $node.NullConditional)
        }
        $found | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Extent.Text)" } | Should -BeNullOrEmpty
    }

    It 'never calls New-EventLog or Remove-EventLog' {
        $found = Find-All $script:Ast { param($node) $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -in @('New-EventLog', 'Remove-EventLog') }
        $found.Count | Should -Be 0
    }

    It 'never sets a machine-wide environment variable' {
        $found = Find-All $script:Ast {
            param($node)
            $node -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and "$($node.Member)" -eq 'SetEnvironmentVariable' -and
            -not ($node.Arguments.Count -ge 2 -and $node.Arguments[1].Extent.Text -eq '$null')
        }
        $found | ForEach-Object { $_.Extent.Text } | Should -BeNullOrEmpty
    }
}

Describe 'install.ps1 and uninstall.ps1' {
    It '<_> requires PowerShell 5.1' -ForEach @('install.ps1', 'uninstall.ps1', 'windows/ContactCenter.Install.psm1') {
        (Read-Ast (Join-Path $script:InstallRoot $_)).ScriptRequirements.RequiredPSVersion | Should -Be ([version]'5.1')
    }

    It 'install.ps1 takes a gMSA and defaults to the service "contactcenter"' {
        $parameters = (Read-Ast (Join-Path $script:InstallRoot 'install.ps1')).ParamBlock.Parameters
        $parameters.Name.VariablePath.UserPath | Should -Contain 'ServiceAccount'
        ($parameters | Where-Object { $_.Name.VariablePath.UserPath -eq 'ServiceName' }).DefaultValue.Value | Should -BeExactly 'contactcenter'
    }

    It 'uninstall.ps1 deletes data only with -RemoveData (alias -Purge, the old name)' {
        $parameter = (Read-Ast (Join-Path $script:InstallRoot 'uninstall.ps1')).ParamBlock.Parameters | Where-Object { $_.Name.VariablePath.UserPath -eq 'RemoveData' }
        $parameter.StaticType | Should -Be ([switch])
        $parameter.Attributes.PositionalArguments.Value | Should -Contain 'Purge'
    }
}
