using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary>The operators' corrections (<c>tickets reclassify</c>) as labelled requests, for training and evaluating.</summary>
internal static class OperatorCorrections
{
    /// <summary>Through the running service when there is one, else from the store; none when no store exists yet.</summary>
    public static async Task<List<LabelledRequest>> ReadAsync(CliSession session, CancellationToken cancellationToken)
    {
        IBackofficeClient client;
        try
        {
            client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            return []; // a first model, trained before the service has made any ticket (the manifest says 0 corrections)
        }

        await using var _ = client;
        // Corrections can be on any ticket of any year: all of them, not a list's default page, and only them.
        var tickets = await client.ListTicketsAsync(new TicketFilter { Corrected = true, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        return LabelledRequest.FromCorrections(tickets);
    }
}
