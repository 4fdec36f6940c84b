using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MessageBufferTests
{
    [Fact]
    public async Task Copy_LargeMessage_SpillsToANamelessSpoolFile_NothingLeftInTheFolder()
    {
        var bytes = new byte[MessageBuffer.MemoryLimit + 12345];
        Random.Shared.NextBytes(bytes);
        var before = Directory.GetFiles(MessageSpoolFolder.Current, MessageSpoolFolder.FilePrefix + "*").Length;

        var buffer = await MessageBuffer.CopyAsync(new MemoryStream(bytes), CancellationToken.None);
        byte[] read;
        await using (var stream = await buffer.OpenAsync(CancellationToken.None))
        {
            buffer.InMemory.Should().BeFalse();
            Directory.GetFiles(MessageSpoolFolder.Current, MessageSpoolFolder.FilePrefix + "*").Should().HaveCount(before,
                "the spool file is unlinked as soon as it is created: a crash cannot leave it behind");
            read = new byte[bytes.Length];
            await stream.ReadExactlyAsync(read);
        }

        buffer.Length.Should().Be(bytes.Length);
        read.Should().Equal(bytes);
        buffer.Dispose();
    }

    [Fact]
    public async Task Copy_SmallMessage_StaysInMemoryAndReopensFromStart()
    {
        var buffer = await MessageBuffer.CopyAsync(new MemoryStream("From: a@b.it\r\n\r\nciao"u8.ToArray()), CancellationToken.None);

        await using var first = await buffer.OpenAsync(CancellationToken.None);
        first.ReadByte();
        await using var second = await buffer.OpenAsync(CancellationToken.None);

        second.Should().BeOfType<MemoryStream>();
        second.Position.Should().Be(0);
        second.Length.Should().Be(buffer.Length);
    }

    [Fact]
    public async Task CopyIntoSet_BatchOverMemoryBudget_RestSpillsToTempFiles()
    {
        using var set = new MessageBufferSet();
        var message = new byte[6 * 1024 * 1024];
        Random.Shared.NextBytes(message);

        var buffers = new List<MessageBuffer>();
        for (var i = 0; i < 8; i++)
        {
            buffers.Add(await set.CopyAsync(new MemoryStream(message), CancellationToken.None));
        }

        set.Bytes.Should().Be(8L * message.Length);
        set.MemoryBytes.Should().BeLessThanOrEqualTo(MessageBufferSet.MemoryBudget);
        buffers.Count(b => b.InMemory).Should().Be(5, "five 6 MiB messages fit in the 32 MiB budget");
        await using var spilled = await buffers[^1].OpenAsync(CancellationToken.None);
        buffers[^1].InMemory.Should().BeFalse();
        spilled.Length.Should().Be(message.Length);

        set.Release();
        set.MemoryBytes.Should().Be(0);
        (await set.CopyAsync(new MemoryStream(message), CancellationToken.None)).InMemory.Should().BeTrue("the next batch starts a new budget");
    }
}
