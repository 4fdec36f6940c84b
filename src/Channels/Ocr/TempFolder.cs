namespace ContactCenter.Channels.Ocr;

/// <summary>A private working folder (PDF copy, rendered pages) deleted when the document is done.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-ocr-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            // Rendered pages of citizens' letters: readable by the service account only, even in a shared /tmp.
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
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
