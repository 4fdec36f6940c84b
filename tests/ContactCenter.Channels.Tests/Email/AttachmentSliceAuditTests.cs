using System.Text;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

/// <summary><c>store verify</c>'s decoding of attachment slices: each checked, an original read once for its slices.</summary>
public sealed class AttachmentSliceAuditTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Fact]
    public async Task Audit_ThreeAttachmentsOfOneMessage_EachVerifiedFromOneReadOfTheOriginal()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("perizia.pdf", "foto.jpg", "verbale.txt"));
        var archive = new OpenCountingArchive(harness.Archive);

        var report = await AttachmentSliceAudit.RunAsync(archive, draft.Attachments.ToAsyncEnumerable(), Sound(), CancellationToken.None);

        report.Problems.Should().BeEmpty();
        (report.Slices, report.SlicesVerified).Should().Be((3, 3));
        archive.Opens(draft.Original!.Sha256).Should().Be(1);
    }

    [Fact]
    public async Task Audit_TwoMessagesAndOneWrongRecord_OnlyThatSliceReported()
    {
        var first = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        var second = await harness.NormalizeAsync(MessageWithAttachments("c.pdf"));
        var wrong = first.Attachments[1];
        var moved = new TicketAttachment { Sha256 = wrong.Sha256, InOriginal = new OriginalSlice { Sha256 = wrong.InOriginal!.Sha256, Start = wrong.InOriginal.Start + 8, End = wrong.InOriginal.End, Encoding = wrong.InOriginal.Encoding } };
        var archive = new OpenCountingArchive(harness.Archive);

        var report = await AttachmentSliceAudit.RunAsync(archive, new[] { first.Attachments[0], moved, second.Attachments[0] }.ToAsyncEnumerable(), Sound(), CancellationToken.None);

        (report.Slices, report.SlicesVerified).Should().Be((3, 2));
        report.Problems.Should().ContainSingle().Which.Should().StartWith($"attachment {wrong.Sha256}: its slice of original {first.Original!.Sha256}")
            .And.EndWith("not to its name: the ticket's record of where it lies is wrong");
        (archive.Opens(first.Original.Sha256), archive.Opens(second.Original!.Sha256)).Should().Be((1, 1));
    }

    [Fact]
    public async Task Audit_OriginalMissing_EverySliceOfItSaysSo()
    {
        var draft = await harness.NormalizeAsync(MessageWithAttachments("a.pdf", "b.pdf"));
        File.Delete(Directory.EnumerateFiles(harness.ArchiveRoot, draft.Original!.Sha256 + "*", SearchOption.AllDirectories).Single());

        var report = await AttachmentSliceAudit.RunAsync(harness.Archive, draft.Attachments.ToAsyncEnumerable(), Sound(), CancellationToken.None);

        (report.Slices, report.SlicesVerified).Should().Be((2, 0));
        report.Problems.Should().HaveCount(2).And.OnlyContain(p => p.EndsWith(": the original is not in the archive", StringComparison.Ordinal));
    }

    public void Dispose() => harness.Dispose();

    private static ArchiveAuditReport Sound() => ArchiveAuditReport.Of(0, 0, 0, 0, []);

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
