using ContactCenter.Core.Intake;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Receipts;

/// <summary>A policy over the real LiteDB store in a temporary folder, with a fake clock; drafts look like a citizen's ordinary e-mail.</summary>
internal sealed class ReceiptPolicyHarness : IDisposable
{
    public ReceiptPolicyHarness(DateTimeOffset now, Action<ReceiptOptions>? configure = null)
    {
        Time = new FakeTimeProvider(now);
        Store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = Data.Path }, Time);
        configure?.Invoke(Options);
        Policy = NewPolicy();
    }

    public TempDirectory Data { get; } = new("cc-policy");

    public FakeTimeProvider Time { get; }
    public ITicketStore Store { get; }
    public ReceiptPolicy Policy { get; }

    public ReceiptOptions Options { get; } = new()
    {
        From = "Contact Center Protezione Civile <contactcenter@protezionecivile.example.it>",
        OwnAddresses = ["urp@protezionecivile.example.it", "@regione.example.it"],
    };

    public TicketDraft Draft(string? replyAddress = "mario.rossi@example.org", AutomaticMailKind automatic = AutomaticMailKind.None,
        TimeSpan? age = null) => new()
    {
        SourceKey = $"imap:test/INBOX/1/{Guid.NewGuid():N}",
        ChannelName = "posta",
        Channel = ChannelKind.Email,
        ReceivedAt = Time.GetUtcNow() - (age ?? TimeSpan.FromMinutes(1)),
        ReplyAddress = replyAddress,
        Subject = "Richiesta",
        AutomaticMail = automatic,
    };

    /// <summary>A policy as a freshly started process has it (the one-shot <c>ingest --once</c>).</summary>
    public ReceiptPolicy NewPolicy() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<ReceiptPolicy>.Instance);

    public ValueTask<ReceiptDecision> DecideAsync(TicketDraft draft) => Policy.DecideAsync(draft, CancellationToken.None);

    /// <summary>
    /// Decides and dispatches the drafts as the pipeline does (one batch) and returns, per draft, whether the store
    /// queued a receipt and the ticket's receipt event (null when the draft opened no ticket: a follow-up).
    /// </summary>
    public async Task<IReadOnlyList<(bool Queued, string? Detail)>> DecideAndStoreAsync(ReceiptPolicy policy, params TicketDraft[] drafts)
    {
        var requests = new List<DispatchRequest>();
        foreach (var draft in drafts)
        {
            var decision = await policy.DecideAsync(draft, CancellationToken.None);
            requests.Add(new DispatchRequest
            {
                Draft = draft,
                Classification = new Classification(),
                ClockStartedAt = draft.ReceivedAt,
                DueAt = draft.ReceivedAt.AddDays(7),
                ReceiptTo = decision.To,
                ReceiptSuppressedReason = decision.SuppressedReason,
                ReceiptLimit = decision.Limit,
            });
        }

        var results = new List<(bool, string?)>();
        foreach (var outcome in await Store.DispatchAsync(requests, CancellationToken.None))
        {
            var ticket = outcome.Kind == DispatchOutcomeKind.Created ? await Store.GetAsync(outcome.TicketNumber!, CancellationToken.None) : null;
            var receipt = ticket?.History.Last(e => e.Kind is TicketEventKind.ReceiptQueued or TicketEventKind.ReceiptSuppressed);
            results.Add((receipt?.Kind == TicketEventKind.ReceiptQueued, receipt?.Detail));
        }

        return results;
    }

    /// <summary>One draft through the harness's own policy (the long-running service's).</summary>
    public async Task<(bool Queued, string? Detail)> StoreAsync(TicketDraft draft) => (await DecideAndStoreAsync(Policy, draft)).Single();

    public void Dispose()
    {
        Store.Dispose();
        Data.Dispose();
    }
}
