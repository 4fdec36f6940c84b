namespace ContactCenter.Channels.Voice;

/// <summary>A call an operator could not answer at once, as registered (<c>tickets open --channel phone</c>).</summary>
internal sealed record PhoneCall
{
    /// <summary>Names the request, so that sending it again (a retry) finds the ticket it already opened.</summary>
    public required string RequestId { get; init; }

    /// <summary>The caller's number as typed, e.g. <c>+39 06 1234 5678</c> or <c>333 1234567</c>.</summary>
    public required string Caller { get; init; }

    public string? Name { get; init; }

    /// <summary>Where the receipt and the answer go, when the caller gave an address.</summary>
    public string? Email { get; init; }

    public string? Subject { get; init; }

    /// <summary>What the caller asked, in the operator's words.</summary>
    public required string Text { get; init; }

    /// <summary>The operator who took the call, recorded in the ticket's history.</summary>
    public required string Operator { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public string ChannelName { get; init; } = "phone";
}
