using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// <c>store verify</c>'s decoding of attachment slices, before the archive's own check: each slice checked, and an
/// original read once for its slices and its own hash, which the archive's check then does not read again.
/// </summary>
public sealed class AttachmentSliceAuditTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Fact]
    public async Task Verify_ThreeAttachmentsOfOneMessage_OriginalReadOnceForItsSlicesAndItsHash()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("perizia.pdf", "foto.jpg", "verbale.txt"));
        var archive = new OpenCountingArchive(harness.Archive);

        var report = await VerifyAsync(archive, [draft.Original!.Sha256], draft.Attachments);

        report.Problems.Should().BeEmpty();
        (report.Slices, report.SlicesVerified).Should().Be((3, 3));
        (report.Referenced, report.Present, report.Verified).Should().Be((1, 1, 1));
        report.VerifiedBytes.Should().Be(new FileInfo(BlobPath(draft.Original.Sha256)).Length);
        archive.Opens(draft.Original.Sha256).Should().Be(1);
    }

    [Fact]
    public async Task Verify_TwoMessagesAndOneWrongRecord_OnlyThatSliceReported()
    {
        var first = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        var second = await harness.NormalizeAsync(MessageWithAttachments("c.pdf"));
        var wrong = first.Attachments[1];
        var moved = new TicketAttachment { Sha256 = wrong.Sha256, InOriginal = new OriginalSlice { Sha256 = wrong.InOriginal!.Sha256, Start = wrong.InOriginal.Start + 8, End = wrong.InOriginal.End, Encoding = wrong.InOriginal.Encoding } };
        var archive = new OpenCountingArchive(harness.Archive);

        var report = await VerifyAsync(archive, [first.Original!.Sha256, second.Original!.Sha256], [first.Attachments[0], moved, second.Attachments[0]]);

        (report.Slices, report.SlicesVerified, report.Verified).Should().Be((3, 2, 2));
        report.Problems.Should().ContainSingle().Which.Should().StartWith($"attachment {wrong.Sha256}: its slice of original {first.Original.Sha256}")
            .And.EndWith("not to its name: the ticket's record of where it lies is wrong");
        (archive.Opens(first.Original.Sha256), archive.Opens(second.Original.Sha256)).Should().Be((1, 1));
    }

    [Fact]
    public async Task Verify_OriginalDamaged_ItsLineOnly_SlicesNotReportedOneByOne()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        var path = BlobPath(draft.Original!.Sha256);
        var damaged = File.ReadAllBytes(path);
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(path, damaged);
        var archive = new OpenCountingArchive(harness.Archive);

        var report = await VerifyAsync(archive, [draft.Original.Sha256], draft.Attachments);

        (report.Slices, report.SlicesVerified, report.Present, report.Verified).Should().Be((2, 0, 1, 0));
        report.Problems.Should().ContainSingle().Which.Should().Be(
            ArchiveAuditReport.Damaged(draft.Original.Sha256, Convert.ToHexStringLower(SHA256.HashData(damaged))));
        archive.Opens(draft.Original.Sha256).Should().Be(1);
    }

    /// <summary>One original's slices in two runs apart (the same message under two tickets): the second run reads it too.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_OriginalDamagedOrMissing_SlicesInTwoRunsApart_ItsLineOnly(bool missing)
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        var other = await harness.NormalizeAsync(MessageWithAttachments("c.pdf"));
        var path = BlobPath(draft.Original!.Sha256);
        var damaged = File.ReadAllBytes(path);
        damaged[^1] ^= 0xFF;
        if (missing)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, damaged);
        }

        var archive = new OpenCountingArchive(harness.Archive);

        var report = await VerifyAsync(archive, [draft.Original.Sha256, other.Original!.Sha256], [draft.Attachments[0], other.Attachments[0], draft.Attachments[1]]);

        (report.Slices, report.SlicesVerified).Should().Be((3, 1), "only the other message's slice counts as sound");
        report.Problems.Should().Equal(missing
            ? ArchiveAuditReport.Missing(draft.Original.Sha256)
            : ArchiveAuditReport.Damaged(draft.Original.Sha256, Convert.ToHexStringLower(SHA256.HashData(damaged))));
        archive.Opens(draft.Original.Sha256).Should().Be(2, "each run of its slices reads it");
    }

    [Fact]
    public async Task Verify_OriginalMissing_ItsLineOnly()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        File.Delete(BlobPath(draft.Original!.Sha256));

        var report = await VerifyAsync(harness.Archive, [draft.Original.Sha256], draft.Attachments);

        (report.Slices, report.SlicesVerified, report.Present).Should().Be((2, 0, 0));
        report.Problems.Should().Equal(ArchiveAuditReport.Missing(draft.Original.Sha256));
    }

    [Fact]
    public async Task Audit_OriginalMissingAndNotNamedByTheStore_EverySliceOfItSaysSo()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        File.Delete(BlobPath(draft.Original!.Sha256));
        var originals = new CheckedArchiveFiles();

        var findings = await AttachmentSliceAudit.RunAsync(harness.Archive, draft.Attachments.ToAsyncEnumerable(), [], originals, CancellationToken.None);

        (findings.Slices, findings.Verified).Should().Be((2, 0));
        findings.Problems.Should().HaveCount(2).And.OnlyContain(p => p.EndsWith(": the original is not in the archive", StringComparison.Ordinal));
        originals.Contains(draft.Original.Sha256).Should().BeFalse("only a file the store names is counted in the archive's report");
    }

    public void Dispose() => harness.Dispose();

    /// <summary>As <c>store verify</c> runs them: the slices first, then the archive's check of what they did not read.</summary>
    private async Task<ArchiveAuditReport> VerifyAsync(IContentArchive archive, Sha256Set referenced, IEnumerable<TicketAttachment> attachments)
    {
        var originals = new CheckedArchiveFiles();
        var findings = await AttachmentSliceAudit.RunAsync(archive, attachments.ToAsyncEnumerable(), referenced, originals, CancellationToken.None);
        return findings.AddTo(await ArchiveAudit.RunAsync(archive, referenced, rehash: true, CancellationToken.None, originals));
    }

    private string BlobPath(string sha256) =>
        Directory.EnumerateFiles(harness.ArchiveRoot, sha256 + "*", SearchOption.AllDirectories).Single();

    private static byte[] MessageWithAttachments(params string[] names) =>
        RawMail.Mixed([
            "Content-Type: text/plain; charset=utf-8\r\n\r\nIn allegato i documenti del sopralluogo.",
            .. names.Select((name, i) =>
                $"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n"
                + $"Content-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines(Content(name, i))}"),
        ]);

    private static byte[] Content(string name, int seed)
    {
        var bytes = new byte[20_000 + seed];
        new Random(seed + 7).NextBytes(bytes);
        return [.. Encoding.ASCII.GetBytes(name), .. bytes];
    }
}
