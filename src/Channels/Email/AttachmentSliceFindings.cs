using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Channels.Email;

/// <summary>What <see cref="AttachmentSliceAudit"/> found: the slices, those sound, and a line for each that is not.</summary>
internal sealed record AttachmentSliceFindings(int Slices, int Verified, IReadOnlyList<string> Problems)
{
    /// <summary>The archive's report with these findings after its own (the originals' problems first).</summary>
    public ArchiveAuditReport AddTo(ArchiveAuditReport report) =>
        report with { Problems = [.. report.Problems, .. Problems], Slices = Slices, SlicesVerified = Verified };
}
