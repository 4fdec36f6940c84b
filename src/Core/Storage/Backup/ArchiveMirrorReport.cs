namespace ContactCenter.Core.Storage.Backup;

/// <summary>What <see cref="ArchiveMirror"/> did: files already in the copy, files copied now, and what it could not copy.</summary>
public sealed record ArchiveMirrorReport(int Present, int Copied, long CopiedBytes, IReadOnlyList<string> Problems);
