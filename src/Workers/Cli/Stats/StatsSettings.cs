using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Stats;

internal sealed class StatsSettings : JsonSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First day counted (yyyy-MM-dd, local date of arrival).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day counted (yyyy-MM-dd), included.")]
    public string? To { get; init; }

    [CommandOption("--html <DIR>")]
    [Description("Also write the public page (index.html, self-contained, no personal data) into this folder.")]
    public string? Html { get; init; }

    public DateOnly? FromDate => Parse(From);

    public DateOnly? ToDate => Parse(To);

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
        {
            if (value is not null && Parse(value) is null)
            {
                return ValidationResult.Error($"{name}: '{value}' is not a date like 2026-01-31.");
            }
        }

        return FromDate > ToDate ? ValidationResult.Error("--from is after --to.") : ValidationResult.Success();
    }

    private static DateOnly? Parse(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
