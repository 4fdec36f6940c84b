using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsOpenSettings : JsonSettings
{
    [CommandOption("--channel <CHANNEL>")]
    [Description("How the request came in: phone (a call that could not be answered at once).")]
    public string Channel { get; init; } = "";

    [CommandOption("--caller <NUMBER>")]
    [Description("The caller's number, e.g. \"+39 06 1234 5678\" or \"333 1234567\" (stored in E.164).")]
    public string? Caller { get; init; }

    [CommandOption("--subject <TEXT>")]
    [Description("The request in a few words (default: \"Telefonata da ...\").")]
    public string? Subject { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("What the caller asked.")]
    public string? Text { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("The caller's name.")]
    public string? Name { get; init; }

    [CommandOption("--email <ADDRESS>")]
    [Description("The caller's e-mail address: the receipt and the answer go there.")]
    public string? Email { get; init; }

    [CommandOption("--operator <NAME>")]
    [Description("Who took the call, recorded in the history (default: cli:<user name>).")]
    public string? Operator { get; init; }

    [CommandOption("--request-id <ID>")]
    [Description("Names the request so that running the command again opens no second ticket (default: a new id, printed).")]
    public string? RequestId { get; init; }
}
