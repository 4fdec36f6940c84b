namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Reads the text of a document file (multi-page TIFF, PNG, JPEG, PDF): PDF text layers directly, image pages through
/// the pooled Tesseract engines after straightening them. Over a limit (size, pages, pixels, time per page) or for a
/// corrupt file it throws <see cref="Core.Intake.InboundItemRejectedException"/> with the reason.
/// </summary>
internal interface IDocumentTextReader
{
    /// <param name="content">The file's bytes; read once, page by page where the format allows.</param>
    /// <param name="fileName">The original name; its extension and the magic bytes decide the format.</param>
    Task<DocumentText> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken);
}
