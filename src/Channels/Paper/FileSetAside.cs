using ContactCenter.Channels.Files;

namespace ContactCenter.Channels.Paper;

/// <summary>Puts a source's file into its done or quarantine folder without overwriting anything already there.</summary>
internal static class FileSetAside
{
    public const string ReasonSuffix = ".reason.txt";

    /// <summary>
    /// Moves (or copies) <paramref name="path"/> into <paramref name="folder"/>, created when missing, under a name not
    /// taken there (nor by a <c>{name}{companionSuffix}</c>); returns the new path. Links are moved as links and
    /// FIFOs are never opened, whatever file system the folder is on (<see cref="EntryTransfer"/>).
    /// </summary>
    public static string Into(string path, string folder, bool move = true, string? companionSuffix = null, string? name = null)
    {
        Directory.CreateDirectory(folder);
        var destination = UniqueFilePath.In(folder, name ?? Path.GetFileName(path), companionSuffix);
        if (move)
        {
            EntryTransfer.Move(path, destination);
        }
        else
        {
            EntryTransfer.Copy(path, destination);
        }

        return destination;
    }

    /// <summary>
    /// Sets a rejected file aside, under <paramref name="name"/> when given (else its own), with <paramref name="note"/>
    /// beside it in <c>{name}.reason.txt</c>; returns the file's new path.
    /// </summary>
    public static async Task<string> QuarantineAsync(
        string path, string folder, bool move, string note, CancellationToken cancellationToken, string? name = null)
    {
        var destination = Into(path, folder, move, ReasonSuffix, name);
        await File.WriteAllTextAsync(destination + ReasonSuffix, note, cancellationToken);
        return destination;
    }
}
