using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>The ticket verbs that need the routing rules and the SLA clock.</summary>
internal static class TicketsBranch
{
    public static void AddRoutingCommands(IConfigurator<CommandSettings> tickets)
    {
        tickets.AddCommand<TicketsReclassifyCommand>("reclassify")
            .WithDescription("Correct the level and category (kept in the history for 'classify evaluate').")
            .WithExample("tickets", "reclassify", "PC-2026-000042", "--level", "2", "--category", "rischio sismico", "--reason", "serve un sopralluogo");
        tickets.AddCommand<TicketsSuspendCommand>("suspend")
            .WithDescription("Stop the answer clock while another administration's opinion is awaited.")
            .WithExample("tickets", "suspend", "PC-2026-000042", "--waiting-for", "Regione Abruzzo");
        tickets.AddCommand<TicketsResumeCommand>("resume").WithDescription("Restart the answer clock; the due date moves by the pause.");
    }
}
