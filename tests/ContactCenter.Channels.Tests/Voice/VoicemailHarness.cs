using ContactCenter.Channels.Email;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Channels.Voice;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Channels.Tests.Voice;

/// <summary>The voicemail normaliser over a real archive in a temp folder, and items made of test notifications.</summary>
internal sealed class VoicemailHarness : IDisposable
{
    private readonly TempDirectory folder = new("cc-voicemail");

    public VoicemailHarness(TimeSpan? minDuration = null)
    {
        Archive = ContentArchives.InFolder(folder.Combine("archive"));
        Normalizer = new VoicemailNormalizer(
            Archive,
            Options.Create(new VoicemailOptions { MinDuration = minDuration ?? TimeSpan.FromSeconds(3) }),
            Options.Create(new MailNormalizerOptions()),
            NullLogger<VoicemailNormalizer>.Instance);
    }

    public IContentArchive Archive { get; }

    public VoicemailNormalizer Normalizer { get; }

    public static InboundItem Item(MimeMessage message)
    {
        var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var content = bytes.ToArray();
        return new InboundItem
        {
            SourceKey = $"file:segreteria/{Guid.NewGuid():N}",
            ChannelName = "segreteria",
            Channel = ChannelKind.Voicemail,
            ReceivedAt = new DateTimeOffset(2026, 12, 2, 9, 16, 0, TimeSpan.Zero),
            OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(content, writable: false)),
            Length = content.Length,
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
        };
    }

    public Task<TicketDraft> NormalizeAsync(MimeMessage message) => Normalizer.NormalizeAsync(Item(message), CancellationToken.None);

    public byte[] Read(TicketAttachment attachment) => AttachmentBytes.Read(Archive, attachment);

    public void Dispose() => folder.Dispose();
}
