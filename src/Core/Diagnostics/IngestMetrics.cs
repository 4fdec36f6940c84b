using System.Diagnostics.Metrics;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The service's counters and histograms (meter <c>ContactCenter.Ingest</c>), exported in Prometheus format by the
/// control endpoint. Tags carry channel names and outcomes only, never addresses or subjects.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "ContactCenter.Ingest";

    private readonly Counter<long> _items;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _pollFailures;
    private readonly Histogram<double> _pollDuration;
    private readonly Histogram<double> _ocrPageSeconds;
    private readonly Counter<long> _receiptsSent;
    private readonly Counter<long> _spamVerdicts;
    private readonly Counter<long> _spamEngineErrors;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _items = meter.CreateCounter<long>("contactcenter.items", "{item}", "Items ingested, by channel and outcome.");
        _quarantined = meter.CreateCounter<long>("contactcenter.items.quarantined", "{item}", "Items put in quarantine.");
        _pollFailures = meter.CreateCounter<long>("contactcenter.poll.failures", "{poll}", "Polls that failed (server down, bad credentials).");
        _pollDuration = meter.CreateHistogram<double>("contactcenter.poll.duration", "s", "Duration of a channel poll.");
        _ocrPageSeconds = meter.CreateHistogram<double>("contactcenter.ocr.page.duration", "s", "OCR time per page.");
        _receiptsSent = meter.CreateCounter<long>("contactcenter.receipts.sent", "{message}", "Receipts accepted by the SMTP server.");
        _spamVerdicts = meter.CreateCounter<long>("contactcenter.spam.verdicts", "{item}", "Screened items, by channel and verdict (clean, suspect, spam, unchecked).");
        _spamEngineErrors = meter.CreateCounter<long>("contactcenter.spam.engine.errors", "{request}", "Spam engine requests that failed (down, timeout, bad answer).");
        Meter = meter;
    }

    public Meter Meter { get; }

    public void ItemIngested(string channel, string outcome) =>
        _items.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void ItemQuarantined(string channel) =>
        _quarantined.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void PollFailed(string channel) =>
        _pollFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void PollCompleted(string channel, TimeSpan duration) =>
        _pollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    public void OcrPageRead(TimeSpan duration) => _ocrPageSeconds.Record(duration.TotalSeconds);

    public void ReceiptSent() => _receiptsSent.Add(1);

    public void SpamVerdict(string channel, string verdict) =>
        _spamVerdicts.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("verdict", verdict));

    public void SpamEngineError(string channel) =>
        _spamEngineErrors.Add(1, new KeyValuePair<string, object?>("channel", channel));
}
