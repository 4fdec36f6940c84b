using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MessageSpoolTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(MessageSpool.MemoryLimit, false)]
    [InlineData(MessageSpool.MemoryLimit + 1, true)]
    [InlineData(3 * MessageSpool.MemoryLimit, true)]
    public async Task Create_KeepsSmallMessagesInMemoryAndLargeOnesInATempFileDeletedAfterwards(int size, bool onDisk)
    {
        var raw = new byte[size];
        new Random(size).NextBytes(raw);

        string? file;
        await using (var spool = await MessageSpool.CreateAsync(harness.Item(raw), long.MaxValue, CancellationToken.None))
        {
            file = spool.FilePath;
            (file is not null).Should().Be(onDisk);
            spool.Length.Should().Be(size);
            await using var first = spool.OpenRead();
            await using var second = spool.OpenRead();
            ReadAll(first).Should().Equal(raw);
            ReadAll(second).Should().Equal(raw);
        }

        if (file is not null)
        {
            File.Exists(file).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(300_000, 100_000)]
    [InlineData(3 * MessageSpool.MemoryLimit, 2 * MessageSpool.MemoryLimit)]
    public async Task Create_OverTheLimitWithUnknownLength_RejectsWithTheExactSize(int size, long limit)
    {
        var act = () => MessageSpool.CreateAsync(harness.Item(new byte[size]), limit, CancellationToken.None);

        (await act.Should().ThrowAsync<InboundItemRejectedException>())
            .WithMessage($"Message is {size} bytes, over the limit of {limit} bytes (ContactCenter:Mail:MaxMessageBytes).");
    }

    [Fact]
    public async Task Copy_DiskFailsWhileSpooling_IsTheStorageFaultNotTheMessages()
    {
        var act = () => MessageSpool.CopyAsync(new ReadFailingStream(2 * MessageSpool.MemoryLimit), MessageSpool.MemoryLimit, long.MaxValue, null, CancellationToken.None);

        (await act.Should().ThrowAsync<StorageUnavailableException>())
            .WithMessage("The mail spool in * could not hold a message over 1 MiB: Input/output error").WithInnerException<IOException>();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => harness.Dispose();
}
