using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Drives the mail-drop source into the real e-mail normaliser and archive, acknowledging or rejecting each item
/// like the pipeline does. Stands in for IngestPipeline until it lands on main.
/// </summary>
internal sealed class NormalizerDriver(string dataDirectory, string dropDirectory)
{
    public async Task<Dictionary<string, CorpusResult>> RunAsync(CancellationToken cancellationToken)
    {
        var archive = TicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = dataDirectory });
        var normalizer = new EmailNormalizer(archive, Options.Create(new MailNormalizerOptions()), NullLogger<EmailNormalizer>.Instance);
        var source = new MailDropSource("corpus", new MailDropChannelOptions { Type = "MailDrop", Path = dropDirectory, BatchSize = 16 },
            NullLogger.Instance, TimeProvider.System);
        var results = new Dictionary<string, CorpusResult>(StringComparer.Ordinal);
        await foreach (var batch in source.PollAsync(cancellationToken))
        {
            var done = new List<InboundItem>();
            foreach (var item in batch.Items)
            {
                var file = item.Metadata["maildrop.file"];
                var started = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    var draft = await normalizer.NormalizeAsync(item, cancellationToken);
                    results[file] = new CorpusResult(
                        new CorpusTicket(draft.Subject, draft.TextBody, draft.HtmlBody, draft.Attachments, draft.Original, a => Read(archive, a)), null, started.Elapsed);
                    done.Add(item);
                }
                catch (InboundItemRejectedException ex)
                {
                    results[file] = new CorpusResult(null, ex.Message, started.Elapsed);
                    await source.RejectAsync(item, ex.Message, cancellationToken);
                }
            }

            await source.AcknowledgeAsync(done, cancellationToken);
        }

        return results;
    }

    private static byte[] Read(IContentArchive archive, Core.Tickets.TicketAttachment attachment)
    {
        using var stream = archive.OpenRead(attachment.Sha256);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
