using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;

namespace ContactCenter.Workers.Control;

/// <summary>
/// What <c>/metrics</c> says about itself: <c>service.name=contactcenter</c> and the node as
/// <c>service.instance.id</c>, and histogram buckets that fit what is measured (the SDK's defaults are milliseconds
/// up to 10 000, so every poll in seconds landed in the first bucket or two).
/// </summary>
internal static class MetricsResource
{
    public const string ServiceName = "contactcenter";

    /// <summary>A poll: 10 ms (an empty folder) to 10 min (a backlog of scans after an outage).</summary>
    public static readonly double[] PollSeconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    /// <summary>One OCR page: a clean page takes about 0.4 s, a noisy fax a few seconds, the time limit minutes.</summary>
    public static readonly double[] OcrPageSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120];

    /// <summary>The cluster node name when one is configured, else the host name (one service per host otherwise).</summary>
    public static string InstanceId(IConfiguration configuration) =>
        configuration[$"{PostgreSqlStoreOptions.SectionName}:{nameof(PostgreSqlStoreOptions.NodeName)}"] is { Length: > 0 } node
            ? node.Trim()
            : Environment.MachineName;

    public static MeterProviderBuilder AddBuckets(MeterProviderBuilder metrics) => metrics
        .AddView("contactcenter.poll.duration", new ExplicitBucketHistogramConfiguration { Boundaries = PollSeconds })
        .AddView("contactcenter.ocr.page.duration", new ExplicitBucketHistogramConfiguration { Boundaries = OcrPageSeconds });
}
