using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Acknowledgement;

/// <summary>The real LiteDB store in a temporary folder, a real SMTP listener on loopback and the receipt parts wired as the host wires them.</summary>
internal sealed class ReceiptHarness : IAsyncDisposable
{
    // Tuesday 1 December 2026, 10:30 in Rome.
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private ReceiptHarness(SmtpTestServer smtp)
    {
        Smtp = smtp;
        Store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = Data.Path }, Time);
        SmtpOptions = new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) };
    }

    public TempDirectory Data { get; } = new("cc-receipts");
    public FakeTimeProvider Time { get; } = new(Start);
    public SmtpTestServer Smtp { get; }
    public ITicketStore Store { get; private set; }
    public SmtpOptions SmtpOptions { get; }

    public ReceiptOptions Options { get; } = new()
    {
        From = "Contact Center Protezione Civile <contactcenter@protezionecivile.example.it>",
        RetryBackoff = new RetryBackoffOptions { Initial = TimeSpan.FromSeconds(30), Max = TimeSpan.FromMinutes(30) },
    };

    public static async Task<ReceiptHarness> StartAsync(SmtpTestServer? smtp = null) =>
        new(smtp ?? await SmtpTestServer.StartNewAsync());

    public OutboxSender NewSender(
        ITicketStore? store = null, ContactCenter.Core.Diagnostics.IngestMetrics? metrics = null, RecordingLogger? logger = null)
    {
        var composer = new ReceiptComposer(Microsoft.Extensions.Options.Options.Create(Options), store ?? Store, Time, new TemplateFileCache());
        return new OutboxSender(store ?? Store, composer, Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(SmtpOptions), Time,
            logger is null ? NullLogger<OutboxSender>.Instance : new TypedRecordingLogger<OutboxSender>(logger), metrics);
    }

    /// <summary>Stores a new ticket from a citizen's e-mail with a receipt queued, as the dispatcher does.</summary>
    public async Task<Ticket> OpenTicketAsync(string subject = "Richiesta informazioni sul piano di emergenza comunale",
        string messageId = "CAFx1=citizen-42@mail.example.org", string to = "mario.rossi@example.org", ServiceMode mode = ServiceMode.Ordinary,
        params string[] references)
    {
        var draft = new TicketDraft
        {
            SourceKey = $"imap:test/INBOX/1/{Guid.NewGuid():N}",
            ChannelName = "pec-urp",
            Channel = ChannelKind.Email,
            ReceivedAt = Time.GetUtcNow().AddMinutes(-5),
            Sender = new Party { DisplayName = "Mario Rossi", Email = to },
            ReplyAddress = to,
            Subject = subject,
            TextBody = "Buongiorno, vorrei sapere dove trovare il piano di emergenza del mio comune.",
            MessageId = messageId,
            References = [.. references],
        };
        var request = new DispatchRequest
        {
            Draft = draft,
            Classification = new Classification { Level = ServiceLevel.First, Category = "altro" },
            ClockStartedAt = Time.GetUtcNow(),
            DueAt = new DateTimeOffset(2026, 12, 11, 17, 0, 0, TimeSpan.FromHours(1)),
            Mode = mode,
            ReceiptTo = to,
        };
        var outcome = (await Store.DispatchAsync([request], CancellationToken.None)).Single();
        return (await Store.GetAsync(outcome.TicketNumber!, CancellationToken.None))!;
    }

    /// <summary>Closes the store and opens its file again, as a restarted service does.</summary>
    public void ReopenStore()
    {
        Store.Dispose();
        Store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = Data.Path }, Time);
    }

    /// <summary>Unsent rows, whether due now or waiting for their next attempt.</summary>
    public Task<IReadOnlyList<OutboxMessage>> PendingRowsAsync() =>
        Store.GetDueOutboxAsync(Time.GetUtcNow().AddYears(100), 100, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        Store.Dispose();
        Data.Dispose();
    }
}
