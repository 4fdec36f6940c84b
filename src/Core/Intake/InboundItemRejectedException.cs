namespace ContactCenter.Core.Intake;

/// <summary>An item that cannot become a ticket (unparseable, over a limit); the reason is shown to the admin.</summary>
public sealed class InboundItemRejectedException : Exception
{
    public InboundItemRejectedException(string reason)
        : base(reason)
    {
    }

    public InboundItemRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
