using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsReclassifySettings : TicketNumberSettings
{
    [CommandOption("--level <LEVEL>")]
    [Description("1 (first backoffice level) or 2 (second).")]
    public int Level { get; init; }

    [CommandOption("--category <CATEGORY>")]
    [Description("The corrected category; unchanged when omitted.")]
    public string? Category { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why the rules were wrong; kept in the history and used by 'classify evaluate'.")]
    public string Reason { get; init; } = "";

    public override ValidationResult Validate() =>
        Level is not (1 or 2) ? ValidationResult.Error("--level: must be 1 or 2.")
        : string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason: say why the classification is corrected.")
        : ValidationResult.Success();
}
