namespace ContactCenter.Core.Tickets;

/// <summary>An attachment's metadata; its bytes live in the content-addressed archive under <see cref="Sha256"/>.</summary>
public sealed class TicketAttachment
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public bool IsInline { get; set; }
    public string? ContentId { get; set; }
}
