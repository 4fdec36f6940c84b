using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsSuspendSettings : TicketNumberSettings
{
    [CommandOption("--waiting-for <WHO>")]
    [Description("The administration whose opinion is awaited, e.g. \"Regione Abruzzo\".")]
    public string WaitingFor { get; init; } = "";

    public override ValidationResult Validate() => string.IsNullOrWhiteSpace(WaitingFor)
        ? ValidationResult.Error("--waiting-for: name the administration the ticket waits for.")
        : ValidationResult.Success();
}
