using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MailboxQuotaTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(870L << 20, 1024L << 20, null, null, 0.849, "84% full (870 of 1,024 MiB)")]
    [InlineData(92L << 10, 100L << 10, null, null, 0.92, "92% full (92 of 100 KiB)")]
    [InlineData(10L << 20, 1024L << 20, 9_500L, 10_000L, 0.95, "95% full (9,500 of 10,000 messages)")]
    [InlineData(300L << 20, null, null, null, null, "no limit set (300 MiB used)")]
    public void Describe_SaysTheNearerLimit(long? used, long? limit, long? messages, long? messageLimit, double? fraction, string expected)
    {
        var quota = new MailboxQuota("Casella", used, limit, messages, messageLimit, At);

        quota.Describe().Should().Be(expected);
        if (fraction is null)
        {
            quota.UsedFraction.Should().BeNull();
        }
        else
        {
            quota.UsedFraction!.Value.Should().BeApproximately(fraction.Value, 0.001);
        }
    }
}
