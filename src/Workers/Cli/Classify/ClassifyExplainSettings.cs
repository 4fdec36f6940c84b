using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal sealed class ClassifyExplainSettings : JsonSettings
{
    [CommandOption("--text <TEXT>")]
    [Description("The request's body.")]
    public string Text { get; init; } = "";

    [CommandOption("--subject <SUBJECT>")]
    public string? Subject { get; init; }

    [CommandOption("--sender <ADDRESS>")]
    public string? Sender { get; init; }

    [CommandOption("--channel <KIND>")]
    [Description("Email (default), Pec, Fax, Postal or WebForm.")]
    public string Channel { get; init; } = "Email";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Subject) ? ValidationResult.Error("--text or --subject: give the request to classify.")
        : !Enum.TryParse<Core.Tickets.ChannelKind>(Channel, ignoreCase: true, out _) ? ValidationResult.Error($"--channel: '{Channel}' is not Email, Pec, Fax, Postal or WebForm.")
        : ValidationResult.Success();
}
