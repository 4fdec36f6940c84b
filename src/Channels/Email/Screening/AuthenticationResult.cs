namespace ContactCenter.Channels.Email.Screening;

/// <summary>One <c>method=result</c> of an <c>Authentication-Results</c> header (RFC 8601), with its properties.</summary>
public sealed record AuthenticationResult(string Method, string Result, IReadOnlyDictionary<string, string> Properties);
