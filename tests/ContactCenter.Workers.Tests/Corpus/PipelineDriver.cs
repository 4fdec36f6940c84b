using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Channels.Email;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// The real <see cref="IngestPipeline"/> with every part registered as the service does (LiteDB store, archive,
/// routing, SLA, receipts, e-mail and paper normalisers, OCR) draining one source once; the outcome of each corpus
/// input is then read back from the store: its ticket, or its quarantine record.
/// </summary>
internal static class PipelineDriver
{
    public static async Task<Dictionary<string, CorpusResult>> RunAsync(
        CorpusRun run, Func<IServiceProvider, IInboundSource> createSource, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Store:DataDirectory"] = run.DataDirectory,
            ["ContactCenter:Receipts:From"] = "Protezione Civile <urp@protezionecivile.example.it>",
            ["ContactCenter:Mail:OwnAddresses:0"] = "protezionecivile.example.it",
            ["ContactCenter:Ocr:EngineCount"] = "1",
            ["ContactCenter:Pipeline:MaxParallelNormalizers"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTicketStore(configuration);
        services.AddRouting(configuration);
        services.AddReceipts(configuration);
        services.AddIngestPipeline(configuration);
        services.AddEmailNormalizer(configuration);
        services.AddOcr(configuration);
        services.AddPaperChannels(configuration);
        await using var provider = services.BuildServiceProvider();

        var source = createSource(provider);
        await using (source)
        {
            var summary = await provider.GetRequiredService<IngestPipeline>().RunAsync(source, null, cancellationToken);
            summary.Succeeded.Should().BeTrue(summary.Failed);
            summary.Fetched.Should().Be(run.Cases.Count, "one poll takes every input, batch after batch");
        }

        var store = provider.GetRequiredService<ITicketStore>();
        var archive = provider.GetRequiredService<IContentArchive>();
        var tickets = await store.QueryAsync(new TicketQuery(), cancellationToken);
        var quarantined = await store.ListQuarantineAsync(includeResolved: true, cancellationToken);
        var results = new Dictionary<string, CorpusResult>(StringComparer.Ordinal);
        foreach (var corpusCase in run.Cases)
        {
            var sha = run.Sha256[corpusCase.Name];
            var ticket = tickets.FirstOrDefault(t => t.SourceKey.Contains(sha, StringComparison.Ordinal));
            var record = quarantined.FirstOrDefault(q => q.SourceKey.Contains(sha, StringComparison.Ordinal));
            if (ticket is not null)
            {
                results[corpusCase.FileName] = new CorpusResult(
                    new CorpusTicket(ticket.Subject, ticket.TextBody, ticket.HtmlBody, ticket.Attachments,
                        ticket.Messages.FirstOrDefault()?.Original, a => Read(archive, a), ticket.Sender, ticket.NeedsReview, ticket.ReviewReason), null);
            }
            else if (record is not null)
            {
                results[corpusCase.FileName] = new CorpusResult(null, record.Reason);
            }
        }

        return results;
    }

    private static byte[] Read(IContentArchive archive, TicketAttachment attachment)
    {
        using var stream = OriginalSliceReader.OpenRead(archive, attachment);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
