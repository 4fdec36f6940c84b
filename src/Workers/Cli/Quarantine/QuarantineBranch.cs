using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

internal static class QuarantineBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("quarantine", quarantine =>
    {
        quarantine.SetDescription("Items that could not become tickets: list, show, retry or discard them (a record is always kept).");
        quarantine.AddCommand<QuarantineListCommand>("list").WithDescription("List quarantined items waiting for an admin (--all: resolved ones too).");
        quarantine.AddCommand<QuarantineShowCommand>("show").WithDescription("Show one quarantined item and its reason.");
        quarantine.AddCommand<QuarantineSaveCommand>("save").WithDescription("Save the item's archived original as a file (hash-checked), to look at it.");
        quarantine.AddCommand<QuarantineRetryCommand>("retry").WithDescription("Send the item's archived original through the pipeline again.");
        quarantine.AddCommand<QuarantineDiscardCommand>("discard").WithDescription("Give up on an item, keeping the record and the reason.")
            .WithExample("quarantine", "discard", "12", "--reason", "spam");
    });
}
