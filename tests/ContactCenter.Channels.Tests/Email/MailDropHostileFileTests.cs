using ContactCenter.Channels.Email;
using ContactCenter.Channels.Files;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Entries in a drop folder that are not mail: they must neither hang the poll nor be read.</summary>
public sealed class MailDropHostileFileTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private readonly TempDirectory folder = new("cc-maildrop-hostile");

    private string Drop => folder.Combine("drop");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_Fifo_DoesNotHang_RefusedWhileTheOthersFlow()
    {
        Write("a.eml", 1);
        HostileFiles.MakeFifo(Path.Combine(Drop, "x.eml"));
        Write("z.eml", 2);
        await using var source = Create();

        var items = await source.PollItemsAsync().WaitAsync(NoHang);

        items.Should().HaveCount(3);
        items.Where(i => !RefusedFileItem.IsRefused(i)).Select(i => i.Metadata["maildrop.file"]).Should().BeEquivalentTo("a.eml", "z.eml");
        var fifo = items.Single(RefusedFileItem.IsRefused);
        var open = async () => await fifo.OpenAsync(CancellationToken.None);
        (await open.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*x.eml is a FIFO*not a regular file*");
    }

    [Fact]
    public async Task Reject_Fifo_MovedToQuarantineWithReason()
    {
        HostileFiles.MakeFifo(Path.Combine(Drop, "x.eml"));
        await using var source = Create();
        var fifo = (await source.PollItemsAsync().WaitAsync(NoHang)).Single();

        await source.RejectAsync(fifo, "x.eml is a FIFO (named pipe), not a regular file", CancellationToken.None).AsTask().WaitAsync(NoHang);

        SourceFiles.EntryExists(Path.Combine(Drop, "x.eml")).Should().BeFalse("the FIFO is moved out of the folder");
        SourceFiles.EntryExists(Path.Combine(Drop, "quarantine", "x.eml")).Should().BeTrue();
        File.ReadAllText(Path.Combine(Drop, "quarantine", "x.eml.reason.txt")).Should().Contain("FIFO");
    }

    [Fact]
    public async Task Poll_SymlinkToFileOutsideTheFolder_NeverRead()
    {
        var secret = TestMailBytes(7);
        HostileFiles.LinkToOutsideFile(Drop, "link.eml", folder.Combine("elsewhere"), secret);
        await using var source = Create();

        var item = (await source.PollItemsAsync()).Single();

        RefusedFileItem.IsRefused(item).Should().BeTrue();
        item.Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("symbolic link").And.Contain("Channels:drop:FollowSymlinks");
        item.SourceKey.Should().NotContain(Sha256(secret), "the outside file's content was never read");
    }

    [Fact]
    public async Task Poll_FollowSymlinks_LinkOutsideStillRefused_LinkInsideRead()
    {
        var secret = TestMailBytes(7);
        HostileFiles.LinkToOutsideFile(Drop, "outside.eml", folder.Combine("elsewhere"), secret);
        Directory.CreateDirectory(Path.Combine(Drop, "store"));
        var inside = TestMailBytes(8);
        File.WriteAllBytes(Path.Combine(Drop, "store", "real.txt"), inside);
        File.CreateSymbolicLink(Path.Combine(Drop, "inside.eml"), Path.Combine(Drop, "store", "real.txt"));
        await using var source = Create(followSymlinks: true);

        var items = await source.PollItemsAsync();

        items.Single(i => i.OriginalFileName == "outside.eml" || i.Metadata.GetValueOrDefault("maildrop.file") == "outside.eml")
            .Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("outside the channel's folder");
        items.Should().ContainSingle(i => i.SourceKey == "maildrop:drop/" + Sha256(inside));
    }

    [Fact]
    public async Task Poll_UnreadableFile_OfferedAsRefusedAndTheOthersStillOffered()
    {
        Write("a.eml", 1);
        Write("c.eml", 3);

        // A file that cannot be opened (here a symbolic link to itself: ELOOP, an IOException even for root).
        File.CreateSymbolicLink(Path.Combine(Drop, "b.eml"), "b.eml");
        await using var source = Create(followSymlinks: true);

        var items = await source.PollItemsAsync();

        items.Where(i => !RefusedFileItem.IsRefused(i)).Select(i => i.Metadata["maildrop.file"]).Should().BeEquivalentTo("a.eml", "c.eml");
        items.Should().ContainSingle(i => RefusedFileItem.IsRefused(i));
    }

    private MailDropSource Create(bool followSymlinks = false) =>
        new("drop", new MailDropChannelOptions { Type = "MailDrop", Path = Drop, BatchSize = 10, StableFor = TimeSpan.Zero, FollowSymlinks = followSymlinks },
            new RecordingLogger(), new FakeTimeProvider(DateTimeOffset.UtcNow));

    private void Write(string name, int number)
    {
        Directory.CreateDirectory(Drop);
        File.WriteAllBytes(Path.Combine(Drop, name), TestMailBytes(number));
    }

    private static byte[] TestMailBytes(int number)
    {
        using var stream = new MemoryStream();
        TestMail.Create(number).WriteTo(stream);
        return stream.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
