using System.Diagnostics.Metrics;
using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class DocumentTextReaderMetricsTests(OcrFixture fixture)
{
    [Fact]
    public async Task Read_OcrPages_RecordEachPagesSecondsInTheOcrHistogram()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new IngestMetrics(services.GetRequiredService<IMeterFactory>());
        var recorded = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "contactcenter.ocr.page.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (recorded) { recorded.Add(value); } });
        listener.Start();
        var reader = new DocumentTextReader(
            fixture.Pool, Options.Create(new OcrOptions { EngineCount = 2 }), TimeProvider.System, NullLogger<DocumentTextReader>.Instance, metrics);

        var document = await fixture.ReadAsync(fixture.Scans.MultiPageTiff, reader);

        document.Pages.Should().HaveCount(3);
        recorded.Should().HaveCount(3, "one measurement per OCR'd page").And.OnlyContain(seconds => seconds > 0);
    }
}
