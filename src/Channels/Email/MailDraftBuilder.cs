using System.Globalization;
using System.Text;
using ContactCenter.Channels.Email.Salvage;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Reads a parsed message into a ticket draft (everything but the archive writes, which need I/O). On a PEC channel the
/// provider's envelope is opened: the citizen's own message (postacert.eml) gives sender, subject, text and threading,
/// and the envelope's certification data is kept as an attachment and in the metadata.
/// </summary>
internal sealed class MailDraftBuilder(MailNormalizerOptions options, MailAddressRules addresses)
{
    private readonly MimeAttachmentCollector collector = new(options.MaxAttachments);
    private readonly AutomaticMailDetector detector = new(addresses);

    public (TicketDraft Draft, MimeContents Contents) Build(InboundItem item, MimeMessage envelope, MailSalvageReport? salvage = null)
    {
        var pec = item.Channel == ChannelKind.Pec ? PecEnvelope.Read(envelope) : null;
        var message = pec?.Original?.Message ?? envelope;
        var contents = collector.Collect(message);
        // Composed before the PEC parts join the attachments: postacert.eml is the message itself, not one forwarded in it.
        var body = ComposeBody(contents);
        AddPecParts(pec, contents);
        var from = SenderSalvage.From(message, out var fromRepair);
        if (fromRepair is not null)
        {
            salvage?.Repaired(fromRepair);
        }

        var fromAddress = string.IsNullOrWhiteSpace(from?.Address) ? null : from.Address.Trim();
        var verdict = pec is { Kind: PecEnvelopeKind.Receipt }
            ? new AutomaticMailVerdict(AutomaticMailKind.AutoReply, $"PEC receipt ({PecEnvelope.ReceiptHeader}: {pec.Detail})")
            : detector.Detect(message, fromAddress);
        var subject = SingleLine(message.Subject) ?? "";

        var draft = new TicketDraft
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            // Only a certified envelope is PEC. Ordinary mail that reached the PEC mailbox is not certified, whether
            // the provider wrapped it ("anomalia") or delivered it as it was: both count as e-mail in the statistics.
            Channel = item.Channel == ChannelKind.Pec && pec?.Kind is not (PecEnvelopeKind.Certified or PecEnvelopeKind.Receipt)
                ? ChannelKind.Email : item.Channel,
            ReceivedAt = item.ReceivedAt,
            Sender = new Party { DisplayName = SingleLine(from?.Name), Email = fromAddress },
            ReplyAddress = verdict.Kind == AutomaticMailKind.None ? ChooseReplyAddress(message, fromAddress) : null,
            Subject = subject,
            TextBody = body.Text,
            HtmlBody = body.Html,
            Language = LanguageGuesser.Guess(subject + "\n" + body.Text),
            MessageId = NullIfBlank(message.MessageId),
            InReplyTo = NullIfBlank(message.InReplyTo),
            References = [.. message.References],
            AutomaticMail = verdict.Kind,
            AutomaticMailReason = verdict.Reason,
            Metadata = new Dictionary<string, string>(item.Metadata),
        };

        if (message.Date != DateTimeOffset.MinValue)
        {
            draft.Metadata["mail.date"] = message.Date.ToString("O", CultureInfo.InvariantCulture);
        }

        AddPecMetadata(pec, envelope, draft.Metadata);
        if (body.Truncated)
        {
            draft.Metadata["mail.bodyTruncated"] = "true";
        }

        if (contents.Problems.Count > 0)
        {
            draft.NeedsReview = true;
            draft.ReviewReason = string.Join("; ", contents.Problems);
        }

        return (draft, contents);
    }

    private static void AddPecParts(PecEnvelope? pec, MimeContents contents)
    {
        if (pec?.Original is { } original)
        {
            contents.Attachments.Add(PendingAttachment.ForMessage(original, contents.Attachments.Count + 1) with { FileName = "postacert.eml" });
        }

        if (pec?.CertificationData is { } data)
        {
            contents.Attachments.Add(PendingAttachment.ForPart(data, contents.Attachments.Count + 1));
        }
    }

    private static void AddPecMetadata(PecEnvelope? pec, MimeMessage envelope, Dictionary<string, string> metadata)
    {
        if (pec is null)
        {
            return;
        }

        metadata["pec.envelope"] = pec.Kind == PecEnvelopeKind.Receipt ? $"ricevuta {pec.Detail}" : pec.Detail;
        if (envelope.From.Mailboxes.FirstOrDefault()?.Address is { } provider)
        {
            metadata["pec.from"] = provider;
        }

        if (pec.CertificationData is not { } data)
        {
            return;
        }

        try
        {
            foreach (var (key, value) in PecCertificationData.Read(data))
            {
                metadata[key] = value;
            }
        }
        catch (System.Xml.XmlException ex)
        {
            metadata["pec.daticertError"] = ex.Message;
        }
    }

    private MailBody ComposeBody(MimeContents contents)
    {
        var body = MailBody.Compose(contents, options.MaxBodyChars);
        var forwarded = contents.Attachments.Select(a => a.Entity).OfType<MessagePart>().Select(p => p.Message).FirstOrDefault(m => m is not null);
        if (body.Text.Length > 0 || forwarded is null)
        {
            return body;
        }

        // Forwarded "as attachment" without a word of its own: the forwarded text is what the ticket is about.
        var inner = MailBody.Compose(MimeAttachmentCollector.Read(forwarded), options.MaxBodyChars);
        return body with { Text = inner.Text, Truncated = body.Truncated || inner.Truncated };
    }

    /// <summary>Reply-To before From, skipping what cannot or must not receive mail (no-reply, our own mailboxes).</summary>
    private string? ChooseReplyAddress(MimeMessage message, string? fromAddress) =>
        message.ReplyTo.Mailboxes.Select(m => m.Address?.Trim())
            .Append(fromAddress)
            .FirstOrDefault(a => MailAddressRules.IsDeliverable(a) && !addresses.IsNoReply(a) && !addresses.IsOwn(a));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Folded or hostile header text made fit for one line: no controls, no bidi overrides (name spoofing).</summary>
    private static string? SingleLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F'))
            {
                builder.Append(c);
            }
        }

        var result = builder.ToString().Trim();
        return result.Length == 0 ? null : result;
    }
}
