using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal class TicketNumberSettings : JsonSettings
{
    [CommandArgument(0, "<NUMBER>")]
    [Description("The ticket number, e.g. PC-2026-000042.")]
    public string Number { get; init; } = "";
}
