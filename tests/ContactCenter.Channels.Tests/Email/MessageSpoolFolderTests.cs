using ContactCenter.Channels.Email;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MessageSpoolFolderTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-spoolfolder");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Prepare_SpoolUnderTheDataFolder_LeftoversOfACrashRemoved()
    {
        var spool = Path.Combine(folder.Path, "spool");
        Directory.CreateDirectory(spool);
        File.WriteAllText(Path.Combine(spool, "cc-mail-0123.eml"), "left by a crash");
        File.WriteAllText(Path.Combine(spool, "altro.txt"), "not ours");

        var prepared = MessageSpoolFolder.Prepare(folder.Path);

        prepared.Should().Be(spool);
        Directory.GetFiles(spool).Select(Path.GetFileName).Should().Equal("altro.txt");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(spool).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Normalize_LargeMessage_NoSpoolFileEverVisibleOrLeft()
    {
        using var harness = new NormalizerHarness();
        var raw = RawMail.Simple("Testo.\r\n" + new string('x', 2 * 1024 * 1024));
        var spool = MessageSpoolFolder.Prepare(folder.Path);

        await using (var created = await MessageSpool.CreateAsync(harness.Item(raw), long.MaxValue, CancellationToken.None))
        {
            created.FilePath.Should().StartWith(spool);
            Directory.GetFiles(spool).Should().BeEmpty("unlinked at creation");
            await using var read = created.OpenRead();
            read.Length.Should().Be(raw.Length);
        }

        Directory.GetFiles(spool).Should().BeEmpty();
    }
}
