using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>An <see cref="EmailNormalizer"/> over the store's real content archive in a temp directory.</summary>
internal sealed class NormalizerHarness : IDisposable
{
    private readonly TempDirectory directory = new("cc-mailnorm");
    private int counter;

    public NormalizerHarness(Action<MailNormalizerOptions>? configure = null)
    {
        Options = new MailNormalizerOptions { OwnAddresses = ["protezionecivile.example.it", "urp@comune.example.it"] };
        configure?.Invoke(Options);
        ArchiveRoot = directory.Combine("archive");
        Archive = TicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = directory.Path, ArchivePath = ArchiveRoot });
        Normalizer = new EmailNormalizer(Archive, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<EmailNormalizer>.Instance);
    }

    public MailNormalizerOptions Options { get; }

    public IContentArchive Archive { get; }

    public string ArchiveRoot { get; }

    public EmailNormalizer Normalizer { get; }

    public InboundItem Item(byte[] raw, ChannelKind channel = ChannelKind.Email, long? length = null) => new()
    {
        SourceKey = $"test:mail/{Interlocked.Increment(ref counter)}",
        ChannelName = "segnalazioni",
        Channel = channel,
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero),
        OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(raw, writable: false)),
        Length = length,
        OriginalFileName = "message.eml",
        OriginalContentType = "message/rfc822",
        Metadata = new Dictionary<string, string> { ["imap.uid"] = "42" },
    };

    public Task<TicketDraft> NormalizeAsync(byte[] raw) => Normalizer.NormalizeAsync(Item(raw), CancellationToken.None);

    public byte[] Bytes(TicketAttachment attachment) => AttachmentBytes.Read(Archive, attachment);

    public string Text(TicketAttachment attachment) => System.Text.Encoding.UTF8.GetString(Bytes(attachment));

    public void Dispose() => directory.Dispose();
}
