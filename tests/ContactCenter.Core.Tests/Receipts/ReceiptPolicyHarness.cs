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
        Policy = new ReceiptPolicy(Microsoft.Extensions.Options.Options.Create(Options), Store, Time, NullLogger<ReceiptPolicy>.Instance);
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

    public ValueTask<ReceiptDecision> DecideAsync(TicketDraft draft) => Policy.DecideAsync(draft, CancellationToken.None);

    /// <summary>Decides and, as the dispatcher does, stores the ticket with its receipt queued when granted.</summary>
    public async Task<ReceiptDecision> DecideAndStoreAsync(TicketDraft draft)
    {
        var decision = await DecideAsync(draft);
        await Store.DispatchAsync([new DispatchRequest
        {
            Draft = draft,
            Classification = new Classification(),
            ClockStartedAt = draft.ReceivedAt,
            DueAt = draft.ReceivedAt.AddDays(7),
            ReceiptTo = decision.To,
            ReceiptSuppressedReason = decision.SuppressedReason,
        }], CancellationToken.None);
        return decision;
    }

    public void Dispose()
    {
        Store.Dispose();
        Data.Dispose();
    }
}
