using ContactCenter.Channels.Email.Salvage;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Turns an e-mail (message/rfc822, any channel but fax) into a ticket draft. The original is read once into a spool
/// (memory, or a temp file when large), parsed from there with MimeKit, archived byte for byte as message.eml, and its
/// attachments read from there (only those that exist nowhere in it are archived apart). Unparseable, oversized or
/// normaliser-breaking messages are rejected with the reason; archive (disk) failures propagate unchanged so the item
/// is retried instead of quarantined.
/// </summary>
internal sealed class EmailNormalizer : IItemNormalizer
{
    private const string OriginalFileName = "message.eml";
    private const string OriginalContentType = "message/rfc822";

    private readonly MailNormalizerOptions options;
    private readonly IContentArchive archive;
    private readonly AttachmentArchiver attachmentArchiver;
    private readonly MimeMessageLoader loader;
    private readonly MailDraftBuilder builder;
    private readonly ILogger<EmailNormalizer> logger;

    public EmailNormalizer(
        IContentArchive archive, IOptions<MailNormalizerOptions> options, ILogger<EmailNormalizer> logger, IOptions<StoreOptions>? store = null)
    {
        if (store is not null)
        {
            // Large messages are spooled under the data folder from now on; a crashed run's leftovers are removed.
            MessageSpoolFolder.Prepare(store.Value.DataDirectory);
        }

        this.options = options.Value;
        this.archive = archive;
        this.logger = logger;
        attachmentArchiver = new AttachmentArchiver(archive);
        loader = new MimeMessageLoader(this.options);
        builder = new MailDraftBuilder(this.options, new MailAddressRules(this.options));
    }

    public bool CanNormalize(InboundItem item) =>
        item.Channel is not (ChannelKind.Fax or ChannelKind.Voicemail)
        && item.OriginalContentType.Equals(OriginalContentType, StringComparison.OrdinalIgnoreCase);

    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await NormalizeCoreAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (InboundItemRejectedException ex)
        {
            EmailNormalizerLog.Rejected(logger, item.SourceKey, ex.Message);
            throw;
        }
    }

    private async Task<TicketDraft> NormalizeCoreAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var spool = await MessageSpool.CreateAsync(item, options.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        await using (spool.ConfigureAwait(false))
        {
            var parseStream = spool.OpenRead();
            await using (parseStream.ConfigureAwait(false))
            {
                var (parsed, draft, contents) = Interpret(item, parseStream, cancellationToken);
                draft.FollowUpFromStrangers = options.FollowUpFromStrangers;
                draft.Original = await StoreOriginalAsync(spool, cancellationToken).ConfigureAwait(false);
                draft.SameItemKey = draft.MessageId is null ? TicketDraft.OriginalKey(item.ChannelName, draft.Original) : null;
                foreach (var pending in contents.Attachments)
                {
                    draft.Attachments.Add(
                        await attachmentArchiver.StoreAsync(pending, parsed, parseStream, draft.Original, cancellationToken).ConfigureAwait(false));
                }

                Report(item, draft, contents, spool.Length);
                return draft;
            }
        }
    }

    private (ParsedMessage Parsed, TicketDraft Draft, MimeContents Contents) Interpret(
        InboundItem item, Stream parseStream, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = loader.Load(parseStream, cancellationToken);
            MimePartSalvage.Repair(parsed.Message, parsed.Salvage);
            var (draft, contents) = builder.Build(item, parsed.Message, parsed.Salvage);
            parsed.Salvage.ApplyTo(draft);
            return (parsed, draft, contents);
        }
        catch (Exception ex) when (ex is not (InboundItemRejectedException or OperationCanceledException or IOException))
        {
            // Whatever a hostile message does to MimeKit, AngleSharp or the sanitizer, it goes to quarantine, not up.
            EmailNormalizerLog.Failed(logger, ex, item.SourceKey);
            throw new InboundItemRejectedException($"The e-mail normaliser failed on this message: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private async Task<TicketAttachment> StoreOriginalAsync(MessageSpool spool, CancellationToken cancellationToken)
    {
        var original = spool.OpenRead();
        await using (original.ConfigureAwait(false))
        {
            var stored = await archive.StoreAsync(original, OriginalFileName, OriginalContentType, cancellationToken).ConfigureAwait(false);
            stored.FileName = OriginalFileName;
            stored.ContentType = OriginalContentType;
            return stored;
        }
    }

    private void Report(InboundItem item, TicketDraft draft, MimeContents contents, long bytes)
    {
        foreach (var problem in contents.Problems)
        {
            EmailNormalizerLog.PartProblem(logger, item.SourceKey, problem);
        }

        if (draft.Metadata.ContainsKey("mail.bodyTruncated"))
        {
            EmailNormalizerLog.BodyTruncated(logger, item.SourceKey, options.MaxBodyChars);
        }

        if (draft.AutomaticMail != AutomaticMailKind.None)
        {
            EmailNormalizerLog.AutomaticMail(logger, item.SourceKey, draft.AutomaticMail, draft.AutomaticMailReason);
        }

        EmailNormalizerLog.Normalised(logger, item.SourceKey, draft.Attachments.Count, bytes, draft.AutomaticMail);
    }
}
