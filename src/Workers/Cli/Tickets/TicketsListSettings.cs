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
    [Description("At most N tickets, the earliest arrivals first (default 1000).")]
    public int? Limit { get; init; }

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

        return DueBefore is not null && !CliDates.IsValid(DueBefore)
            ? ValidationResult.Error($"--due-before: '{DueBefore}' is not a date (yyyy-MM-dd) or an ISO 8601 instant.")
            : ValidationResult.Success();
    }
}
