namespace ContactCenter.Core.Tickets;

/// <summary>
/// An attachment's metadata; its bytes live in the content-addressed archive under <see cref="Sha256"/>, or, when
/// <see cref="InOriginal"/> is set, inside its message's original (and <see cref="Sha256"/> is the hash they decode to).
/// Two are equal when every field is (a record), which is how a store sees that a ticket's list repeats its first message's.
/// </summary>
public sealed record TicketAttachment
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public bool IsInline { get; set; }
    public string? ContentId { get; set; }

    public OriginalSlice? InOriginal { get; set; }
}
