using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// A voicemail notification (Channel Voicemail, content <c>message/rfc822</c>) becomes a ticket with the caller as
/// sender and the recording attached. A message shorter than <see cref="VoicemailOptions.MinDuration"/>, or the
/// PBX's test, opens none: it is rejected with the reason, so the pipeline sets it aside in quarantine (never dropped).
/// </summary>
internal sealed partial class VoicemailNormalizer(
    IContentArchive archive,
    IOptions<VoicemailOptions> options,
    IOptions<MailNormalizerOptions> mail,
    ILogger<VoicemailNormalizer> logger) : IItemNormalizer
{
    private readonly MimeMessageLoader loader = new(mail.Value);

    public bool CanNormalize(InboundItem item) =>
        item.Channel == ChannelKind.Voicemail && item.OriginalContentType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase);

    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await NormalizeCoreAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (InboundItemRejectedException ex)
        {
            VoicemailLog.SetAside(logger, item.SourceKey, ex.Message);
            throw;
        }
    }

    private async Task<TicketDraft> NormalizeCoreAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var spool = await MessageSpool.CreateAsync(item, mail.Value.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        await using (spool.ConfigureAwait(false))
        {
            var parseStream = spool.OpenRead();
            await using (parseStream.ConfigureAwait(false))
            {
                var parsed = loader.Load(parseStream, cancellationToken);
                var message = parsed.Message;
                var notice = VoicemailNoticeParser.Parse(message.Headers, message.Subject, message.TextBody);
                var parts = VoicemailAudio.Select(message);
                if (notice.Format == VoicemailFormat.Generic)
                {
                    notice = Generic(notice, message, parts);
                }

                var audio = new List<(MimePart Part, byte[] Bytes, string ContentType)>(parts.Count);
                foreach (var part in parts)
                {
                    audio.Add(await DecodeAsync(part, cancellationToken).ConfigureAwait(false));
                }

                var measured = audio.Select(a => AudioDuration.Measure(a.Bytes, a.ContentType)).FirstOrDefault(d => d is not null);
                var duration = notice.Duration ?? measured ?? (audio.Count > 0 && audio.All(a => a.Bytes.Length == 0) ? TimeSpan.Zero : null);
                SetAsideIfNotAMessage(message.Subject, duration);

                var original = await StoreOriginalAsync(spool, cancellationToken).ConfigureAwait(false);
                var recordings = new List<VoicemailRecording>(audio.Count);
                foreach (var (part, bytes, contentType) in audio)
                {
                    // A recording is in the original already (base64, a third larger): read from there, not archived again.
                    var stored = await AttachmentArchiver.RecordDecodedAsync(archive, bytes, parsed.SliceOf(part.Content, original), VoicemailAudio.FileName(part), contentType,
                        cancellationToken).ConfigureAwait(false);
                    recordings.Add(new VoicemailRecording(stored, AudioDuration.Measure(bytes, contentType)));
                }

                VoicemailLog.Read(logger, item.SourceKey, notice.Format, notice.Mailbox ?? "-", (int)(duration?.TotalSeconds ?? -1), recordings.Count);
                return VoicemailDraftBuilder.Build(item, notice, duration, recordings, original, message.MessageId);
            }
        }
    }

    /// <summary>The generic form needs a recording; the caller's number is any valid number in the subject, else the body.</summary>
    private static VoicemailNotice Generic(VoicemailNotice notice, MimeMessage message, IReadOnlyList<MimePart> parts)
    {
        if (parts.Count == 0)
        {
            throw new InboundItemRejectedException(
                $"Not a voicemail notification: \"{message.Subject}\" has no X-Asterisk-VM headers and no audio attachment " +
                $"({message.Attachments.Count()} attachments).");
        }

        return notice.CallerNumber is null
            ? notice with { CallerNumber = VoicemailNoticeParser.FirstPhoneNumber(message.Subject) ?? VoicemailNoticeParser.FirstPhoneNumber(message.TextBody) }
            : notice;
    }

    private void SetAsideIfNotAMessage(string? subject, TimeSpan? duration)
    {
        var min = options.Value.MinDuration;
        var shown = duration is { } d ? VoicemailDraftBuilder.FormatDuration(d) : "unknown";
        if (TestSubject().IsMatch(subject ?? "") && (duration is null || duration < min))
        {
            throw new InboundItemRejectedException(
                $"The PBX's test notification (\"{subject}\", duration {shown}): no ticket; discard it once seen.");
        }

        if (duration is { } length && length < min)
        {
            throw new InboundItemRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"Empty voicemail: {length.TotalSeconds:0.#} s, under {VoicemailOptions.SectionName}:MinDuration ({min.TotalSeconds:0.#} s); no ticket. Listen to the archived original and discard it, or retry after lowering MinDuration."));
        }
    }

    private static async Task<(MimePart Part, byte[] Bytes, string ContentType)> DecodeAsync(MimePart part, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (part.Content is { } content)
        {
            await content.DecodeToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        var bytes = buffer.ToArray();
        return (part, bytes, VoicemailAudio.ContentType(bytes.AsSpan(0, Math.Min(bytes.Length, 16)), VoicemailAudio.FileName(part), part.ContentType.MimeType));
    }

    private async Task<TicketAttachment> StoreOriginalAsync(MessageSpool spool, CancellationToken cancellationToken)
    {
        var original = spool.OpenRead();
        await using (original.ConfigureAwait(false))
        {
            return await archive.StoreAsync(original, "voicemail.eml", "message/rfc822", cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"\b(?:test|prova)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestSubject();
}
