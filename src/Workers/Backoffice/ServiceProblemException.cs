namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The service refused or failed a call and said why as a problem (RFC 9457): <see cref="Type"/> tells the caller which
/// refusal it was, the message is what an admin reads.
/// </summary>
internal sealed class ServiceProblemException(string? type, string message) : IOException(message)
{
    public string? Type { get; } = type;
}
