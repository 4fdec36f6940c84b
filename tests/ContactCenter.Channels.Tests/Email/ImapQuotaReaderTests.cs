using ContactCenter.Channels.Email;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class ImapQuotaReaderTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Poll_MailboxWithAQuota_RecordsWhatTheServerCounts()
    {
        var user = _server.CreateUser("quota", quotaKib: 1024);
        var messages = TestMail.Many(20).ToList();
        await _server.AppendManyAsync(user, messages);
        var quotas = new MailboxQuotaRegistry();
        await using var source = ImapTestSources.Create(_server, user, quotas: quotas);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        var quota = quotas.Of("urp");
        quota.Should().NotBeNull();
        quota!.LimitBytes.Should().Be(1 << 20);
        var bytes = items.Sum(i => i.Length ?? 0);
        bytes.Should().BeGreaterThan(0);
        quota.UsedBytes!.Value.Should().BeCloseTo(bytes, 1024, "the server counts the messages' sizes, in KiB");
        quota.UsedFraction!.Value.Should().BeApproximately((double)bytes / (1 << 20), 0.002);
        quota.Root.Should().Be("Casella");
        quota.Describe().Should().MatchRegex(@"^[0-9]+% full \([0-9]+ of 1,024 KiB\)$");
    }

    [Fact]
    public async Task Poll_MailboxNearlyFull_SaysHowFull()
    {
        var user = _server.CreateUser("quota", quotaKib: 100);
        await _server.AppendManyAsync(user, [TestMail.Large(1, 92_000)]);
        var quotas = new MailboxQuotaRegistry();
        await using var source = ImapTestSources.Create(_server, user, quotas: quotas);

        await source.PollAllAsync(acknowledge: false);

        quotas.Of("urp")!.UsedFraction.Should().BeGreaterThan(0.9);
        quotas.Of("urp")!.Describe().Should().StartWith("9").And.Contain("% full (").And.EndWith(" of 100 KiB)");
    }

    [Fact]
    public async Task Poll_WithoutARegistry_AsksNoQuota()
    {
        var user = _server.CreateUser("quota");
        await _server.AppendManyAsync(user, TestMail.Many(2));
        var counter = new ImapCommandCounter();
        await using var source = ImapTestSources.Create(_server, user, counter: counter);

        await source.PollAllAsync(acknowledge: false);

        counter.ClientText.Should().NotContain("GETQUOTAROOT");
    }
}
