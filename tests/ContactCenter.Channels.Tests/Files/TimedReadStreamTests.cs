using ContactCenter.Channels.Files;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Tests.Files;

public sealed class TimedReadStreamTests
{
    [Fact]
    public async Task Read_StalledSource_RejectedWithTheTimeoutKey()
    {
        await using var stream = new TimedReadStream(new StalledStream(), TimeSpan.FromMilliseconds(200), "lettera.pdf", "Channels:scan:ReadTimeout");

        var read = async () => await stream.ReadAsync(new byte[100]).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        (await read.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*lettera.pdf*Channels:scan:ReadTimeout*");
    }

    [Fact]
    public async Task Read_ResponsiveSource_ReturnsTheBytes()
    {
        await using var stream = new TimedReadStream(new MemoryStream([1, 2, 3]), TimeSpan.FromSeconds(5), "a", "k");
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        copy.ToArray().Should().Equal(1, 2, 3);
    }

    /// <summary>A read that never completes, like one on a hung network share.</summary>
    private sealed class StalledStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(new TaskCompletionSource<int>().Task);
    }
}
