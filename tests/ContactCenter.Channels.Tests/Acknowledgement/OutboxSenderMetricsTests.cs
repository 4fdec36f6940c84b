using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxSenderMetricsTests
{
    [Fact]
    public async Task SendDue_ReceiptAccepted_CountedInTheReceiptsSentCounter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new IngestMetrics(services.GetRequiredService<IMeterFactory>());
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "contactcenter.receipts.sent")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync(messageId: "<citizen-1@mail.example.org>");
        await harness.OpenTicketAsync(messageId: "<citizen-2@mail.example.org>", to: "anna.verdi@example.org");

        var sent = await harness.NewSender(metrics: metrics).SendDueAsync(CancellationToken.None);

        sent.Should().Be(2);
        Interlocked.Read(ref counted).Should().Be(2);
    }
}
