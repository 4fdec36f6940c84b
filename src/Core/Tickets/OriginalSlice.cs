namespace ContactCenter.Core.Tickets;

/// <summary>
/// Where an attachment lies in its message's archived original, when it is read from there rather than archived apart:
/// an e-mail's attachments are in its .eml already, and a second, decoded copy would cost nearly as much again as the
/// original (a base64 part is 4/3 of its file). The bytes [<see cref="Start"/>, <see cref="End"/>) of the original
/// <see cref="Sha256"/>, decoded with the MIME content transfer encoding <see cref="Encoding"/>, are the attachment
/// whose own hash the attachment's record keeps; reading it back checks that hash.
/// </summary>
public sealed record OriginalSlice
{
    /// <summary>The original's hash: named like every archived file's, so whatever gathers a store's files finds it.</summary>
    public string Sha256 { get; set; } = "";

    public long Start { get; set; }

    public long End { get; set; }

    /// <summary>MimeKit's name of the transfer encoding (<c>Base64</c>, <c>QuotedPrintable</c>, <c>Binary</c>...).</summary>
    public string Encoding { get; set; } = "";
}
