using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Pipeline;

/// <summary><c>ContactCenter:Pipeline</c>: how items of a batch are normalised and how failing channels back off.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "ContactCenter:Pipeline";

    /// <summary>
    /// Items of one batch normalised at the same time. OCR pages are CPU-bound (one OpenMP thread per engine),
    /// so the processor count keeps every core busy without oversubscribing.
    /// </summary>
    [Range(1, 256)]
    public int MaxParallelNormalizers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// First pause after a failed poll, after which the channel is polled again whatever its schedule; doubled on each
    /// further consecutive failure. Short, so a server back after a restart is polled within seconds.
    /// </summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest pause between polls of a channel that keeps failing.</summary>
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a stopping service waits for the batches in flight to be stored and acknowledged.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the running service reads the service mode (ordinary/emergency) from the store.</summary>
    public TimeSpan ModeCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
