using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

internal static class SpamBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("spam", spam =>
    {
        spam.SetDescription("Mail held as spam (no ticket, no receipt): list, show, release a false positive or confirm it.");
        spam.AddCommand<SpamListCommand>("list").WithDescription("List held spam (--all: released and confirmed too).");
        spam.AddCommand<SpamShowCommand>("show").WithDescription("Show one held item, its score and verdict.");
        spam.AddCommand<SpamSaveCommand>("save").WithDescription("Save the held message as an .eml file (hash-checked), to judge it.");
        spam.AddCommand<SpamReleaseCommand>("release").WithDescription("A false positive: open its ticket (with its receipt) and teach rspamd ham.");
        spam.AddCommand<SpamConfirmCommand>("confirm").WithDescription("Spam indeed: keep it held and teach rspamd spam.");
    });
}
