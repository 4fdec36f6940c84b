using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Ocr;

/// <summary>A private working folder (the copy of a PDF that pdftoppm reads) deleted when the document is done.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-ocr-{Guid.NewGuid():N}");
        try
        {
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
        catch (Exception ex) when (StorageUnavailableException.IsFileSystemFault(ex))
        {
            throw new StorageUnavailableException($"The OCR work folder {Path} cannot be made: {ex.Message}", ex);
        }
    }

    public string Path { get; }

    /// <summary>Writes a file the renderer reads; a full disk is the machine's fault, not the document's.</summary>
    public async Task<string> WriteAsync(string name, byte[] data, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(Path, name);
        try
        {
            await File.WriteAllBytesAsync(path, data, cancellationToken).ConfigureAwait(false);
            return path;
        }
        catch (Exception ex) when (StorageUnavailableException.IsFileSystemFault(ex))
        {
            throw new StorageUnavailableException($"The OCR work folder {Path} could not hold the document ({data.Length} bytes): {ex.Message}", ex);
        }
    }

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
