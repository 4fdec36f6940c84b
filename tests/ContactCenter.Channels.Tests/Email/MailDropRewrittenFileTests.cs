using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>A drop file rewritten under the same name between its read and its acknowledgement is left for the next poll, never moved away unstored.</summary>
public sealed class MailDropRewrittenFileTests : IDisposable
{
    private readonly TempDirectory _folder = new("cc-maildrop-rewrite");

    private string Drop => _folder.Combine("drop");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Acknowledge_FileRewrittenAfterItWasRead_LeftInPlace_NextPollOffersTheNewContent()
    {
        var path = Path.Combine(Drop, "richiesta.eml");
        Write(path, 1);
        await using var source = new MailDropSource("drop", new MailDropChannelOptions { Type = "MailDrop", Path = Drop, StableFor = TimeSpan.Zero },
            new RecordingLogger(), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var first = (await source.PollAllAsync(acknowledge: false)).Items().Single();

        Write(path, 2);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        await source.AcknowledgeAsync([first], CancellationToken.None);
        await source.RejectAsync(first, "a reason of the first content", CancellationToken.None);

        File.Exists(path).Should().BeTrue("what is there now was never stored");
        Directory.Exists(Path.Combine(Drop, "done")).Should().BeFalse();
        Directory.Exists(Path.Combine(Drop, "quarantine")).Should().BeFalse();
        var second = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        second.SourceKey.Should().NotBe(first.SourceKey);
        (await TestMail.ReadAsync(second)).Should().Contain("Segnalazione 2");
    }

    private static void Write(string path, int number)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        TestMail.Create(number).WriteTo(stream);
    }
}
