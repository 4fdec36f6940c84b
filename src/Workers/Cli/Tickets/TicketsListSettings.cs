using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

internal sealed class TicketsListSettings : JsonSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("open or closed.")]
    public string? Status { get; init; }

    [CommandOption("--channel <NAME>")]
    public string? Channel { get; init; }

    [CommandOption("--overdue")]
    [Description("Open, not suspended, past their due date.")]
    public bool Overdue { get; init; }

    [CommandOption("--due-before <DATE>")]
    [Description("Due before this date or instant (e.g. 2026-12-01 or 2026-12-01T12:00+01:00).")]
    public string? DueBefore { get; init; }

    [CommandOption("--sender <TEXT>")]
    [Description("The sender's e-mail, fiscal code, or phone or fax number as written (\"0862 123456\"): a citizen who calls without the number.")]
    public string? Sender { get; init; }

    [CommandOption("--review")]
    [Description("Flagged for an operator's look and not yet marked reviewed (tickets reviewed NUMBER).")]
    public bool Review { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most N tickets, the earliest arrivals first unless --newest (default 1000).")]
    public int? Limit { get; init; }

    [CommandOption("--newest")]
    [Description("The latest arrivals first; --after then pages back in time (give --newest with it again).")]
    public bool Newest { get; init; }

    [CommandOption("--after <NUMBER>")]
    [Description("The next page: the tickets after this one (the last of the page before, as the list says when there are more).")]
    public string? After { get; init; }

    [CommandOption("--received-from <DATE>")]
    [Description("Received on or after this date or instant.")]
    public string? ReceivedFrom { get; init; }

    [CommandOption("--received-before <DATE>")]
    [Description("Received before this date or instant (a date: before that day begins).")]
    public string? ReceivedBefore { get; init; }

    public override ValidationResult Validate()
    {
        if (Status is not null && !Status.Equals("open", StringComparison.OrdinalIgnoreCase) && !Status.Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--status: '{Status}' is not open or closed.");
        }

        if (Limit is < 1)
        {
            return ValidationResult.Error($"--limit: {Limit} is not a number of tickets (1 or more).");
        }

        foreach (var (option, value) in new[] { ("--due-before", DueBefore), ("--received-from", ReceivedFrom), ("--received-before", ReceivedBefore) })
        {
            if (value is not null && !CliDates.IsValid(value))
            {
                return ValidationResult.Error($"{option}: '{value}' is not a date (yyyy-MM-dd) or an ISO 8601 instant.");
            }
        }

        return ValidationResult.Success();
    }
}
