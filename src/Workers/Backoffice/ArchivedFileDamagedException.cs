namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// A file read back is not the one its record names (an attachment decoded from a damaged original): like a missing
/// file, an alarm, never served.
/// </summary>
internal sealed class ArchivedFileDamagedException(string owner, string message, Exception inner)
    : IOException($"{owner}: {message}", inner);
