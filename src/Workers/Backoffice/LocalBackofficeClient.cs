using ContactCenter.Channels.Email;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The backoffice acts on the store of this process: inside the running service (behind the control endpoint), or in
/// a CLI verb when no service answered. In the latter case a store held by another process is reported as such.
/// </summary>
internal sealed class LocalBackofficeClient : IBackofficeClient
{
    private readonly ITicketStore store;
    private readonly TicketChanges changes;
    private readonly StatusReporter status;
    private readonly IServiceProvider services;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly bool inService;
    private readonly string? unansweredEndpoint;

    public LocalBackofficeClient(IServiceProvider services, bool inService, string? unansweredEndpoint = null)
    {
        this.services = services;
        this.inService = inService;
        this.unansweredEndpoint = unansweredEndpoint;
        store = services.GetRequiredService<ITicketStore>();
        time = services.GetRequiredService<TimeProvider>();
        logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<LocalBackofficeClient>();
        status = ActivatorUtilities.CreateInstance<StatusReporter>(services);
        changes = new TicketChanges(time, services.GetService<SlaClock>(), services.GetService<DueDatePlanner>(),
            services.GetService<IOptions<RoutingOptions>>()?.Value);
        Description = "store " + status.StorePath;
    }

    public string Description { get; }

    public Task<ServiceStatusReport> GetStatusAsync(CancellationToken cancellationToken) =>
        Guard(() => status.BuildAsync(inService, cancellationToken));

    public Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketFilter filter, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var after = filter.After is { } number
                ? TicketCursor.Of(await store.GetAsync(number.Trim(), cancellationToken).ConfigureAwait(false) ?? throw new UnknownTicketException(number))
                : null;
            return await store.QueryAsync(new TicketQuery
            {
                Status = filter.Status,
                ChannelName = filter.Channel,
                OverdueAt = filter.Overdue ? time.GetUtcNow() : null,
                DueBefore = filter.DueBefore,
                NeedsReview = filter.Review,
                Corrected = filter.Corrected,
                Sender = string.IsNullOrWhiteSpace(filter.Sender) ? null : filter.Sender,
                SenderPhone = Channels.Paper.ItalianPhoneNumber.ToE164(filter.Sender),
                Limit = filter.Limit,
                ReceivedFrom = filter.ReceivedFrom,
                ReceivedTo = filter.ReceivedBefore,
                After = after,
                NewestFirst = filter.NewestFirst,
            }, cancellationToken).ConfigureAwait(false);
        });

    public Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken) =>
        Guard(() => store.GetAsync(number.Trim(), cancellationToken));

    public Task<ArchivedFile?> OpenTicketFileAsync(string number, string sha256, CancellationToken cancellationToken) =>
        Guard(async () => await store.GetAsync(number.Trim(), cancellationToken).ConfigureAwait(false) is { } ticket && TicketFiles.Find(ticket, sha256) is { } file
            ? await OpenArchivedAsync($"Ticket {ticket.Number}", file, cancellationToken).ConfigureAwait(false)
            : null);

    public Task<TicketOpenResult> OpenTicketAsync(TicketOpenRequest request, CancellationToken cancellationToken) =>
        Guard(() => new TicketOpening(services, store, time, logger).OpenAsync(request, cancellationToken));

    public Task<TicketChangeResult> ChangeTicketAsync(string number, TicketAction action, TicketChange change, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            if (TicketChanges.Missing(action, change) is { } missing)
            {
                return new TicketChangeResult(BackofficeOutcome.Invalid, missing);
            }

            var mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
            var result = await ChangeAsync(number, action, change, mode, cancellationToken).ConfigureAwait(false);
            BackofficeLog.TicketAct(logger, number, action, change.Actor, result.Outcome);
            return result;
        });

    public Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) => Guard(() => store.GetModeAsync(cancellationToken));

    public Task<ModeChangeResult> SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var previous = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
            if (previous != mode)
            {
                await store.SetModeAsync(mode, actor, cancellationToken).ConfigureAwait(false);
                BackofficeLog.ModeSet(logger, mode, actor, previous);
            }

            return new ModeChangeResult(previous, mode);
        });

    public Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) =>
        Guard(() => store.ListQuarantineAsync(includeResolved, cancellationToken));

    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) =>
        Guard(() => store.GetQuarantineAsync(id, cancellationToken));

    public Task<QuarantineActionResult> RetryQuarantineAsync(int id, string actor, CancellationToken cancellationToken) =>
        Guard(() => Quarantine().RetryAsync(id, actor, cancellationToken));

    public Task<QuarantineActionResult> DiscardQuarantineAsync(int id, string reason, string actor, CancellationToken cancellationToken) =>
        Guard(() => Quarantine().DiscardAsync(id, reason, actor, cancellationToken));

    public Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken) =>
        Guard(() => store.ListSpamAsync(includeResolved, cancellationToken));

    public Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken) =>
        Guard(() => store.GetSpamAsync(id, cancellationToken));

    public Task<ArchivedFile?> OpenQuarantineOriginalAsync(int id, CancellationToken cancellationToken) =>
        Guard(async () => await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false) is { Original: { } original }
            ? await OpenArchivedAsync($"Quarantined item {id}", original, cancellationToken).ConfigureAwait(false)
            : null);

    public Task<ArchivedFile?> OpenSpamOriginalAsync(int id, CancellationToken cancellationToken) =>
        Guard(async () => await store.GetSpamAsync(id, cancellationToken).ConfigureAwait(false) is { Original: { } original }
            ? await OpenArchivedAsync($"Spam item {id}", original, cancellationToken).ConfigureAwait(false)
            : null);

    public Task<SpamActionResult> ReleaseSpamAsync(int id, string actor, CancellationToken cancellationToken) =>
        Guard(() => ActivatorUtilities.CreateInstance<SpamActions>(services).ReleaseAsync(id, actor, cancellationToken));

    public Task<SpamActionResult> ConfirmSpamAsync(int id, string actor, CancellationToken cancellationToken) =>
        Guard(() => ActivatorUtilities.CreateInstance<SpamActions>(services).ConfirmAsync(id, actor, cancellationToken));

    public Task<TicketStatistics> GetStatisticsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var zone = services.GetRequiredService<BusinessCalendar>().Zone;
            // A day of margin either side: the calculator cuts the period on local dates.
            var tickets = await store.ListTicketFactsAsync(
                from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1) : null,
                to is { } t ? new DateTimeOffset(t.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2) : null,
                cancellationToken).ConfigureAwait(false);
            var spam = await store.ListSpamAsync(includeResolved: true, cancellationToken).ConfigureAwait(false);
            return StatisticsCalculator.Compute(tickets, from, to, time.GetUtcNow(), zone) with
            {
                Spam = spam.Count(r => r.Status != SpamStatus.Released && InPeriod(r.ReceivedAt, from, to, zone)),
            };
        });

    public Task<Stream> OpenStoreSnapshotAsync(CancellationToken cancellationToken) =>
        Guard(() => StoreSnapshots.OpenAsync(store, Path.GetDirectoryName(status.StorePath)!, time, cancellationToken));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<TicketChangeResult> ChangeAsync(string number, TicketAction action, TicketChange change, ServiceMode mode,
        CancellationToken cancellationToken)
    {
        try
        {
            var updated = await store.UpdateAsync(number.Trim(), ticket =>
            {
                var events = changes.Apply(ticket, action, change, mode);
                ticket.History.AddRange(events.Take(events.Count - 1));
                return events[^1];
            }, cancellationToken).ConfigureAwait(false);
            return updated is null
                ? new TicketChangeResult(BackofficeOutcome.NotFound, $"No ticket {number}.")
                : new TicketChangeResult(BackofficeOutcome.Done, $"{updated.Number}: {updated.History[^1].Kind} - {updated.History[^1].Detail}", updated);
        }
        catch (InvalidOperationException ex)
        {
            return new TicketChangeResult(BackofficeOutcome.Refused, ex.Message);
        }
    }

    private static bool InPeriod(DateTimeOffset at, DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return (from is null || day >= from) && (to is null || day <= to);
    }

    private async Task<ArchivedFile> OpenArchivedAsync(string owner, TicketAttachment file, CancellationToken cancellationToken)
    {
        var archive = services.GetRequiredService<IContentArchive>();
        try
        {
            // The database archive reads synchronously: not on the caller's thread.
            return new ArchivedFile(file, await Task.Run(() => OriginalSliceReader.OpenRead(archive, file), cancellationToken).ConfigureAwait(false));
        }
        catch (FileNotFoundException ex)
        {
            // An attachment kept in its original is missing when that original is: name the file that is gone.
            var missing = file.InOriginal?.Sha256 ?? file.Sha256;
            BackofficeLog.ArchivedFileMissing(logger, owner, missing);
            throw new ArchivedFileMissingException(owner, missing, ex);
        }
        catch (InvalidDataException ex)
        {
            BackofficeLog.ArchivedFileDamaged(logger, owner, ex.Message);
            throw new ArchivedFileDamagedException(owner, ex.Message, ex);
        }
    }

    private QuarantineActions Quarantine() => ActivatorUtilities.CreateInstance<QuarantineActions>(services);

    private async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (TicketStoreInUseException ex) when (!inService)
        {
            throw new StoreUnreachableException(ex.DatabasePath, unansweredEndpoint, ex);
        }
    }
}
