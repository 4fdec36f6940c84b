namespace ContactCenter.Channels.Paper;

/// <summary>The sender's phone and fax numbers found in a letter, in E.164.</summary>
internal sealed record PhoneNumbersFound(string? Phone, string? Fax);
