using ContactCenter.Stores.PostgreSql;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Status;

/// <summary><c>status</c>'s lines on the cluster's nodes: each with its version and last check-in, and a warning when the live ones differ.</summary>
internal static class StatusNodes
{
    public static void Print(IAnsiConsole console, IReadOnlyList<ClusterNodeCheckIn> nodes)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        console.MarkupLine("Nodes: " + string.Join(", ", nodes.Select(n => n.Silent
            ? $"[yellow]{Markup.Escape(Named(n))} (silent for {StatusFormat.Age(n.Ago)}: the others take its channels)[/]"
            : $"{Markup.Escape(Named(n))} (checked in {(int)n.Ago.TotalSeconds} s ago)")));
        if (MixedVersions(nodes) is { } versions)
        {
            console.MarkupLine($"[yellow]The nodes run different versions ({Markup.Escape(versions)}): finish the upgrade. "
                + "Until then they may classify requests differently, and an older node that restarts may refuse a schema a newer one migrated.[/]");
        }
    }

    /// <summary>The live nodes' versions, when they are not all the same (a node that recorded none counts as its own).</summary>
    internal static string? MixedVersions(IReadOnlyList<ClusterNodeCheckIn> nodes)
    {
        var live = nodes.Where(n => !n.Silent).ToList();
        return live.Select(n => n.Version).Distinct(StringComparer.Ordinal).Count() > 1
            ? string.Join(", ", live.Select(Named))
            : null;
    }

    private static string Named(ClusterNodeCheckIn node) => node.Version is null ? node.Node : $"{node.Node} {node.Version}";
}
