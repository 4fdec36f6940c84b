using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Reads each file of a scan folder with the real OCR reader (libtesseract, Leptonica, PdfPig, pdftoppm) after
/// archiving it, as the scan channel's normaliser does. Stands in for the scan-folder channel until it lands on main.
/// </summary>
internal sealed class ScanDriver(string dataDirectory, string scanDirectory)
{
    public async Task<Dictionary<string, CorpusResult>> RunAsync(CancellationToken cancellationToken)
    {
        var archive = TicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = dataDirectory });
        var options = Options.Create(new OcrOptions { EngineCount = 1 });
        using var pool = new TesseractEnginePool(options, NullLogger<TesseractEnginePool>.Instance);
        var reader = new DocumentTextReader(pool, options, TimeProvider.System, NullLogger<DocumentTextReader>.Instance);
        var results = new Dictionary<string, CorpusResult>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(scanDirectory).Order(StringComparer.Ordinal))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var name = Path.GetFileName(path);
            Core.Tickets.TicketAttachment original;
            await using (var file = File.OpenRead(path))
            {
                original = await archive.StoreAsync(file, SafeFileName.From(name), "application/octet-stream", cancellationToken);
            }

            try
            {
                await using var content = File.OpenRead(path);
                var document = await reader.ReadAsync(content, name, cancellationToken);
                if (document.Pages.Count == 0)
                {
                    throw new InboundItemRejectedException($"{name} has no pages"); // as the scan channel's normaliser says
                }

                var text = string.Join("\n\n", document.Pages.Select(p => p.Text));
                results[name] = new CorpusResult(new CorpusTicket("", text, null, [], original, _ => []), null, started.Elapsed);
            }
            catch (InboundItemRejectedException ex)
            {
                results[name] = new CorpusResult(null, ex.Message, started.Elapsed);
            }
        }

        return results;
    }
}
