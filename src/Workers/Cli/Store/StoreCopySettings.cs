using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

internal sealed class StoreCopySettings : CommonSettings
{
    [CommandOption("--to-config <FILE>")]
    [Description("A config file whose ContactCenter:Store names the PostgreSQL store to copy into (Provider PostgreSql).")]
    public string ToConfig { get; init; } = "";

    public override ValidationResult Validate() => string.IsNullOrWhiteSpace(ToConfig)
        ? ValidationResult.Error("--to-config FILE is required: the configuration of the PostgreSQL store to copy into.")
        : ValidationResult.Success();
}
