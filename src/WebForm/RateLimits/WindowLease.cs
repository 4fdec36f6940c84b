using System.Threading.RateLimiting;

namespace ContactCenter.WebForm.RateLimits;

/// <summary>A lease with nothing to release (fixed windows are not given back), refused ones saying when to retry.</summary>
internal sealed class WindowLease(bool acquired, TimeSpan? retryAfter = null) : RateLimitLease
{
    /// <summary>What the synchronous attempt answers when the count is the cluster's: the middleware then waits on the asynchronous one.</summary>
    public static WindowLease Deferred { get; } = new(false);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
