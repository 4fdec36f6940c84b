using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsReviewedSettings : TicketNumberSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("What the operator found, e.g. \"ascoltato: chiede di essere richiamato\".")]
    public string? Reason { get; init; }
}
