namespace ContactCenter.Core.Tickets;

/// <summary>
/// An attachment's metadata; its bytes live in the content-addressed archive under <see cref="Sha256"/>, or, when
/// <see cref="InOriginal"/> is set, inside its message's original (and <see cref="Sha256"/> is the hash they decode to).
/// </summary>
public sealed class TicketAttachment
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public bool IsInline { get; set; }
    public string? ContentId { get; set; }

    public OriginalSlice? InOriginal { get; set; }
}
