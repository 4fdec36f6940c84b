namespace ContactCenter.Workers.Cli.Store;

/// <summary>What <c>store backup</c> wrote and checked, as <c>--json</c> prints it.</summary>
internal sealed record StoreBackupReport(
    string Folder, long DatabaseBytes, int ArchiveCopied, long ArchiveCopiedBytes, int ArchivePresent, int Referenced, IReadOnlyList<string> Problems,
    int? Verified = null, int? Repaired = null)
{
    public bool Complete => Problems.Count == 0;
}
