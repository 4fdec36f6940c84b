namespace ContactCenter.Workers.Cli;

/// <summary>An archived file as <c>tickets save</c>, <c>quarantine save</c> or <c>spam save</c> wrote it.</summary>
internal sealed record SavedFile(string FileName, string Sha256, long Size, string Path);
