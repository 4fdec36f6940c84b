using ContactCenter.Channels.Email;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

public sealed class ConnectionWarningsTests
{
    [Fact]
    public void Due_AtTheFirstConnect_ThenOnlyOnceADayHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var warnings = new ConnectionWarnings(time);

        warnings.Due().Should().BeTrue();
        warnings.Due().Should().BeFalse();
        time.Advance(TimeSpan.FromHours(23));
        warnings.Due().Should().BeFalse();
        time.Advance(TimeSpan.FromHours(1));
        warnings.Due().Should().BeTrue();
        warnings.Due().Should().BeFalse();
    }
}
