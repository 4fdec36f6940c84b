namespace ContactCenter.Core.Pipeline;

/// <summary>A poll that stopped on a store or source failure; carries what was done before it stopped.</summary>
public sealed class PollFailedException : Exception
{
    public PollFailedException(PollSummary summary, Exception innerException)
        : base($"Poll of channel '{summary.Channel}' failed: {innerException.GetType().Name}: {innerException.Message}", innerException)
    {
        Summary = summary;
    }

    public PollSummary Summary { get; }
}
