using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Fuzz;

/// <summary>
/// The e-mail normaliser on the input bytes, with the store's real content archive in a private temp folder.
/// A rejection (quarantine with a reason) is an expected outcome; any other exception is a crash.
/// </summary>
internal sealed class MailTarget : IFuzzTarget
{
    // Every distinct input adds blobs to the archive; wiping it now and then keeps a long run's disk use flat.
    private const int RunsPerArchive = 500;

    // The archive flushes every blob to disk; on tmpfs that costs nothing, so executions are not bound by fsync.
    private readonly string root = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"cc-fuzz-mail-{Environment.ProcessId}");
    private readonly bool strict;
    private EmailNormalizer normalizer = null!;
    private IContentArchive archive = null!;
    private int runs;

    public MailTarget(bool strict)
    {
        this.strict = strict;
        Reset();
    }

    public void Run(byte[] input)
    {
        if (++runs % RunsPerArchive == 0)
        {
            Reset();
        }

        var item = new InboundItem
        {
            SourceKey = $"fuzz:mail/{runs}",
            ChannelName = "fuzz",
            Channel = ChannelKind.Email,
            ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero),
            OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(input, writable: false)),
            Length = input.Length,
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
        };
        try
        {
            var draft = normalizer.NormalizeAsync(item, CancellationToken.None).GetAwaiter().GetResult();
            DraftChecks.Verify(draft);
            DraftChecks.ReadsBack(draft, archive);
        }
        catch (InboundItemRejectedException ex) when (!strict || !Rejections.HideBug(ex))
        {
            // Quarantined with a reason: the outcome the pipeline expects for hostile input.
        }
    }

    public void Dispose() => DeleteRoot();

    private void Reset()
    {
        DeleteRoot();
        var options = new StoreOptions { DataDirectory = root };
        archive = TicketStoreFactory.OpenArchive(options);
        normalizer = new EmailNormalizer(
            archive,
            Options.Create(new MailNormalizerOptions { OwnAddresses = ["protezionecivile.example.it"] }),
            NullLogger<EmailNormalizer>.Instance);
    }

    private void DeleteRoot()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
