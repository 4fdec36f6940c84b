using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Paper;

/// <summary>Answers every read with hand-made pages and records what it was asked to read.</summary>
internal sealed class FixedTextReader(params PageText[] pages) : IDocumentTextReader
{
    public List<(string FileName, byte[] Bytes)> Reads { get; } = [];

    public async Task<DocumentText> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        Reads.Add((fileName, buffer.ToArray()));
        return new DocumentText(pages);
    }
}
