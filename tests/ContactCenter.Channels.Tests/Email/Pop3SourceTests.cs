using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class Pop3SourceTests(DovecotFixture fixture) : IDisposable
{
    private readonly DovecotServer _server = fixture.Server;
    private readonly TempDirectory _state = new("cc-pop3");

    private string StatePath => _state.Combine("pop3-pop.json");

    [Fact]
    public async Task Poll_DeleteModeWithoutAcknowledge_LeavesMessagesOnServer()
    {
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        await using var source = Pop3TestSources.Create(_server, user, StatePath);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(3);
        items.Should().AllSatisfy(i => i.SourceKey.Should().MatchRegex($"^pop3:{user}@127\\.0\\.0\\.1/[0-9a-fA-F]{{16}}/[0-9a-f]{{16}}$"));
        (await TestMail.ReadAsync(items[0])).Should().Contain("Segnalazione 1");
        (await _server.CountAsync(user)).Should().Be(3);
    }

    [Fact]
    public async Task Poll_MessageOverMaxMessageBytes_NotDownloadedAndRejectsWithItsSize()
    {
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, [TestMail.Create(1), TestMail.Large(2, 300_000), TestMail.Create(3)]);
        var logger = new RecordingLogger();
        await using var source = Pop3TestSources.Create(_server, user, StatePath, logger: logger, maxMessageBytes: 100_000);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(3);
        var large = items.Single(i => i.Length > 300_000);
        await FluentActions.Awaiting(async () => await large.OpenAsync(CancellationToken.None))
            .Should().ThrowAsync<ContactCenter.Core.Intake.InboundItemRejectedException>()
            .WithMessage("*over the limit of 100000 bytes*not downloaded*");
        logger.Entries.Should().Contain(e => e.Id.Id == 1218 && e.Message.Contains(large.SourceKey, StringComparison.Ordinal));
        var fetched = logger.Entries.Single(e => e.Id.Id == 1206).Message;
        long.Parse(System.Text.RegularExpressions.Regex.Match(fetched, @"(\d+) bytes").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeLessThan(10_000, "only the two small messages were downloaded");
    }

    [Fact]
    public async Task Acknowledge_DeleteMode_DeletesEachBatchWithItsQuit()
    {
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, TestMail.Many(5));
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.BatchSize = 2);

        var batches = await source.PollAllAsync(acknowledge: true);

        batches.Select(b => b.Items.Count).Should().Equal(2, 2, 1);
        batches.Items().Select(i => i.SourceKey).Should().OnlyHaveUniqueItems();
        (await _server.CountAsync(user)).Should().Be(0);
    }

    [Fact]
    public async Task Acknowledge_KeepMode_RemembersUidlsAcrossSourceInstances()
    {
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        await using (var first = Pop3TestSources.Create(_server, user, StatePath, o => o.AfterImport = Pop3AfterImport.Keep))
        {
            (await first.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(3);
        }

        await _server.AppendAsync(user, TestMail.Create(4));
        await using var second = Pop3TestSources.Create(_server, user, StatePath, o => o.AfterImport = Pop3AfterImport.Keep);
        var items = (await second.PollAllAsync(acknowledge: true)).Items();

        items.Should().ContainSingle();
        (await TestMail.ReadAsync(items[0])).Should().Contain("Segnalazione 4");
        (await _server.CountAsync(user)).Should().Be(4);
        File.ReadAllText(StatePath).Should().Contain("Imported");
    }

    [Fact]
    public async Task Reject_LeavesMessageOnServerAndNeverOffersItAgain()
    {
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, TestMail.Many(2));
        await using var source = Pop3TestSources.Create(_server, user, StatePath);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();
        await source.RejectAsync(items[0], "oltre il limite di dimensione", CancellationToken.None);
        await source.AcknowledgeAsync([items[1]], CancellationToken.None);

        (await _server.SubjectsAsync(user)).Should().Equal("Segnalazione 1");
        (await source.PollAllAsync(acknowledge: true)).Items().Should().BeEmpty();
        File.ReadAllText(StatePath).Should().Contain("oltre il limite di dimensione");
    }

    [Fact]
    public async Task Poll_ImportSince_LeavesOlderMessagesUntouched()
    {
        var user = _server.CreateUser("pop");
        var old = TestMail.Create(1, "Vecchia");
        old.Date = new DateTimeOffset(2023, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await _server.AppendAsync(user, old);
        await _server.AppendAsync(user, TestMail.Create(2, "Nuova"));
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.ImportSince = new DateOnly(2024, 1, 1));

        (await source.PollAllAsync(acknowledge: true)).Items().Should().ContainSingle();

        (await _server.SubjectsAsync(user)).Should().Equal("Vecchia 1");
    }

    public void Dispose() => _state.Dispose();
}
