namespace ContactCenter.Workers.Backoffice;

/// <summary>A record refers to a file the archive does not hold: never an answer of "no such file", always an alarm.</summary>
internal sealed class ArchivedFileMissingException(string owner, string sha256, Exception? inner = null)
    : IOException($"{owner} refers to file {sha256}, which is not in the archive.", inner)
{
    public string Sha256 { get; } = sha256;
}
