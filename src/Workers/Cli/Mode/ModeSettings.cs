using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Mode;

internal sealed class ModeSettings : CommonSettings
{
    [CommandArgument(0, "[MODE]")]
    [Description("emergency or ordinary; without it, shows the current mode.")]
    public string? Mode { get; init; }

    public override ValidationResult Validate() =>
        Mode is null || Mode.Equals("emergency", StringComparison.OrdinalIgnoreCase) || Mode.Equals("ordinary", StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"MODE: '{Mode}' is not emergency or ordinary.");
}
