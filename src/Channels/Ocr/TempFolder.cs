namespace ContactCenter.Channels.Ocr;

/// <summary>A private working folder (PDF copy, rendered pages) deleted when the document is done.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-ocr-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A renderer killed on timeout may still hold a file for a moment; the OS temp cleaner gets it later.
        }
    }
}
