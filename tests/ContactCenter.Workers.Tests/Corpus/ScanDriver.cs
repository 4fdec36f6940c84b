using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Postal;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// The scan-folder channel on the corpus folder: the real <see cref="ScanFolderSource"/> and the paper normaliser
/// over the real OCR reader (libtesseract, Leptonica, PdfPig, pdftoppm) and archive, acknowledging or rejecting each
/// file as the pipeline does. Stands in for IngestPipeline until it lands on main.
/// </summary>
internal sealed class ScanDriver(string dataDirectory, string scanDirectory)
{
    public async Task<Dictionary<string, CorpusResult>> RunAsync(CancellationToken cancellationToken)
    {
        var archive = TicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = dataDirectory });
        var ocrOptions = Options.Create(new OcrOptions { EngineCount = 1 });
        using var pool = new TesseractEnginePool(ocrOptions, NullLogger<TesseractEnginePool>.Instance);
        var reader = new DocumentTextReader(pool, ocrOptions, TimeProvider.System, NullLogger<DocumentTextReader>.Instance);
        var normalizer = new PaperNormalizer(archive, reader, new PaperTextExtractor(ocrOptions), Options.Create(new PaperOptions()),
            NullLogger<PaperNormalizer>.Instance);
        var source = new ScanFolderSource("scansioni", new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [scanDirectory], StableFor = TimeSpan.Zero },
            TimeProvider.System, NullLogger<ScanFolderSource>.Instance);
        var results = new Dictionary<string, CorpusResult>(StringComparer.Ordinal);
        await foreach (var batch in source.PollAsync(cancellationToken))
        {
            var done = new List<InboundItem>();
            foreach (var item in batch.Items)
            {
                normalizer.CanNormalize(item).Should().BeTrue($"{item.OriginalFileName} is offered to the paper normaliser");
                var started = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    var drafts = await normalizer.NormalizeAllAsync(item, cancellationToken);
                    var text = string.Join("\n\n", drafts.Select(d => d.TextBody));
                    results[item.OriginalFileName] = new CorpusResult(
                        new CorpusTicket(drafts[0].Subject, text, null, drafts[0].Attachments, drafts[0].Original, _ => []), null, started.Elapsed);
                    done.Add(item);
                }
                catch (InboundItemRejectedException ex)
                {
                    results[item.OriginalFileName] = new CorpusResult(null, ex.Message, started.Elapsed);
                    await source.RejectAsync(item, ex.Message, cancellationToken);
                }
            }

            await source.AcknowledgeAsync(done, cancellationToken);
        }

        return results;
    }
}
