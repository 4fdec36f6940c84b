namespace ContactCenter.Core.Storage.Backup;

/// <summary>What <see cref="ArchiveMirror.VerifyAsync"/> found: files sound, files damaged and copied again, and what it could not repair.</summary>
public sealed record ArchiveVerification(int Verified, int Repaired, IReadOnlyList<string> Problems);
