using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>The ticket verbs that need the routing rules and the SLA clock.</summary>
internal static class TicketsBranch
{
    public static void AddRoutingCommands(IConfigurator<CommandSettings> tickets)
    {
    }
}
