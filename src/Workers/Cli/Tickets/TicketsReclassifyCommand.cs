using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// <c>contactcenter tickets reclassify NUMBER --level 1|2 [--category X] --reason TEXT</c>: a backoffice correction,
/// recorded in the history (and <see cref="Classification.IsCorrection"/>); a new level moves the due date.
/// </summary>
internal sealed class TicketsReclassifyCommand(CliContext context) : AsyncCommand<TicketsReclassifySettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsReclassifySettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var now = session.Get<TimeProvider>().GetUtcNow();
            var mode = await session.Get<ITicketStore>().GetModeAsync(cancellationToken).ConfigureAwait(false);
            var planner = session.Get<DueDatePlanner>();
            var clock = session.Get<SlaClock>();
            return await TicketUpdate.ApplyAsync(context, session, settings.Number, ticket =>
            {
                var old = ticket.Classification;
                var level = (ServiceLevel)settings.Level;
                ticket.Classification = new Classification
                {
                    Level = level,
                    Category = settings.Category ?? old.Category,
                    Office = old.Office,
                    Priority = old.Priority,
                    RuleName = "correction",
                    Matches = [settings.Reason.Trim(), $"was level {(int)old.Level}, {old.Category} (rule {old.RuleName})"],
                    IsCorrection = true,
                };
                var events = new List<TicketEvent>
                {
                    new()
                    {
                        At = now, Kind = TicketEventKind.Reclassified, Actor = TicketUpdate.Actor,
                        Detail = $"level {(int)old.Level} -> {settings.Level}, {old.Category} -> {ticket.Classification.Category}: {settings.Reason.Trim()}",
                    },
                };
                if (level != old.Level)
                {
                    var oldDue = ticket.DueAt;
                    ticket.DueAt = Replanned(ticket, planner, clock, mode);
                    events.Add(new TicketEvent
                    {
                        At = now, Kind = TicketEventKind.DueDateChanged, Actor = TicketUpdate.Actor,
                        Detail = $"due date moved from {CliDates.Local(oldDue)} to {CliDates.Local(ticket.DueAt)} (new level)",
                    });
                }

                return events;
            }, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The due date of the new level from the original arrival, moved by every finished suspension.</summary>
    private static DateTimeOffset Replanned(Ticket ticket, DueDatePlanner planner, SlaClock clock, ServiceMode mode)
    {
        var due = planner.Plan(ticket.Classification.Level, ticket.Channel, ticket.ReceivedAt, mode).DueAt;
        var policy = planner.PolicyFor(ticket.Classification.Level, ticket.Channel, mode);
        foreach (var suspension in ticket.Suspensions.Where(s => s.Until is not null))
        {
            due = clock.MovedDueDate(due, suspension.From, suspension.Until!.Value, policy, mode);
        }

        return due;
    }
}
