using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsCloseSettings : TicketNumberSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why, e.g. \"answered by phone\".")]
    public string? Reason { get; init; }
}
