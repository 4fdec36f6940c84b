using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Cli.Quarantine;
using ContactCenter.Workers.Cli.Stats;
using ContactCenter.Workers.Cli.Status;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>The admin verbs of issue 5: status, quarantine, stats and channels check.</summary>
internal static class OperationsCommands
{
    public static void Add(IConfigurator config)
    {
        config.AddCommand<StatusCommand>("status")
            .WithDescription("Per channel: last poll, last error, items today; quarantine and outbox sizes, store size and mode.");
        QuarantineBranch.Add(config);
        Spam.SpamBranch.Add(config);
        config.AddCommand<StatsCommand>("stats")
            .WithDescription("Received, open and answered requests; --json for machines, --html DIR for the public page.")
            .WithExample("stats", "--from", "2026-01-01", "--to", "2026-03-31", "--html", "/var/www/statistiche");
        ChannelsBranch.Add(config);
        config.AddCommand<Health.HealthCommand>("health")
            .WithDescription("Ask the running service's /health (exit 0 when healthy): a container's HEALTHCHECK.");
        Store.StoreBranch.Add(config);
    }
}
