using ContactCenter.Core.Receipts;

namespace ContactCenter.Core.Tests.Receipts;

public sealed class RetryBackoffOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(50, 1800)]
    [InlineData(int.MaxValue, 1800)]
    public void After_Attempts_DoublesUpToMax(int attempts, int seconds)
    {
        new RetryBackoffOptions().After(attempts).Should().Be(TimeSpan.FromSeconds(seconds));
    }
}
