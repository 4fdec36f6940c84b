using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsSaveSettings : TicketNumberSettings
{
    [CommandOption("--to <FOLDER>")]
    [Description("Folder to save into (made if missing; default: a folder named after the ticket). Existing files are never overwritten.")]
    public string? To { get; init; }

    [CommandOption("--file <NAME>")]
    [Description("Only this file: its name as 'tickets show' lists it, or its SHA-256.")]
    public string? File { get; init; }
}
