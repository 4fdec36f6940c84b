using System.Security.Cryptography;
using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MailDropSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("cc-maildrop");

    private string Drop => _folder.Combine("drop");

    [Fact]
    public async Task Poll_EmlFolder_TakesOnlyVisibleEmlFiles()
    {
        Write("a.eml", 1);
        Write("b.EML", 2);
        Write(".hidden.eml", 3);
        Write("~lock.eml", 4);
        Write("c.eml.tmp", 5);
        Write("d.eml~", 6);
        Write("notes.txt", 7);
        await using var source = Create();

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Select(i => i.Metadata["maildrop.file"]).Should().BeEquivalentTo("a.eml", "b.EML");
        var bytes = File.ReadAllBytes(Path.Combine(Drop, "a.eml"));
        items.Should().Contain(i => i.SourceKey == $"maildrop:drop/{Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        items.Should().AllSatisfy(i => i.OriginalContentType.Should().Be("message/rfc822"));
    }

    [Fact]
    public async Task Poll_EmlFolder_FileStillBeingWritten_TakenOnlyOnceUnchangedForStableFor()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var path = Path.Combine(Drop, "in-arrivo.eml");
        Directory.CreateDirectory(Drop);
        File.WriteAllText(path, "From: a@example.it\r\nSubject: met");
        await using var source = Create(TimeSpan.FromSeconds(5), time);

        (await source.PollAllAsync(acknowledge: false)).Items().Should().BeEmpty("the file was written just now");
        time.Advance(TimeSpan.FromSeconds(3));
        File.AppendAllText(path, "a\r\n\r\nTesto completo.\r\n");
        File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        time.Advance(TimeSpan.FromSeconds(3));
        (await source.PollAllAsync(acknowledge: false)).Items().Should().BeEmpty("it changed since the last poll");
        time.Advance(TimeSpan.FromSeconds(4));
        (await source.PollAllAsync(acknowledge: false)).Items().Should().BeEmpty("unchanged for only 4 s");
        time.Advance(TimeSpan.FromSeconds(1));

        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        (await TestMail.ReadAsync(item)).Should().EndWith("Testo completo.\r\n");
    }

    [Fact]
    public async Task Poll_EmlFolder_FileUntouchedForLongerThanStableFor_TakenAtFirstSight()
    {
        Write("ieri.eml", 1);
        File.SetLastWriteTimeUtc(Path.Combine(Drop, "ieri.eml"), Now.UtcDateTime.AddMinutes(-1));
        Write("adesso.eml", 2);
        File.SetLastWriteTimeUtc(Path.Combine(Drop, "adesso.eml"), Now.UtcDateTime.AddSeconds(-1));
        await using var source = Create(TimeSpan.FromSeconds(5));

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Select(i => i.Metadata["maildrop.file"]).Should().Equal("ieri.eml");
    }

    [Fact]
    public async Task Poll_Maildir_NewFilesTakenWithoutStabilityWait()
    {
        Write("new/1700000000.1.host", 1);
        File.SetLastWriteTimeUtc(Path.Combine(Drop, "new/1700000000.1.host"), Now.UtcDateTime);
        await using var source = Create(TimeSpan.FromSeconds(5));

        (await source.PollAllAsync(acknowledge: false)).Items().Should().ContainSingle("a Maildir's new/ only ever holds complete messages");
    }

    [Fact]
    public async Task Poll_Maildir_ReadsNewAndCurButNotTmp()
    {
        Write("new/1700000000.1.host", 1);
        Write("cur/1700000001.2.host:2,S", 2);
        Write("tmp/1700000002.3.host", 3);
        File.SetLastWriteTimeUtc(Path.Combine(Drop, "new/1700000000.1.host"), new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        await using var source = Create();

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(2);
        items[0].ReceivedAt.Should().Be(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        (await TestMail.ReadAsync(items[0])).Should().Contain("Segnalazione 1");
    }

    [Fact]
    public async Task Poll_SameBytesTwice_GiveTheSameKey()
    {
        Write("a.eml", 1);
        File.Copy(Path.Combine(Drop, "a.eml"), Path.Combine(Drop, "a-again.eml"));
        await using var source = Create();

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(2);
        items.Select(i => i.SourceKey).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Acknowledge_MovesFilesToDoneByYearAndMonth()
    {
        Write("a.eml", 1);
        Write("b.eml", 2);
        await using var source = Create();

        var batches = await source.PollAllAsync(acknowledge: true);

        batches.Items().Should().HaveCount(2);
        Directory.GetFiles(Drop).Should().BeEmpty();
        Directory.GetFiles(Path.Combine(Drop, "done", "2026", "03")).Select(Path.GetFileName).Should().BeEquivalentTo("a.eml", "b.eml");
        (await source.PollAllAsync(acknowledge: true)).Items().Should().BeEmpty();
    }

    [Fact]
    public async Task Reject_MovesFileToQuarantineWithReason()
    {
        Write("bad.eml", 1);
        await using var source = Create();

        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        await source.RejectAsync(item, "messaggio illeggibile", CancellationToken.None);

        var quarantine = Path.Combine(Drop, "quarantine");
        File.Exists(Path.Combine(quarantine, "bad.eml")).Should().BeTrue();
        File.ReadAllText(Path.Combine(quarantine, "bad.eml.reason.txt")).Should().Contain("messaggio illeggibile");
        File.Exists(Path.Combine(Drop, "bad.eml")).Should().BeFalse();
    }

    public void Dispose() => _folder.Dispose();

    private MailDropSource Create(TimeSpan? stableFor = null, FakeTimeProvider? time = null) =>
        new("drop", new MailDropChannelOptions { Type = "MailDrop", Path = Drop, BatchSize = 10, StableFor = stableFor ?? TimeSpan.Zero },
            new RecordingLogger(), time ?? new FakeTimeProvider(Now));

    private void Write(string relative, int number)
    {
        var path = Path.Combine(Drop, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        TestMail.Create(number).WriteTo(stream);
    }
}
